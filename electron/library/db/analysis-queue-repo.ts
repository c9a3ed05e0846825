/** The `analysis_queue` table: items and extensions the background analysis still has to run. */
import type { Db } from './connection.js';
import { jsonIds, statement } from './statements.js';

/** An extension as the queue knows it: its name and the model version that counts as current. */
export interface QueuedExtension {
  name: string;
  version: string;
}

/** New or changed items: analysed before a whole-library run's. */
export const PRIORITY_NEW = 0;
export const PRIORITY_LIBRARY = 1;

export interface NextAnalysis {
  mediaId: number;
  extensions: string[];
}

/**
 * Queues every item that is due for the extension: in the library (not in the trash), read
 * (it has a content hash, so its thumbnails are done or impossible), and either never looked
 * at by this extension, or looked at by another model version, or with other content since.
 * Only among `ids` when given. Returns how many rows were queued (one already waiting keeps its place).
 */
export function enqueueDue(db: Db, extension: QueuedExtension, priority: number, now: string, ids: readonly number[] | null = null): number {
  return statement(
    db,
    `INSERT INTO analysis_queue (media_id, extension, priority, queued_at)
     SELECT m.id, @name, @priority, @now FROM media m
     LEFT JOIN extension_runs r ON r.media_id = m.id AND r.extension = @name
     WHERE m.md5 IS NOT NULL
       AND (@ids IS NULL OR m.id IN (SELECT value FROM json_each(@ids)))
       AND NOT EXISTS (SELECT 1 FROM trash t WHERE t.media_id = m.id)
       AND (r.media_id IS NULL OR r.model_version IS NOT @version OR r.md5 IS NOT m.md5)
     ORDER BY m.id
     ON CONFLICT (media_id, extension) DO NOTHING`,
  ).run({ name: extension.name, version: extension.version, priority, now, ids: ids === null ? null : jsonIds(ids) }).changes;
}

/** Queues the items given (or, with `null`, every read item in the library) whatever ran before. */
export function enqueueItems(db: Db, ids: readonly number[] | null, extension: string, priority: number, now: string): number {
  const params = { extension, priority, now, ids: ids === null ? null : jsonIds(ids) };
  return statement(
    db,
    `INSERT INTO analysis_queue (media_id, extension, priority, queued_at)
     SELECT m.id, @extension, @priority, @now FROM media m
     WHERE m.md5 IS NOT NULL
       AND (@ids IS NULL OR m.id IN (SELECT value FROM json_each(@ids)))
       AND NOT EXISTS (SELECT 1 FROM trash t WHERE t.media_id = m.id)
     ORDER BY m.id
     ON CONFLICT (media_id, extension) DO NOTHING`,
  ).run(params).changes;
}

/** The item to analyse next, with every extension it waits for. */
export function nextQueued(db: Db): NextAnalysis | null {
  const first = statement(db, `SELECT media_id FROM analysis_queue ORDER BY priority, queued_at, media_id LIMIT 1`).pluck().get() as number | undefined;
  if (first === undefined) return null;
  const extensions = statement(db, `SELECT extension FROM analysis_queue WHERE media_id = ? ORDER BY extension`).pluck().all(first) as string[];
  return { mediaId: first, extensions };
}

export function dequeue(db: Db, mediaId: number, extensions: readonly string[]): void {
  statement(db, `DELETE FROM analysis_queue WHERE media_id = ? AND extension IN (SELECT value FROM json_each(?))`).run(mediaId, JSON.stringify(extensions));
}

/** Rows waiting (one per item and extension). */
export function queuedCount(db: Db): number {
  return statement(db, `SELECT count(*) FROM analysis_queue`).pluck().get() as number;
}

/** Items waiting (an item queued for two extensions counts once). */
export function queuedItemCount(db: Db): number {
  return statement(db, `SELECT count(DISTINCT media_id) FROM analysis_queue`).pluck().get() as number;
}

export function clearQueue(db: Db): number {
  return statement(db, `DELETE FROM analysis_queue`).run().changes;
}
