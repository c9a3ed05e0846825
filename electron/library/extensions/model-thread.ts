/**
 * A model's own worker thread as seen from the main thread: requests go out with an id and come
 * back as a promise. The worker is started on first use and unref'd, so an idle one never keeps
 * the process alive; if it dies, the calls in flight fail (their runs are recorded as failed)
 * and the next call starts another. Shared by the objects and faces extensions: a model thread
 * differs only in its worker file and the messages it understands.
 */
import { Worker } from 'node:worker_threads';

/** What every worker answers: the request's id, then its own fields or an error. */
export type ThreadReply<R> = ({ id: number; ok: true } & R) | { id: number; ok: false; error: string };

type Pending<R> = { resolve: (reply: R) => void; reject: (error: Error) => void };

/** Where a worker's code is: its .ts beside the caller, and its bundle's name in dist/. */
export interface WorkerFiles {
  /** `new URL('./x-worker.ts', import.meta.url)` in the caller. */
  source: URL;
  /** The bundle scripts/build.mjs writes, e.g. `detector-worker.mjs`. */
  bundled: string;
}

/** From source a small .mjs registers tsx in the worker first; bundled, dist/<bundled>. */
export function workerEntry(files: WorkerFiles): { url: URL; entry?: string } {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) {
    return { url: new URL('../import/media-worker-bootstrap.mjs', here), entry: files.source.href };
  }
  // Bundled, this module and every worker bundle sit side by side in dist/.
  return { url: new URL(`./${files.bundled}`, here) };
}

export class ModelThread<Ask extends object, Reply extends object> {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending<Reply>>();
  private nextId = 1;

  /** `label` names the model in errors ("The object detector"). */
  constructor(
    private readonly files: WorkerFiles,
    private readonly label: string,
  ) {}

  private start(): Worker {
    const { url, entry } = workerEntry(this.files);
    const worker = new Worker(url, { workerData: { entry } });
    worker.unref();
    worker.on('message', (reply: ThreadReply<Reply>) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply);
      else waiting.reject(new Error(`${this.label} failed: ${reply.error}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => fail(new Error(`${this.label}'s thread stopped: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`${this.label}'s thread exited (${code})`)));
    return worker;
  }

  ask(request: Ask, transfer: ArrayBuffer[] = []): Promise<Reply> {
    this.worker ??= this.start();
    const worker = this.worker;
    const id = this.nextId++;
    // While a call waits the thread must keep the process alive (a CLI run ends only after it).
    worker.ref();
    const settle = () => {
      if (this.pending.size === 0) worker.unref();
    };
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) => {
          resolve(reply);
          settle();
        },
        reject: (error) => {
          reject(error);
          settle();
        },
      });
      worker.postMessage({ ...request, id }, transfer);
    });
  }
}
