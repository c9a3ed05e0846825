/**
 * The count thread: counts that walk a whole view (the scrubber's months of a million items
 * take seconds when SQLite's cache is cold) run here, on a read-only connection of their own,
 * so the library's thread keeps answering the gallery's first window and tiles meanwhile. WAL
 * lets this connection read a consistent snapshot while the library writes. One request at a
 * time arrives from count-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type Db } from '../db/connection.js';
import type { CountReply, CountRequest, CountWorkerData } from './count-messages.js';
import { countViewBuckets } from './view-buckets.js';

const port = parentPort;
if (!port) throw new Error('count-worker.ts runs as a worker thread');
const { database } = workerData as CountWorkerData;
let db: Db | null = null;

port.on('message', (request: CountRequest | { kind: 'close' }) => {
  if (request.kind === 'close') {
    db?.close();
    db = null;
    port.close();
    return;
  }
  let reply: CountReply;
  try {
    db ??= openDatabase(database, { readonly: true });
    reply = { id: request.id, ok: true, buckets: countViewBuckets(db, request.filter, request.sort) };
  } catch (error) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
