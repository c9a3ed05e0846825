/**
 * TensorFlow.js on its WebAssembly backend, set up once per process. tfjs-node would be faster
 * but its install script downloads libtensorflow, which an offline build machine cannot do;
 * the wasm backend ships its binaries inside the npm package and runs everywhere Node does.
 * The binaries are read from node_modules by path, never fetched.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

let ready: Promise<typeof tf> | null = null;

function wasmDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep;
}

export function tensorflow(): Promise<typeof tf> {
  ready ??= (async () => {
    setWasmPaths(wasmDirectory());
    // Nothing else in the process may pick a backend behind our back (tfjs would try webgl/cpu).
    if (!(await tf.setBackend('wasm'))) throw new Error('The TensorFlow.js WebAssembly backend could not start');
    await tf.ready();
    return tf;
  })().catch((error: unknown) => {
    ready = null; // a later call may try again (e.g. after a transient out-of-memory)
    throw error;
  });
  return ready;
}
