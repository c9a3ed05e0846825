/** The `sidecar_writes` table: items whose XMP sidecar is behind (filled by triggers, migration 013). */
import type { Db } from './connection.js';
import { statement } from './statements.js';

export interface PendingSidecarWrite {
  mediaId: number;
  generation: number;
}

/** The next pending writes in item order, skipping failed ones and `busy` items. */
export function nextSidecarWrites(db: Db, limit: number, afterId: number): PendingSidecarWrite[] {
  return statement(
    db,
    `SELECT media_id AS mediaId, generation FROM sidecar_writes WHERE media_id > ? AND error IS NULL ORDER BY media_id LIMIT ?`,
  ).all(afterId, limit) as PendingSidecarWrite[];
}

/** Done: the row goes unless the item was edited again meanwhile (a newer generation waits). */
export function finishSidecarWrite(db: Db, write: PendingSidecarWrite): void {
  statement(db, `DELETE FROM sidecar_writes WHERE media_id = ? AND generation = ?`).run(write.mediaId, write.generation);
}

export function failSidecarWrite(db: Db, write: PendingSidecarWrite, error: string): void {
  statement(db, `UPDATE sidecar_writes SET attempts = attempts + 1, error = ? WHERE media_id = ? AND generation = ?`).run(error, write.mediaId, write.generation);
}

/** Failed writes are tried again (a new start, a "write all"). */
export function retryFailedSidecarWrites(db: Db): number {
  return statement(db, `UPDATE sidecar_writes SET error = NULL WHERE error IS NOT NULL`).run().changes;
}

/** Queues every item in the library that is not in the trash ("write all now"). */
export function queueAllSidecarWrites(db: Db, now: string): number {
  return statement(
    db,
    `INSERT INTO sidecar_writes (media_id, reason, queued_at)
     SELECT m.id, 'all', ? FROM media m WHERE NOT EXISTS (SELECT 1 FROM trash t WHERE t.media_id = m.id) ORDER BY m.id
     ON CONFLICT (media_id) DO NOTHING`,
  ).run(now).changes;
}

/** Cancels a "write all": its rows that no edit has claimed since go. */
export function cancelAllSidecarWrites(db: Db): number {
  return statement(db, `DELETE FROM sidecar_writes WHERE reason = 'all'`).run().changes;
}

export interface SidecarQueueCounts {
  pending: number;
  failed: number;
  pendingAll: number;
}

export function sidecarQueueCounts(db: Db): SidecarQueueCounts {
  return statement(
    db,
    `SELECT count(*) FILTER (WHERE error IS NULL) AS pending, count(*) FILTER (WHERE error IS NOT NULL) AS failed,
            count(*) FILTER (WHERE reason = 'all' AND error IS NULL) AS pendingAll
     FROM sidecar_writes`,
  ).get() as SidecarQueueCounts;
}

/** The item's pending write, if any, with the error of its last attempt. */
export function sidecarWriteOf(db: Db, mediaId: number): { error: string | null; attempts: number } | undefined {
  return statement(db, `SELECT error, attempts FROM sidecar_writes WHERE media_id = ?`).get(mediaId) as { error: string | null; attempts: number } | undefined;
}

/** The latest failures, newest item first, for the status bar. */
export function failedSidecarWrites(db: Db, limit: number): { mediaId: number; error: string }[] {
  return statement(db, `SELECT media_id AS mediaId, error FROM sidecar_writes WHERE error IS NOT NULL ORDER BY media_id DESC LIMIT ?`).all(limit) as { mediaId: number; error: string }[];
}
