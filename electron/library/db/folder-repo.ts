/**
 * The `folders` table: adding library folders, their scan state, the list with item counts,
 * folding one into a folder that contains it, and forgetting one with its items.
 */
import type { Db } from './connection.js';
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

/**
 * Every folder with its count of active items: the folder's index range counted bare, less its
 * items in the trash. Asking the trash of each of a million rows instead took 260–540 ms per
 * call, and the sidebar asks on every load and change; CROSS JOIN keeps SQLite walking the
 * (small) trash rather than the folder's items (1,000,000 items: 210 ms → 25 ms).
 */
const LIST_FOLDERS = `SELECT f.id, f.path, f.state, f.added_at, f.last_scan_at,
       (SELECT count(*) FROM media m WHERE m.folder_id = f.id)
         - (SELECT count(*) FROM trash t CROSS JOIN media m ON m.id = t.media_id WHERE m.folder_id = f.id) AS item_count
     FROM folders f ORDER BY f.path`;

export function listFolders(db: Db): FolderRow[] {
  return statement(db, LIST_FOLDERS).all() as FolderRow[];
}

/** The plan of listFolders, for the test that holds it to the folder index and the trash. */
export function explainListFolders(db: Db): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${LIST_FOLDERS}`).all() as { detail: string }[]).map((row) => row.detail);
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

export interface FolderRecord {
  id: number;
  path: string;
  state: 'online' | 'offline';
}

export function allFolderRecords(db: Db): FolderRecord[] {
  return statement(db, `SELECT id, path, state FROM folders ORDER BY id`).all() as FolderRecord[];
}

export function getFolderRecord(db: Db, id: number): FolderRecord | undefined {
  return statement(db, `SELECT id, path, state FROM folders WHERE id = ?`).get(id) as FolderRecord | undefined;
}

export function insertFolder(db: Db, folderPath: string, now: string): number {
  const info = statement(db, `INSERT INTO folders (path, state, added_at) VALUES (?, 'online', ?)`).run(folderPath, now);
  return Number(info.lastInsertRowid);
}

/** Returns true when the state changed. */
export function setFolderState(db: Db, id: number, state: 'online' | 'offline'): boolean {
  return statement(db, `UPDATE folders SET state = ? WHERE id = ? AND state <> ?`).run(state, id, state).changes > 0;
}

export function setFolderScanned(db: Db, id: number, now: string): void {
  statement(db, `UPDATE folders SET last_scan_at = ? WHERE id = ?`).run(now, id);
}

/**
 * Folds a folder into one that contains it (the user added a parent of an existing library
 * folder): its items move over with `prefix/` before their paths, keeping ids and everything
 * attached, and the inner folder's record goes. Paths are bytes, so the prefix is joined here,
 * not in SQL text.
 */
export function absorbFolder(db: Db, innerId: number, outerId: number, prefix: Buffer): number {
  const rows = statement(db, `SELECT id, rel_path, display_path FROM media WHERE folder_id = ?`).all(innerId) as {
    id: number;
    rel_path: Buffer;
    display_path: string;
  }[];
  const move = statement(db, `UPDATE media SET folder_id = ?, rel_path = ?, display_path = ? WHERE id = ?`);
  const slash = Buffer.from('/');
  const prefixText = prefix.toString('utf8');
  for (const row of rows) {
    move.run(outerId, Buffer.concat([prefix, slash, row.rel_path]), `${prefixText}/${row.display_path}`, row.id);
  }
  statement(db, `UPDATE import_issues SET folder_id = ? WHERE folder_id = ?`).run(outerId, innerId);
  statement(db, `UPDATE import_jobs SET folder_id = ? WHERE folder_id = ?`).run(outerId, innerId);
  statement(db, `DELETE FROM folders WHERE id = ?`).run(innerId);
  return rows.length;
}
