/**
 * The face models as seen from the main thread: the same interface as face-models.ts, answered
 * by one worker thread (faces-worker.ts, through the shared ModelThread) that loads them once.
 */
import { ModelThread } from '../model-thread.js';
import type { FacesAnswer, FacesAsk } from './face-messages.js';
import type { FaceModels, RawFace } from './face-models.js';

let thread: ModelThread<FacesAsk, FacesAnswer> | null = null;
let models: Promise<FaceModels> | null = null;

export function threadedFaceModels(): Promise<FaceModels> {
  models ??= (async () => {
    thread ??= new ModelThread({ source: new URL('./faces-worker.ts', import.meta.url), bundled: 'faces-worker.mjs' }, 'The face models');
    const own = thread;
    const info = await own.ask({ kind: 'info' });
    const describe = async (rgb: Uint8Array): Promise<Float32Array> => {
      const owned = rgb.slice().buffer;
      const answer = await own.ask({ kind: 'describe', rgb: owned }, [owned]);
      if (!answer.descriptor) throw new Error('The face models answered no descriptor');
      return new Float32Array(answer.descriptor);
    };
    return {
      model: info.model,
      ...(info.describes === true ? { describe } : {}),
      async detect(rgb: Uint8Array, floor: number): Promise<RawFace[]> {
        // A copy the worker may own: the caller's buffer may be a view into a larger one.
        const owned = rgb.slice().buffer;
        return (await own.ask({ kind: 'detect', rgb: owned, floor }, [owned])).faces ?? [];
      },
    };
  })().catch((error: unknown) => {
    models = null;
    throw error;
  });
  return models;
}
