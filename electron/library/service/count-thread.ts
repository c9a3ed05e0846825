/**
 * The library's side of its count thread (count-worker.ts): a long count goes out as a message
 * and comes back as a promise, while this thread serves the gallery. The thread starts on the
 * first count, is unref'd while idle (it never keeps a process alive), and a count asked for
 * again while the same one is in flight shares its answer (the gallery's scrubber and the
 * sidebar's timeline ask for the same months at the same moment). The thread's item columns
 * (db/item-columns.ts) are built on the first view that needs them; until they are, such a view
 * is counted by its caller as before.
 */
import { Worker } from 'node:worker_threads';
import type { MediaFilter, MediaSort } from '../../../shared/schemas.js';
import type { SortBuckets } from '../../../shared/sort-buckets.js';
import { workerEntry } from '../extensions/model-thread.js';
import type { ColumnQuestion } from '../db/item-columns.js';
import type { ListSpec } from '../db/media-list-query.js';
import type { ColumnList, ColumnRows, CountAnswer, CountReply, CountRequest, CountWorkerData } from './count-messages.js';

/**
 * The item columns of a large library are built this long after the last scrubber count that
 * asked for them: the build reads every item (8 s on 5,000,000 of them, the file cold), and
 * made at once it slowed the loads and jumps of the first seconds beside it.
 */
const COLUMN_BUILD_DELAY_MS = 2_000;

type Pending = { resolve: (answer: CountAnswer) => void; reject: (error: Error) => void };
type Request = CountRequest extends infer R ? (R extends CountRequest ? Omit<R, 'id'> : never) : never;

export class CountThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly inFlight = new Map<string, Promise<SortBuckets>>();
  private nextId = 1;
  private closed = false;
  private columns: 'none' | 'building' | 'ready' = 'none';
  private columnBuild: NodeJS.Timeout | null = null;

  constructor(private readonly database: string) {}

  private start(): Worker {
    const { url, entry } = workerEntry({ source: new URL('./count-worker.ts', import.meta.url), bundled: 'count-worker.mjs' });
    const worker = new Worker(url, { workerData: { entry, database: this.database } satisfies CountWorkerData });
    worker.unref();
    worker.on('message', (reply: CountReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiting.resolve(reply.answer);
      else waiting.reject(new Error(`The count thread failed: ${reply.error}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) {
        this.worker = null;
        this.columns = 'none';
      }
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => fail(new Error(`The count thread stopped: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`The count thread exited (${code})`)));
    return worker;
  }

  private ask(request: Request): Promise<CountAnswer> {
    if (this.closed) return Promise.reject(new Error('The library is closed'));
    this.worker ??= this.start();
    const worker = this.worker;
    const id = this.nextId++;
    // While a count is out the thread keeps the process alive (a CLI call ends after its answer).
    worker.ref();
    return new Promise<CountAnswer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as CountRequest);
    });
  }

  /** `version` is the library's state the caller saw: counts of different states are never shared. */
  buckets(filter: MediaFilter | undefined, sort: MediaSort | undefined, version: string): Promise<SortBuckets> {
    const key = JSON.stringify([filter ?? null, sort ?? null, version]);
    const shared = this.inFlight.get(key);
    if (shared) return shared;
    const answer = (this.ask({ kind: 'buckets', filter, sort }) as Promise<SortBuckets>).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, answer);
    return answer;
  }

  /**
   * True once the thread's item columns are built; the first call starts building them (about
   * a second and a half per million items, on the thread) and callers count meanwhile themselves.
   */
  private columnsReady(): boolean {
    if (this.columns === 'none' && !this.closed) {
      this.columns = 'building';
      this.ask({ kind: 'columns' }).then(
        () => {
          if (this.columns === 'building') this.columns = 'ready';
        },
        () => {
          this.columns = 'none';
        },
      );
    }
    return this.columns === 'ready';
  }

  /** The view's total from the thread's item columns, or null while they are not built yet. */
  async columnCount(question: ColumnQuestion): Promise<number | null> {
    if (!this.columnsReady()) return null;
    return (await this.ask({ kind: 'columnCount', question })) as number;
  }

  /** The view's total and its first `limit` rows in the spec's order, or null while the columns are not built. */
  async columnList(question: ColumnQuestion, spec: ListSpec, limit: number, withTotal: boolean): Promise<ColumnList | null> {
    if (!this.columnsReady()) return null;
    return (await this.ask({ kind: 'columnList', question, spec, limit, withTotal })) as ColumnList;
  }

  /**
   * A window's rows from the thread's item columns, or null when they are not built yet, the
   * walk would be too long for the view, or the thread is busy: a window is what the gallery
   * waits for, so it never queues behind a long count (its caller reads it instead).
   */
  async columnWindow(question: ColumnQuestion, spec: ListSpec, skip: number, limit: number, total: number): Promise<ColumnRows | null> {
    if (this.pending.size > 0 || !this.columnsReady()) return null;
    return (await this.ask({ kind: 'columnWindow', question, spec, skip, limit, total })) as ColumnRows | null;
  }

  /** Builds the item columns soon, when nothing has asked again meanwhile (a view that needs them builds them at once). */
  prepareColumns(): void {
    if (this.columns !== 'none' || this.closed) return;
    if (this.columnBuild !== null) clearTimeout(this.columnBuild);
    this.columnBuild = setTimeout(() => {
      this.columnBuild = null;
      this.columnsReady();
    }, COLUMN_BUILD_DELAY_MS);
    this.columnBuild.unref();
  }

  /** Lets the thread close its connection and end; counts still out fail. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.columnBuild !== null) clearTimeout(this.columnBuild);
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ kind: 'close' });
    const timer = setTimeout(() => void worker.terminate(), 2_000);
    await exited;
    clearTimeout(timer);
  }
}

const perLibrary = new WeakMap<object, CountThread>();

/** One count thread per open library (keyed by its connection). */
export function countThreadOf(db: object, database: string): CountThread {
  let thread = perLibrary.get(db);
  if (thread === undefined) {
    thread = new CountThread(database);
    perLibrary.set(db, thread);
  }
  return thread;
}

/** Called as the library closes, before its connection does. */
export async function closeCountThread(db: object): Promise<void> {
  await perLibrary.get(db)?.close();
  perLibrary.delete(db);
}
