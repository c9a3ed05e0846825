// Running from source (tests, `bin/folio.mjs`), a worker thread cannot load TypeScript by
// itself under Node 20: this file registers tsx in the worker and then loads the real worker.
// The bundled app uses dist/media-worker.mjs instead and never loads this file.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
