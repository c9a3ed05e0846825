/**
 * The two face models, both from the `@vladmandic/human` npm package, run on TensorFlow.js's
 * WebAssembly backend (the objects extension's runtime, tf-runtime.ts):
 *
 * - BlazeFace (Google MediaPipe, the "back camera" variant for faces at a distance; Apache-2.0):
 *   a 256×256 input → 896 anchors, each a face score and a box with six landmarks (eyes, nose,
 *   mouth, ears). Decoded here as Human decodes it (src/face/blazeface.ts), without its
 *   video-frame caches.
 * - FaceRes (HSE FaceRes by A. V. Savchenko, a MobileNet trained for face identity, with age and
 *   gender heads Folio does not read): a 224×224 face → a 1024-number descriptor; two photos of
 *   one person give descriptors close in angle. Its upstream (github.com/HSE-asavchenko/
 *   HSE_FaceRec_tf) states no licence, so the installers leave its files out
 *   (build/electron-builder.config.cjs) and it is used only where npm has put it beside
 *   BlazeFace (a development checkout). Without it faces are found and boxed, not described:
 *   FACE_MODEL_DETECTION_ONLY, an empty descriptor, never grouped (people-clustering.ts).
 *
 * Loaded once per thread; only the faces worker calls this file.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import type { Tensor } from '@tensorflow/tfjs-core';
import { fileModelHandler } from '../objects/graph-model-files.js';
import { tensorflow } from '../objects/tf-runtime.js';

export const DETECTOR_INPUT = 256;
export const DESCRIBER_INPUT = 224;
export const DESCRIPTOR_LENGTH = 1024;
/** Recorded with every face: a new model makes old descriptors incomparable. */
export const FACE_MODEL = 'blazeface-back + faceres (@vladmandic/human 3.3)';
/** Faces found where no descriptor model is installed: boxes only, descriptors empty. */
export const FACE_MODEL_DETECTION_ONLY = 'blazeface-back (@vladmandic/human 3.3)';

/** In detector-input pixels (0..256). */
export interface RawFace {
  score: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Six [x, y] points: right eye, left eye, nose, mouth, right ear, left ear (as the subject sees them). */
  landmarks: [number, number][];
}

export interface FaceModels {
  model: string;
  /** `rgb`: 256×256×3 bytes. Every anchor above `floor`, before non-maximum suppression. */
  detect(rgb: Uint8Array, floor: number): Promise<RawFace[]>;
  /** `rgb`: 224×224×3 bytes of one face, upright. A unit-length descriptor. Absent when no descriptor model is installed. */
  describe?: (rgb: Uint8Array) => Promise<Float32Array>;
}

/**
 * FaceRes is used only when its files are there and FOLIO_FACE_DESCRIPTOR is not `none` (how the
 * tests run the installers' detection-only configuration in a checkout that has the files).
 */
export function describerInstalled(): boolean {
  return process.env.FOLIO_FACE_DESCRIPTOR !== 'none' && fs.existsSync(modelPath('faceres'));
}

function modelPath(name: string): string {
  const require = createRequire(import.meta.url);
  // The package's exports hide its models folder, but it sits beside dist/ (resolving loads nothing).
  return path.join(path.dirname(require.resolve('@vladmandic/human')), '..', 'models', `${name}.json`);
}

/** Anchor centres of BlazeFace-back: a 16×16 grid with 2 anchors each, then 8×8 with 6. */
function anchors(): [number, number][] {
  const all: [number, number][] = [];
  for (const [stride, count] of [
    [DETECTOR_INPUT / 16, 2],
    [DETECTOR_INPUT / 8, 6],
  ] as const) {
    const cells = Math.ceil(DETECTOR_INPUT / stride);
    for (let y = 0; y < cells; y++) {
      for (let x = 0; x < cells; x++) {
        for (let n = 0; n < count; n++) all.push([stride * (x + 0.5), stride * (y + 0.5)]);
      }
    }
  }
  return all;
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

async function load(): Promise<FaceModels> {
  const tf = await tensorflow();
  const detector: GraphModel = await loadGraphModel(fileModelHandler(modelPath('blazeface')));
  const describer: GraphModel | null = describerInstalled() ? await loadGraphModel(fileModelHandler(modelPath('faceres'))) : null;
  const centres = anchors();
  const describe = describer
    ? async (rgb: Uint8Array): Promise<Float32Array> => {
        if (rgb.length !== DESCRIBER_INPUT * DESCRIBER_INPUT * 3) throw new Error(`The face describer takes ${DESCRIBER_INPUT}×${DESCRIBER_INPUT} RGB pixels`);
        const output = tf.tidy(() => {
          // Human feeds FaceRes 0..255 floats (its 0..1 crop times 255).
          const input = tf.tensor4d(Float32Array.from(rgb), [1, DESCRIBER_INPUT, DESCRIBER_INPUT, 3]);
          const outputs = describer.execute(input) as Tensor[];
          const descriptor = outputs.find((tensor) => tensor.shape[1] === DESCRIPTOR_LENGTH);
          if (!descriptor) throw new Error('FaceRes gave no 1024-number descriptor');
          return tf.squeeze(descriptor, [0]);
        });
        try {
          const values = (await output.data()) as Float32Array;
          return unitLength(values);
        } finally {
          output.dispose();
        }
      }
    : undefined;
  return {
    model: describer ? FACE_MODEL : FACE_MODEL_DETECTION_ONLY,
    ...(describe ? { describe } : {}),
    async detect(rgb, floor) {
      if (rgb.length !== DETECTOR_INPUT * DETECTOR_INPUT * 3) throw new Error(`The face detector takes ${DETECTOR_INPUT}×${DETECTOR_INPUT} RGB pixels`);
      const rows = tf.tidy(() => {
        // BlazeFace takes -1..1.
        const input = tf.tensor4d(Float32Array.from(rgb, (value) => value / 127.5 - 1), [1, DETECTOR_INPUT, DETECTOR_INPUT, 3]);
        // The converted graph answers four tensors: scores and boxes for the 512 fine anchors
        // and the 384 coarse ones. Ordered by size they are [384×1, 512×1, 384×16, 512×16].
        const outputs = (detector.execute(input) as Tensor[]).slice().sort((a, b) => a.size - b.size);
        const [coarseScore, fineScore, coarseBox, fineBox] = outputs as [Tensor, Tensor, Tensor, Tensor];
        const fine = tf.concat([fineScore, fineBox], 2);
        const coarse = tf.concat([coarseScore, coarseBox], 2);
        return tf.squeeze(tf.concat([fine, coarse], 1), [0]);
      });
      try {
        const values = (await rows.array()) as number[][];
        const faces: RawFace[] = [];
        values.forEach((row, index) => {
          const score = sigmoid(row[0] ?? -Infinity);
          const anchor = centres[index];
          if (!(score >= floor) || !anchor) return;
          const cx = (row[1] ?? 0) + anchor[0];
          const cy = (row[2] ?? 0) + anchor[1];
          const w = row[3] ?? 0;
          const h = row[4] ?? 0;
          const landmarks: [number, number][] = [];
          for (let k = 0; k < 6; k++) landmarks.push([(row[5 + 2 * k] ?? 0) + anchor[0], (row[6 + 2 * k] ?? 0) + anchor[1]]);
          faces.push({ score, x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2, landmarks });
        });
        return faces;
      } finally {
        rows.dispose();
      }
    },
  };
}

/** Scaled to length 1, so that the dot product of two descriptors is their cosine. */
export function unitLength(values: Float32Array): Float32Array {
  let sum = 0;
  for (const value of values) sum += value * value;
  const norm = Math.sqrt(sum) || 1;
  return Float32Array.from(values, (value) => value / norm);
}

let models: Promise<FaceModels> | null = null;

export function faceModels(): Promise<FaceModels> {
  models ??= load().catch((error: unknown) => {
    models = null;
    throw error;
  });
  return models;
}
