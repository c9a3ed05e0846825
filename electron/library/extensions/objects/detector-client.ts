/**
 * The object detector as seen from the main thread: the same interface as the model itself,
 * answered by one worker thread (detector-worker.ts) that loads the model once. The worker is
 * started on first use and unref'd, so an idle one never keeps the process alive; if it dies,
 * the calls in flight fail (their runs are recorded as failed) and the next call starts another.
 */
import type { Detection, ObjectDetector } from './detector-types.js';
import { ModelThread } from '../model-thread.js';
import type { DetectorAsk, DetectorReply } from './detector-messages.js';

type DetectorThread = ModelThread<DetectorAsk, DetectorReply & { ok: true }>;

let thread: DetectorThread | null = null;
let detector: Promise<ObjectDetector> | null = null;

export function threadedDetector(): Promise<ObjectDetector> {
  detector ??= (async () => {
    thread ??= new ModelThread(
      { source: new URL('./detector-worker.ts', import.meta.url), bundled: 'detector-worker.mjs' },
      'The object detector',
    );
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
