/**
 * Undo for vocabulary operations (Tropy's commands keep their inverse): before an operation
 * changes tags, it records the tag rows, aliases and implications of everything it will touch
 * and, link by link in SQL, what it removes and adds. `revertTagUndo` puts exactly that back.
 */
import { randomUUID } from 'node:crypto';
import { FolioError } from '../../../shared/errors.js';
import { splitTagPath } from '../../../shared/tag-path.js';
import type { Db } from '../db/connection.js';
import { statement } from '../db/statements.js';
import { aliasesOf, restoreAlias, type TagAliasRow } from '../db/tag-alias-repo.js';
import { implicationsTouching, insertImplication, type TagImplicationRow } from '../db/tag-implication-repo.js';
import { ensureTagPath, getTag, getTagByKey, restoreTagRow, type TagRow } from '../db/tag-repo.js';
import { deleteUndo, getLatestUndo, getUndo, insertUndo, removeAddedLinks, restoreRemovedLinks, setUndoState, undoLinkedItems, type TagUndoKind } from '../db/tag-undo-repo.js';

interface UndoState {
  /** Tag rows as they were before, for every tag the operation changed or removed. */
  tags: TagRow[];
  /** Tags the operation removed (their ids must still be free to come back). */
  deleted: number[];
  /** Tags the operation made (new levels of a path); they go again when nothing else uses them. */
  created: number[];
  aliases: TagAliasRow[];
  implies: TagImplicationRow[];
}

export class TagUndoRecorder {
  readonly id: number;
  readonly token: string;
  private readonly state: UndoState = { tags: [], deleted: [], created: [], aliases: [], implies: [] };
  private readonly known = new Set<number>();

  constructor(
    private readonly db: Db,
    kind: TagUndoKind,
    now: string,
  ) {
    this.token = randomUUID();
    this.id = insertUndo(db, this.token, kind, '{}', now);
  }

  /** Records these rows (and their aliases and implications) as they are now, once each. */
  keep(rows: readonly TagRow[]): void {
    const fresh = rows.filter((row) => !this.known.has(row.id));
    if (fresh.length === 0) return;
    for (const row of fresh) this.known.add(row.id);
    const ids = fresh.map((row) => row.id);
    this.state.tags.push(...fresh);
    this.state.aliases.push(...aliasesOf(this.db, ids));
    const seen = new Set(this.state.implies.map((i) => `${i.tag_id}>${i.implied_id}`));
    for (const rule of implicationsTouching(this.db, ids)) {
      if (!seen.has(`${rule.tag_id}>${rule.implied_id}`)) this.state.implies.push(rule);
    }
  }

  created(id: number): void {
    if (!this.known.has(id)) this.state.created.push(id);
  }

  deleted(id: number): void {
    this.state.deleted.push(id);
  }

  finish(): string {
    setUndoState(this.db, this.id, JSON.stringify(this.state));
    return this.token;
  }
}

/** Made levels of a path that `ensureTagPath` would create, as the recorder should hear of them. */
export function ensureRecordedPath(db: Db, recorder: TagUndoRecorder, levels: readonly string[], now: string): TagRow {
  const before = statement(db, `SELECT coalesce(max(id), 0) FROM tags`).pluck().get() as number;
  const row = ensureTagPath(db, levels, now);
  const made = statement(db, `SELECT id FROM tags WHERE id > ?`).pluck().all(before) as number[];
  for (const id of made) recorder.created(id);
  return row;
}

export const LATEST_UNDO = 'latest';

const TEMPORARY_KEY_PREFIX = '\u0000undo:';

/** Reverts one operation; CONFLICT (nothing changed) when a later change stands in the way. Call inside a transaction. */
export function revertTagUndo(db: Db, token: string, now: string): number[] {
  // `latest`: the most recent change still kept (the CLI's and a script's "undo the last one").
  const entry = token === LATEST_UNDO ? getLatestUndo(db) : getUndo(db, token);
  if (!entry) {
    throw new FolioError('NOT_FOUND', 'That undo is no longer kept (only the last 50 tag changes can be undone, each once)', { field: 'token' });
  }
  const state = JSON.parse(entry.state) as UndoState;
  const inState = new Set(state.tags.map((row) => row.id));
  const created = new Set(state.created);
  for (const id of state.deleted) {
    if (getTag(db, id)) throw new FolioError('CONFLICT', `Cannot undo: a tag made since has taken the place of one this would bring back`, { field: 'token' });
  }
  for (const row of state.tags) {
    const holder = getTagByKey(db, row.key);
    if (holder && holder.id !== row.id && !inState.has(holder.id)) {
      throw new FolioError('CONFLICT', `Cannot undo: the tag "${holder.name}" was made since; rename or merge it first`, { field: 'token' });
    }
  }
  const items = undoLinkedItems(db, entry.id);
  removeAddedLinks(db, entry.id);
  const affected = JSON.stringify([...inState, ...created]);
  statement(db, `DELETE FROM tag_aliases WHERE tag_id IN (SELECT value FROM json_each(?))`).run(affected);
  statement(db, `DELETE FROM tag_implies WHERE tag_id IN (SELECT value FROM json_each(@ids)) OR implied_id IN (SELECT value FROM json_each(@ids))`).run({ ids: affected });
  // Keys out of the way first, so that rows trading places never meet on the unique key.
  statement(db, `UPDATE tags SET key = ? || id WHERE id IN (SELECT value FROM json_each(?))`).run(TEMPORARY_KEY_PREFIX, JSON.stringify([...inState]));
  // Parents before children: a parent's key is a proper prefix of its children's.
  for (const row of [...state.tags].sort((a, b) => a.key.length - b.key.length)) {
    let parentId = row.parent_id;
    if (parentId !== null && !inState.has(parentId) && !getTag(db, parentId)) {
      // The level above went since (deleted); the path brings it back.
      const levels = splitTagPath(row.name);
      parentId = ensureTagPath(db, levels.slice(0, -1), now).id;
    }
    restoreTagRow(db, { ...row, parent_id: parentId }, now);
  }
  for (const alias of state.aliases) restoreAlias(db, alias);
  for (const rule of state.implies) {
    if (getTag(db, rule.tag_id) && getTag(db, rule.implied_id)) insertImplication(db, rule.tag_id, rule.implied_id);
  }
  restoreRemovedLinks(db, entry.id);
  // What the operation made goes again unless something holds on to it now (leaves first).
  for (const id of [...created].sort((a, b) => b - a)) {
    statement(
      db,
      `DELETE FROM tags WHERE id = ? AND colour IS NULL
         AND NOT EXISTS (SELECT 1 FROM media_tags mt WHERE mt.tag_id = tags.id)
         AND NOT EXISTS (SELECT 1 FROM tags c WHERE c.parent_id = tags.id)
         AND NOT EXISTS (SELECT 1 FROM tag_aliases a WHERE a.tag_id = tags.id)
         AND NOT EXISTS (SELECT 1 FROM tag_implies i WHERE i.tag_id = tags.id OR i.implied_id = tags.id)`,
    ).run(id);
  }
  deleteUndo(db, entry.id);
  return items;
}
