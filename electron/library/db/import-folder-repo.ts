/** Adding library folders and keeping their scan state (listing and removing are in folder-repo). */
import type { Db } from './connection.js';
import { statement } from './statements.js';

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
