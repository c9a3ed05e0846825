/** The `import_issues` table: what a folder's latest scan could not read, and why. */
import type { ImportIssue } from '../../../shared/media.js';
import type { Db } from './connection.js';
import { statement } from './statements.js';

export function addImportIssue(db: Db, folderId: number, path: string, reason: string, now: string): void {
  statement(db, `INSERT INTO import_issues (folder_id, path, reason, at) VALUES (?, ?, ?, ?)`).run(folderId, path, reason, now);
}

/**
 * Forgets a folder's issues before it is scanned again (under `pathPrefix` only, for a scan of
 * part of the folder), so the list always describes the latest scan.
 */
export function clearImportIssues(db: Db, folderId: number, pathPrefix: string | null): void {
  if (pathPrefix === null) {
    statement(db, `DELETE FROM import_issues WHERE folder_id = ?`).run(folderId);
    return;
  }
  statement(db, `DELETE FROM import_issues WHERE folder_id = ? AND substr(path, 1, length(?)) = ?`).run(
    folderId,
    pathPrefix,
    pathPrefix,
  );
}

/** Newest first. */
export function listImportIssues(db: Db, folderId: number | undefined, limit: number): ImportIssue[] {
  if (folderId === undefined) {
    return statement(db, `SELECT path, reason, at FROM import_issues ORDER BY id DESC LIMIT ?`).all(limit) as ImportIssue[];
  }
  return statement(db, `SELECT path, reason, at FROM import_issues WHERE folder_id = ? ORDER BY id DESC LIMIT ?`).all(
    folderId,
    limit,
  ) as ImportIssue[];
}
