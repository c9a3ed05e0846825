/**
 * The detector's own thread: an inference holds its thread for 100–400 ms of
 * WebAssembly, which on the main thread would freeze the UI's IPC and the HTTP server for as
 * long. Here it blocks nobody. One request at a time arrives from detector-client.ts.
 */
import { parentPort } from 'node:worker_threads';
import { nanodetDetector } from './nanodet-detector.js';
import type { DetectorReply, DetectorRequest } from './detector-messages.js';
import { lowerThisThreadsPriority } from './thread-priority.js';

const port = parentPort;
if (!port) throw new Error('detector-worker.ts runs as a worker thread');
// Inference is background work: below the thread that answers the UI (and the import's workers).
lowerThisThreadsPriority();

port.on('message', (request: DetectorRequest) => {
  void (async () => {
    let reply: DetectorReply;
    try {
      const detector = await nanodetDetector();
      if (request.kind === 'info') reply = { id: request.id, ok: true, model: detector.model, inputSize: detector.inputSize, detections: [] };
      else reply = { id: request.id, ok: true, model: detector.model, inputSize: detector.inputSize, detections: await detector.detect(new Uint8Array(request.rgb), request.floor) };
    } catch (error) {
      reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  })();
});
