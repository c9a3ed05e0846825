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

/** What a run looked at: the extension's model version and the content's md5 (the queue re-runs on a change of either). */
export interface RunSubject {
  model_version: string;
  md5: string | null;
}

export function recordExtensionRun(db: Db, run: ExtensionRunRow & RunSubject): void {
  statement(
    db,
    `INSERT INTO extension_runs (media_id, extension, status, message, ran_at, model_version, md5)
     VALUES (@media_id, @extension, @status, @message, @ran_at, @model_version, @md5)
     ON CONFLICT (media_id, extension) DO UPDATE SET status = excluded.status, message = excluded.message, ran_at = excluded.ran_at,
       model_version = excluded.model_version, md5 = excluded.md5`,
  ).run(run);
}

export function extensionRunsOf(db: Db, ids: readonly number[]): ExtensionRunRow[] {
  return statement(
    db,
    `SELECT media_id, extension, status, message, ran_at FROM extension_runs
     WHERE media_id IN (SELECT value FROM json_each(?)) ORDER BY media_id, extension`,
  ).all(jsonIds(ids)) as ExtensionRunRow[];
}
