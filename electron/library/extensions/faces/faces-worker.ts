/**
 * The face models' own thread: a FaceRes description holds its thread for 100 ms or more of
 * WebAssembly, which on the main thread would freeze the UI's IPC and the HTTP server. One
 * request at a time arrives from face-client.ts.
 */
import { parentPort } from 'node:worker_threads';
import type { FacesReply, FacesRequest } from './face-messages.js';
import { faceModels } from './face-models.js';

const port = parentPort;
if (!port) throw new Error('faces-worker.ts runs as a worker thread');

port.on('message', (request: FacesRequest) => {
  void (async () => {
    let reply: FacesReply;
    const transfer: ArrayBuffer[] = [];
    try {
      const models = await faceModels();
      if (request.kind === 'info') reply = { id: request.id, ok: true, model: models.model, describes: models.describe !== undefined };
      else if (request.kind === 'detect') reply = { id: request.id, ok: true, model: models.model, faces: await models.detect(new Uint8Array(request.rgb), request.floor) };
      else if (!models.describe) throw new Error('No face descriptor model is installed');
      else {
        const descriptor = (await models.describe(new Uint8Array(request.rgb))).buffer as ArrayBuffer;
        transfer.push(descriptor);
        reply = { id: request.id, ok: true, model: models.model, descriptor };
      }
    } catch (error) {
      reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, transfer);
  })();
});
