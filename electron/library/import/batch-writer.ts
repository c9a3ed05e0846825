import type { Db } from '../db/connection.js';

interface Op {
  run: () => void;
  after?: () => void;
}

export interface BatchWriterOptions {
  /** Flush once this many writes are waiting… */
  maxOps: number;
  /** …or this long after the first one arrived, whichever comes first. */
  maxDelayMs: number;
  /** Runs inside every batch's transaction, last (e.g. the job's counters). */
  inEveryBatch?: () => void;
  /** A batch failed to commit (disk full, database locked too long): nothing of it was written. */
  onError: (error: unknown) => void;
}

/**
 * Groups an import's many small writes into short transactions: one commit (and one fsync)
 * per batch instead of per file, and the main thread is never held for long. `after`
 * callbacks run once their write is committed, so whatever they report is on disk.
 */
export class BatchWriter {
  private ops: Op[] = [];
  private timer: NodeJS.Timeout | null = null;
  private failed = false;

  constructor(
    private readonly db: Db,
    private readonly options: BatchWriterOptions,
  ) {}

  push(run: () => void, after?: () => void): void {
    if (this.failed) return;
    this.ops.push(after ? { run, after } : { run });
    if (this.ops.length >= this.options.maxOps) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.options.maxDelayMs);
  }

  /** Commits what is waiting now. Never throws: a failure goes to `onError` and stops the writer. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.ops.length === 0 || this.failed) return;
    const batch = this.ops;
    this.ops = [];
    const previous = this.db.pragma('synchronous', { simple: true }) as number;
    try {
      // Import batches commit without waiting for fsync (WAL + NORMAL): a kill or crash still
      // leaves every committed batch intact and the database consistent; only a power cut may
      // lose the last batches, which the next rescan redoes. The fsync otherwise blocked the
      // main thread for tens of milliseconds per batch. The connection's own setting is back
      // before anything else can write (all of this is synchronous).
      this.db.pragma('synchronous = NORMAL');
      // Synchronous by design: better-sqlite3 transactions must not await.
      this.db.transaction(() => {
        for (const op of batch) op.run();
        this.options.inEveryBatch?.();
      }).immediate();
    } catch (error) {
      this.failed = true;
      this.options.onError(error);
      return;
    } finally {
      this.db.pragma(`synchronous = ${previous}`);
    }
    for (const op of batch) op.after?.();
  }
}
