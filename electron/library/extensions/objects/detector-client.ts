/**
 * The object detector as seen from the main thread: the same interface as the model itself,
 * answered by one worker thread (detector-worker.ts) that loads the model once. The worker is
 * started on first use and unref'd, so an idle one never keeps the process alive; if it dies,
 * the calls in flight fail (their runs are recorded as failed) and the next call starts another.
 */
import { Worker } from 'node:worker_threads';
import type { Detection, ObjectDetector } from './detector-types.js';
import type { DetectorAsk, DetectorReply, DetectorRequest } from './detector-messages.js';

type Pending = { resolve: (reply: DetectorReply & { ok: true }) => void; reject: (error: Error) => void };

/** From source a small .mjs registers tsx in the worker first; bundled, dist/detector-worker.mjs. */
function workerEntry(): { url: URL; entry?: string } {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) {
    return { url: new URL('../../import/media-worker-bootstrap.mjs', here), entry: new URL('./detector-worker.ts', here).href };
  }
  return { url: new URL('./detector-worker.mjs', here) };
}

class DetectorThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  private start(): Worker {
    const { url, entry } = workerEntry();
    const worker = new Worker(url, { workerData: { entry } });
    worker.unref();
    worker.on('message', (reply: DetectorReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply);
      else waiting.reject(new Error(`The object detector failed: ${reply.error}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => fail(new Error(`The object detector's thread stopped: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`The object detector's thread exited (${code})`)));
    return worker;
  }

  ask(request: DetectorAsk, transfer: ArrayBuffer[] = []): Promise<DetectorReply & { ok: true }> {
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
      const message: DetectorRequest = { ...request, id };
      worker.postMessage(message, transfer);
    });
  }
}

let thread: DetectorThread | null = null;
let detector: Promise<ObjectDetector> | null = null;

export function threadedDetector(): Promise<ObjectDetector> {
  detector ??= (async () => {
    thread ??= new DetectorThread();
    const own = thread;
    const info = await own.ask({ kind: 'info' });
    return {
      model: info.model,
      inputSize: info.inputSize,
      async detect(rgb: Uint8Array, floor: number): Promise<Detection[]> {
        // A copy the worker may own: the caller's buffer may be a view into a larger one.
        const owned = rgb.slice().buffer;
        return (await own.ask({ kind: 'detect', rgb: owned, floor }, [owned])).detections;
      },
    };
  })().catch((error: unknown) => {
    detector = null;
    throw error;
  });
  return detector;
}
