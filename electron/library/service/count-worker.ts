/**
 * The count thread: counts that walk a whole view (the scrubber's months of a million items
 * take seconds when SQLite's cache is cold) run here, on a read-only connection of their own,
 * so the library's thread keeps answering the gallery's first window and tiles meanwhile. WAL
 * lets this connection read a consistent snapshot while the library writes. It also holds the
 * item columns (db/item-columns.ts) that count a view of tags and cube fields in milliseconds.
 * One request at a time arrives from count-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type Db } from '../db/connection.js';
import { ItemColumns } from '../db/item-columns.js';
import type { CountAnswer, CountReply, CountRequest, CountWorkerData } from './count-messages.js';
import { columnMonthBuckets } from './column-buckets.js';
import { countViewBuckets } from './view-buckets.js';

const port = parentPort;
if (!port) throw new Error('count-worker.ts runs as a worker thread');
const { database } = workerData as CountWorkerData;
let db: Db | null = null;
let columns: ItemColumns | null = null;

/**
 * The longest walk of the sort order a page may take here (about 20 ms); a rarer view's page is
 * read by the list query, which drives it from its rarest tag.
 */
const MAX_PAGE_WALK = 100_000;

/**
 * True when `wanted` matches would take more than a page's walk, at the view's share of the
 * library (`total` null: unknown, the walk's bound decides): such a page is left to the list
 * query at once.
 */
function tooRare(kept: ItemColumns, total: number | null, wanted: number): boolean {
  const share = total === null ? 1 : total / Math.max(1, kept.activeItems);
  return share * MAX_PAGE_WALK < wanted;
}

/**
 * The thread's connection reads pages into SQLite's cache rather than mapping the file: the
 * columns' build reads every item, and mapped, those pages stayed in the process's resident
 * memory (5,000,000 items: 290 MB before the build, 2.5 GB after it, 4.5 GB after the scrolls).
 */
function countConnection(file: string): Db {
  const connection = openDatabase(file, { readonly: true });
  connection.pragma('mmap_size = 0');
  return connection;
}

/** The columns at this snapshot (built on the first ask). */
function current(connection: Db): ItemColumns {
  columns = columns === null ? ItemColumns.build(connection) : columns.refresh(connection);
  return columns;
}

/** Reads in one transaction: the columns' refresh and the count that follows see one snapshot. */
function snapshot<T>(connection: Db, read: () => T): T {
  return connection.transaction(read)();
}

function answer(connection: Db, request: CountRequest): CountAnswer {
  switch (request.kind) {
    case 'buckets': {
      // Once the columns are built, a view of tags by date is counted from them.
      const fromColumns = columns === null ? null : snapshot(connection, () => columnMonthBuckets(connection, current(connection), request.filter, request.sort));
      return fromColumns ?? countViewBuckets(connection, request.filter, request.sort);
    }
    case 'columns':
      columns ??= snapshot(connection, () => ItemColumns.build(connection));
      return null;
    case 'columnCount':
      return snapshot(connection, () => current(connection).count(connection, request.question));
    case 'columnList':
      return snapshot(connection, () => {
        const kept = current(connection);
        const filter = kept.filter(connection, request.question);
        const total = request.withTotal ? kept.count(connection, request.question, filter) : null;
        const rows = tooRare(kept, total, request.limit) ? null : kept.page(connection, request.question, request.spec, request.limit, MAX_PAGE_WALK, filter);
        return { total, rows };
      });
    case 'columnWindow':
      return snapshot(connection, () => {
        const kept = current(connection);
        const wanted = request.skip + request.limit;
        if (tooRare(kept, request.total, wanted)) return null;
        return kept.page(connection, request.question, request.spec, wanted, MAX_PAGE_WALK)?.slice(request.skip) ?? null;
      });
  }
}

port.on('message', (request: CountRequest | { kind: 'close' }) => {
  if (request.kind === 'close') {
    db?.close();
    db = null;
    columns = null;
    port.close();
    return;
  }
  let reply: CountReply;
  try {
    db ??= countConnection(database);
    reply = { id: request.id, ok: true, answer: answer(db, request) };
  } catch (error) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
