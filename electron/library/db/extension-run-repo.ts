/** The `extension_runs` table: how each extension's last run on an item went. */
import type { Db } from './connection.js';
import { jsonIds, statement } from './statements.js';

export interface ExtensionRunRow {
  media_id: number;
  extension: string;
  status: string;
  message: string | null;
  ran_at: string;
}

export function recordExtensionRun(db: Db, run: ExtensionRunRow): void {
  statement(
    db,
    `INSERT INTO extension_runs (media_id, extension, status, message, ran_at) VALUES (@media_id, @extension, @status, @message, @ran_at)
     ON CONFLICT (media_id, extension) DO UPDATE SET status = excluded.status, message = excluded.message, ran_at = excluded.ran_at`,
  ).run(run);
}

export function extensionRunsOf(db: Db, ids: readonly number[]): ExtensionRunRow[] {
  return statement(
    db,
    `SELECT media_id, extension, status, message, ran_at FROM extension_runs
     WHERE media_id IN (SELECT value FROM json_each(?)) ORDER BY media_id, extension`,
  ).all(jsonIds(ids)) as ExtensionRunRow[];
}
