/** Library folders: the list with item counts, and forgetting one with its items. */
import type { Db } from './connection.js';
import { notTrashed } from './media-row.js';
import { statement } from './statements.js';
import { distinctMd5s } from './trash-repo.js';

export interface FolderRow {
  id: number;
  path: string;
  state: 'online' | 'offline';
  added_at: string;
  last_scan_at: string | null;
  item_count: number;
}

/** Every folder with its count of active items (one index range per folder). */
export function listFolders(db: Db): FolderRow[] {
  return statement(
    db,
    `SELECT f.id, f.path, f.state, f.added_at, f.last_scan_at,
       (SELECT count(*) FROM media m WHERE m.folder_id = f.id AND ${notTrashed('m.id')}) AS item_count
     FROM folders f ORDER BY f.path`,
  ).all() as FolderRow[];
}

export function folderExists(db: Db, id: number): boolean {
  return statement(db, `SELECT 1 FROM folders WHERE id = ?`).get(id) !== undefined;
}

/**
 * Deletes the folder's record; its items, their links and import records go with it through
 * the foreign keys' cascades. Returns how many items went and the md5s they had.
 */
export function deleteFolder(db: Db, id: number): { removedItems: number; md5s: string[] } {
  const md5s = statement(db, `SELECT md5 FROM media WHERE folder_id = ?`).pluck().all(id) as (string | null)[];
  statement(db, `DELETE FROM folders WHERE id = ?`).run(id);
  return { removedItems: md5s.length, md5s: distinctMd5s(md5s) };
}

export interface LibraryCounts {
  itemCount: number;
  trashCount: number;
}

export function countItems(db: Db): LibraryCounts {
  const row = statement(
    db,
    `SELECT (SELECT count(*) FROM media) - (SELECT count(*) FROM trash) AS itemCount,
            (SELECT count(*) FROM trash) AS trashCount`,
  ).get() as LibraryCounts;
  return row;
}
