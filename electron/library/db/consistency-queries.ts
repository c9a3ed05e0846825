/**
 * The queries of `folio check`: they read across tables (tags against their links, items against
 * their folders, thumbnails against items), so they sit together rather than in one table's
 * repository. The repairs here only recompute derived data; nothing the user entered changes.
 */
import type { Db } from './connection.js';
import { statement } from './statements.js';

export interface WrongTagCount {
  id: number;
  name: string;
  stored: number;
  actual: number;
}

// The same rule the link triggers and the trash moves keep: user links of items not in the trash.
const ACTUAL_COUNT = `(SELECT count(*) FROM media_tags mt
   WHERE mt.tag_id = t.id AND mt.source = 'user' AND NOT EXISTS (SELECT 1 FROM trash tr WHERE tr.media_id = mt.media_id))`;

export function wrongTagCounts(db: Db): WrongTagCount[] {
  return statement(
    db,
    `SELECT id, name, stored, actual FROM (SELECT t.id, t.name, t.item_count AS stored, ${ACTUAL_COUNT} AS actual FROM tags t)
     WHERE stored <> actual ORDER BY name`,
  ).all() as WrongTagCount[];
}

/** Sets every tag's count to its links; returns how many changed. */
export function recountTags(db: Db): number {
  return statement(db, `UPDATE tags AS t SET item_count = ${ACTUAL_COUNT} WHERE t.item_count <> ${ACTUAL_COUNT}`).run().changes;
}

export interface CheckedItemRow {
  id: number;
  folderPath: string;
  relPath: Buffer;
  displayPath: string;
  fileSize: number;
  mtime: string;
  md5: string | null;
  type: string;
  fileState: string;
  availability: string;
  /** Sizes with a thumbnail record, comma-separated, or null. */
  thumbnailSizes: string | null;
}

/** Every item with where its file is and which thumbnails it has on record, in id order. */
export function itemsToCheck(db: Db): CheckedItemRow[] {
  return statement(
    db,
    `SELECT m.id, f.path AS folderPath, m.rel_path AS relPath, m.display_path AS displayPath, m.file_size AS fileSize,
       m.mtime, m.md5, m.type, m.file_state AS fileState, m.availability,
       (SELECT group_concat(t.size) FROM thumbnails t WHERE t.md5 = m.md5) AS thumbnailSizes
     FROM media m JOIN folders f ON f.id = m.folder_id ORDER BY m.id`,
  ).all() as CheckedItemRow[];
}

/** Forgets thumbnail records whose cached file is gone, so the next request renders them again. */
export function forgetThumbnailRecords(db: Db, md5: string, sizes: readonly number[]): number {
  if (sizes.length === 0) return 0;
  return statement(db, `DELETE FROM thumbnails WHERE md5 = ? AND size IN (SELECT value FROM json_each(?))`).run(md5, JSON.stringify(sizes)).changes;
}

export function integrityProblems(db: Db): string[] {
  return (db.pragma('integrity_check(100)') as { integrity_check: string }[]).map((row) => row.integrity_check).filter((text) => text !== 'ok');
}

export interface ForeignKeyProblem {
  table: string;
  rowid: number | null;
  parent: string;
}

export function foreignKeyProblems(db: Db): ForeignKeyProblem[] {
  return db.pragma('foreign_key_check') as ForeignKeyProblem[];
}
