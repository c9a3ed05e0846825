import { Worker } from 'node:worker_threads';
// Loaded here for its side effect: with sharp (and so libvips) held open by the main thread, a
// worker that exits cannot unload the shared libraries under the others (sharp issue #2263).
import 'sharp';
import { isFinalReply, type WorkerConfig, type WorkerReply } from './worker-messages.js';

type ReplyHandler = (reply: WorkerReply) => void;

interface PoolWorker {
  worker: Worker;
  inFlight: Map<number, { onReply: ReplyHandler; done: () => void }>;
}

/** Tasks each worker holds at once: one being worked on, one ready so it never waits on us. */
const TASKS_PER_WORKER = 2;
/** Workers are stopped after this long without work, and started again on demand. */
const IDLE_STOP_MS = 30_000;

/**
 * Where the worker's code is. Bundled (dist/main.mjs), it is dist/media-worker.mjs beside it;
 * from source, a small .mjs registers tsx in the worker and loads media-worker.ts.
 */
function workerEntry(): { url: URL; entry?: string } {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) {
    return { url: new URL('./media-worker-bootstrap.mjs', here), entry: new URL('./media-worker.ts', here).href };
  }
  return { url: new URL('./media-worker.mjs', here) };
}

/**
 * A fixed number of worker threads. `run` hands one file to the least busy worker; callers keep
 * at most `capacity` files in flight (the bounded queue), so memory stays flat however large
 * the folder. A worker that dies fails its files (recorded as damaged) and is replaced.
 */
export class WorkerPool {
  readonly capacity: number;
  private readonly workers: PoolWorker[] = [];
  private readonly pending = new Set<Promise<void>>();
  private nextTaskId = 1;
  private closed = false;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly size: number,
    private readonly config: WorkerConfig,
  ) {
    this.capacity = size * TASKS_PER_WORKER;
  }

  get inFlight(): number {
    return this.workers.reduce((sum, w) => sum + w.inFlight.size, 0);
  }

  /** Examines one file; `onReply` gets each answer, the promise settles after the last one. */
  run(path: Buffer, onReply: ReplyHandler): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    while (this.workers.length < this.size) this.workers.push(this.spawn());
    const target = this.workers.reduce((best, w) => (w.inFlight.size < best.inFlight.size ? w : best));
    const taskId = this.nextTaskId++;
    // A busy worker keeps the process alive (a CLI import must not exit half-way); an idle one must not.
    target.worker.ref();
    const task = new Promise<void>((resolve) => {
      target.inFlight.set(taskId, { onReply, done: resolve });
      target.worker.postMessage({ taskId, path: new Uint8Array(path) });
    });
    this.pending.add(task);
    void task.then(() => this.pending.delete(task));
    return task;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    // Let running files finish first (each is bounded by sharp's timeout): terminating a
    // thread inside libvips can take the whole process down.
    await Promise.all([...this.pending]);
    await Promise.all(this.workers.splice(0).map((w) => w.worker.terminate()));
  }

  private spawn(): PoolWorker {
    const { url, entry } = workerEntry();
    const worker = new Worker(url, { workerData: { ...this.config, entry } satisfies WorkerConfig });
    const slot: PoolWorker = { worker, inFlight: new Map() };
    worker.on('message', (reply: WorkerReply) => {
      const task = slot.inFlight.get(reply.taskId);
      if (!task) return;
      task.onReply(reply);
      if (isFinalReply(reply)) {
        slot.inFlight.delete(reply.taskId);
        if (slot.inFlight.size === 0) worker.unref();
        task.done();
        this.scheduleIdleStop();
      }
    });
    const fail = (why: string): void => {
      const index = this.workers.indexOf(slot);
      if (index >= 0) this.workers.splice(index, 1);
      for (const [taskId, task] of slot.inFlight) {
        task.onReply({ kind: 'failed', taskId, error: why });
        task.done();
      }
      slot.inFlight.clear();
    };
    worker.on('error', (error) => fail(`The decoder stopped unexpectedly: ${error.message}`));
    worker.on('exit', (code) => fail(`The decoder stopped unexpectedly (exit code ${code})`));
    worker.unref();
    return slot;
  }

  private scheduleIdleStop(): void {
    if (this.closed || this.inFlight > 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.inFlight > 0) return;
      for (const w of this.workers.splice(0)) void w.worker.terminate();
    }, IDLE_STOP_MS);
    this.idleTimer.unref();
  }
}
