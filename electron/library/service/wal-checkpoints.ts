/**
 * WAL checkpoints after the answer, and off the library's thread. With SQLite's default (a
 * checkpoint inside the commit that takes the WAL past 1,000 pages), a bulk edit paid for
 * copying its own pages back into the database file before it could answer: rating 100,000
 * items of a 1,000,000-item library wrote about 300 MB of WAL and spent a quarter of its time
 * (220–250 ms) in that copy, with every other request waiting.
 *
 * So SQLite's own checkpoint is moved far out (db/connection.ts: a net for a writer that never
 * tells anyone), and a change the library announces asks the checkpoint thread
 * (checkpoint-worker.ts, its own connection) for a PASSIVE checkpoint a moment later. A run of
 * changes shares one; a change during a checkpoint asks for one more after it. PASSIVE never
 * waits for readers (the count thread's snapshot): what it cannot copy yet, the next one does.
 * If the thread cannot run, the checkpoint is made here, as before, only later.
 */
import { Worker } from 'node:worker_threads';
import type { LibraryEvents } from '../base/events.js';
import { workerEntry } from '../extensions/model-thread.js';
import type { CheckpointReply, CheckpointWorkerData } from './checkpoint-worker.js';
import type { Db } from '../db/connection.js';

/** Long enough for the answer to leave first, short enough that the WAL never waits long. */
export const CHECKPOINT_DELAY_MS = 200;

export interface Checkpoints {
  /** Resolves once no checkpoint is asked for or running (tests, benchmarks). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts checkpointing after announced changes. */
export function checkpointAfterChanges(db: Db, database: string, events: LibraryEvents, delayMs = CHECKPOINT_DELAY_MS): Checkpoints {
  let timer: NodeJS.Timeout | null = null;
  let worker: Worker | null = null;
  let running = false;
  let again = false;
  let stopped = false;
  let waiting: (() => void)[] = [];

  const settle = () => {
    if (timer !== null || running) return;
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };
  const here = () => {
    if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
  };
  const finished = () => {
    running = false;
    worker?.unref();
    if (again && !stopped) {
      again = false;
      run();
    } else settle();
  };
  const startWorker = (): Worker => {
    const { url, entry } = workerEntry({ source: new URL('./checkpoint-worker.ts', import.meta.url), bundled: 'checkpoint-worker.mjs' });
    const started = new Worker(url, { workerData: { entry, database } satisfies CheckpointWorkerData });
    started.unref();
    started.on('message', (_reply: CheckpointReply) => finished());
    const fail = () => {
      if (worker !== started) return;
      worker = null;
      if (running) {
        here();
        finished();
      }
    };
    started.on('error', fail);
    started.on('exit', fail);
    return started;
  };
  function run(): void {
    timer = null;
    if (stopped || !db.open) return settle();
    running = true;
    try {
      worker ??= startWorker();
      // While a checkpoint runs the thread keeps the process alive, as any write would.
      worker.ref();
      worker.postMessage('checkpoint');
    } catch {
      here();
      finished();
    }
  }
  const stopListening = events.on('library.changed', () => {
    if (running) again = true;
    if (timer !== null || running) return;
    timer = setTimeout(run, delayMs);
    // A process that is done (a CLI call) ends without it: closing the connection checkpoints.
    timer.unref();
  });

  return {
    settled: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        // Someone waits for it now: the pending checkpoint keeps the process alive.
        timer?.ref();
        settle();
      }),
    async stop() {
      stopped = true;
      stopListening();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      const thread = worker;
      worker = null;
      running = false;
      settle();
      if (thread === null) return;
      const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
      thread.postMessage('close');
      const kill = setTimeout(() => void thread.terminate(), 2_000);
      await exited;
      clearTimeout(kill);
    },
  };
}
