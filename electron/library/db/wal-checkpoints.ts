/**
 * WAL checkpoints after the answer, not inside it. With SQLite's default (a checkpoint at the
 * commit that takes the WAL past 1,000 pages), a bulk edit paid for copying its own pages back
 * into the database file before it could answer: rating 100,000 items of a 1,000,000-item
 * library wrote about 300 MB of WAL and spent a quarter of its time (220–250 ms) in that copy.
 *
 * So the automatic checkpoint is moved far out (connection.ts: a safety net for a writer that
 * never tells anyone), and a change the library announces schedules a PASSIVE checkpoint a
 * moment later, when the answer has gone. A run of changes shares one. PASSIVE never waits for
 * readers (the count thread's snapshot): what it cannot copy yet is copied by the next one.
 */
import type { LibraryEvents } from '../base/events.js';
import type { Db } from './connection.js';

/** Long enough for the answer to leave, short enough that the WAL never waits long. */
export const CHECKPOINT_DELAY_MS = 200;

/** Starts checkpointing after announced changes; returns the function that stops it. */
export function checkpointAfterChanges(db: Db, events: LibraryEvents, delayMs = CHECKPOINT_DELAY_MS): () => void {
  let timer: NodeJS.Timeout | null = null;
  const checkpoint = () => {
    timer = null;
    if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
  };
  const stopListening = events.on('library.changed', () => {
    if (timer !== null) return;
    timer = setTimeout(checkpoint, delayMs);
    // A process that is done (a CLI call) ends without it: closing the connection checkpoints.
    timer.unref();
  });
  return () => {
    stopListening();
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
