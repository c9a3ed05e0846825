/**
 * The `tag_undo` and `tag_undo_links` tables: what undoes each of the last vocabulary
 * operations (rename/move, merge, delete). The state (tag rows, aliases, implications as they
 * were) is small JSON; the links an operation removed or added, up to every link of a tag on
 * 100,000 items, are rows copied by one INSERT … SELECT, never through JavaScript.
 */
import type { Db } from './connection.js';
import { statement } from './statements.js';

export const KEPT_TAG_UNDOS = 50;

export type TagUndoKind = 'update' | 'merge' | 'delete';

export interface TagUndoEntry {
  id: number;
  token: string;
  kind: TagUndoKind;
  state: string;
}

export function insertUndo(db: Db, token: string, kind: TagUndoKind, state: string, now: string): number {
  const id = statement(db, `INSERT INTO tag_undo (token, kind, state, created_at) VALUES (?, ?, ?, ?)`).run(token, kind, state, now)
    .lastInsertRowid;
  // Only the last operations stay undoable; their links go with them by the cascade.
  statement(db, `DELETE FROM tag_undo WHERE id <= (SELECT max(id) FROM tag_undo) - ?`).run(KEPT_TAG_UNDOS);
  return Number(id);
}

export function setUndoState(db: Db, id: number, state: string): void {
  statement(db, `UPDATE tag_undo SET state = ? WHERE id = ?`).run(state, id);
}

export function getUndo(db: Db, token: string): TagUndoEntry | undefined {
  return statement(db, `SELECT id, token, kind, state FROM tag_undo WHERE token = ?`).get(token) as TagUndoEntry | undefined;
}

export function getLatestUndo(db: Db): TagUndoEntry | undefined {
  return statement(db, `SELECT id, token, kind, state FROM tag_undo ORDER BY id DESC LIMIT 1`).get() as TagUndoEntry | undefined;
}

export function deleteUndo(db: Db, id: number): void {
  statement(db, `DELETE FROM tag_undo WHERE id = ?`).run(id);
}

/** Keeps every link of the tag (user and AI) as removed by operation `undoId`. */
export function keepRemovedLinks(db: Db, undoId: number, tagId: number): void {
  statement(
    db,
    `INSERT OR IGNORE INTO tag_undo_links (undo_id, change, tag_id, source, media_id, confidence, added_at, box)
     SELECT ?, 'removed', tag_id, source, media_id, confidence, added_at, box FROM media_tags WHERE tag_id = ?`,
  ).run(undoId, tagId);
}

/** Keeps, as added by operation `undoId`, the links of `fromId` that `toId` lacks (a merge is about to add them). */
export function keepLinksToBeAdded(db: Db, undoId: number, fromId: number, toId: number): void {
  statement(
    db,
    `INSERT OR IGNORE INTO tag_undo_links (undo_id, change, tag_id, source, media_id, confidence, added_at, box)
     SELECT @undo, 'added', @to, s.source, s.media_id, s.confidence, s.added_at, s.box FROM media_tags s
     WHERE s.tag_id = @from
       AND NOT EXISTS (SELECT 1 FROM media_tags d WHERE d.tag_id = @to AND d.source = s.source AND d.media_id = s.media_id)`,
  ).run({ undo: undoId, from: fromId, to: toId });
}

/** Takes away the links operation `undoId` added. */
export function removeAddedLinks(db: Db, undoId: number): void {
  statement(
    db,
    `DELETE FROM media_tags WHERE (tag_id, source, media_id) IN
       (SELECT tag_id, source, media_id FROM tag_undo_links WHERE undo_id = ? AND change = 'added')`,
  ).run(undoId);
}

/** Puts back the links operation `undoId` removed, on items still in the library. */
export function restoreRemovedLinks(db: Db, undoId: number): void {
  statement(
    db,
    `INSERT OR IGNORE INTO media_tags (media_id, tag_id, source, confidence, added_at, box)
     SELECT u.media_id, u.tag_id, u.source, u.confidence, u.added_at, u.box FROM tag_undo_links u
     WHERE u.undo_id = ? AND u.change = 'removed' AND EXISTS (SELECT 1 FROM media m WHERE m.id = u.media_id)
     ORDER BY u.tag_id, u.source, u.media_id`,
  ).run(undoId);
}

export function undoLinkedItems(db: Db, undoId: number): number[] {
  return statement(db, `SELECT DISTINCT media_id FROM tag_undo_links WHERE undo_id = ? AND source = 'user'`)
    .pluck()
    .all(undoId) as number[];
}
