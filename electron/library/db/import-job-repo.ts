/** The `import_jobs` table: one row per import or rescan, with its counts and how it ended. */
import type { Db } from './connection.js';
import { statement } from './statements.js';

export type JobKind = 'import' | 'rescan';
export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface JobRow {
  id: string;
  folder_id: number | null;
  kind: JobKind;
  state: JobState;
  total: number;
  done: number;
  errors: number;
  started_at: string;
  finished_at: string | null;
}

export interface JobCounts {
  total: number;
  done: number;
  errors: number;
}

export function insertJob(db: Db, id: string, folderId: number | null, kind: JobKind, state: JobState, now: string): void {
  statement(
    db,
    `INSERT INTO import_jobs (id, folder_id, kind, state, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, folderId, kind, state, now, state === 'running' ? null : now);
}

export function updateJobCounts(db: Db, id: string, counts: JobCounts): void {
  statement(db, `UPDATE import_jobs SET total = ?, done = ?, errors = ? WHERE id = ?`).run(
    counts.total,
    counts.done,
    counts.errors,
    id,
  );
}

export function finishJob(db: Db, id: string, state: Exclude<JobState, 'running'>, counts: JobCounts, now: string): void {
  statement(db, `UPDATE import_jobs SET state = ?, total = ?, done = ?, errors = ?, finished_at = ? WHERE id = ?`).run(
    state,
    counts.total,
    counts.done,
    counts.errors,
    now,
    id,
  );
}

/** Jobs still `running` when a library is opened were cut short by a crash or a kill. */
export function failInterruptedJobs(db: Db, now: string): number {
  return statement(db, `UPDATE import_jobs SET state = 'failed', finished_at = ? WHERE state = 'running'`).run(now).changes;
}

export function lastJob(db: Db): JobRow | undefined {
  return statement(db, `SELECT * FROM import_jobs ORDER BY started_at DESC, rowid DESC LIMIT 1`).get() as JobRow | undefined;
}
