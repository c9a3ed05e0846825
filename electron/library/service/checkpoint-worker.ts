/**
 * The checkpoint thread: copies the WAL's pages back into the database file on a connection of
 * its own, so neither the answer to a bulk edit nor the requests after it wait for that copy
 * (wal-checkpoints.ts asks; about 250 ms for the 300 MB a bulk rating of 100,000 items leaves).
 * A checkpoint needs a connection that may write; this one writes nothing else.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface CheckpointWorkerData {
  entry?: string;
  database: string;
}

/** Sent when a checkpoint is done (or failed: the next change asks again). */
export type CheckpointReply = { ok: true } | { ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('checkpoint-worker.ts runs as a worker thread');
const { database } = workerData as CheckpointWorkerData;
const db = new Database(database, { fileMustExist: true, timeout: 5_000 });

port.on('message', (message: 'checkpoint' | 'close') => {
  if (message === 'close') {
    db.close();
    port.close();
    return;
  }
  let reply: CheckpointReply;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    reply = { ok: true };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
