/**
 * The object detector: CenterNet with a MobileNet v3 backbone, trained on COCO (80 classes),
 * as converted to a TensorFlow.js graph model and shipped inside the `@vladmandic/human` npm
 * package (`models/centernet.json` + `centernet.bin`, 4 MB). Loaded once per process from
 * those files; the first call pays about 50 ms, every later one shares the loaded graph.
 *
 * The graph decodes its own heat map: its `tower_0/detections` output holds the 100 best
 * centres as [x1, y1, x2, y2, score, class] in input pixels. One tag per label is all Folio
 * keeps, so no non-maximum suppression is needed: the best box of a label wins.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { COCO_LABELS } from './coco-labels.js';
import { fileModelHandler } from './graph-model-files.js';
import { tensorflow } from './tf-runtime.js';

/** A box as fractions of the input picture (0..1), top-left corner and size. */
export interface UnitBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Detection {
  label: string;
  score: number;
  box: UnitBox;
}

export interface ObjectDetector {
  /** Model name and version, recorded so a model change can be told from the tags. */
  model: string;
  /** The square input the graph takes, in pixels. */
  inputSize: number;
  /** `rgb`: inputSize × inputSize × 3 bytes, row by row. Detections above `floor`, best first. */
  detect(rgb: Uint8Array, floor: number): Promise<Detection[]>;
}

const INPUT_SIZE = 512;
const OUTPUT = 'tower_0/detections';

export function centernetModelPath(): string {
  const require = createRequire(import.meta.url);
  // The package's exports hide its models folder, but it sits beside dist/ (resolving loads nothing).
  return path.join(path.dirname(require.resolve('@vladmandic/human')), '..', 'models', 'centernet.json');
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function toDetections(rows: readonly (readonly number[])[], floor: number): Detection[] {
  const detections: Detection[] = [];
  for (const [x1 = 0, y1 = 0, x2 = 0, y2 = 0, score = 0, index = -1] of rows) {
    const label = COCO_LABELS[index];
    if (label === undefined || !(score >= floor)) continue;
    const left = clamp01(x1 / INPUT_SIZE);
    const top = clamp01(y1 / INPUT_SIZE);
    detections.push({
      label,
      score,
      box: { x: left, y: top, width: clamp01(x2 / INPUT_SIZE) - left, height: clamp01(y2 / INPUT_SIZE) - top },
    });
  }
  return detections.sort((a, b) => b.score - a.score);
}

async function load(): Promise<ObjectDetector> {
  const tf = await tensorflow();
  const graph: GraphModel = await loadGraphModel(fileModelHandler(centernetModelPath()));
  return {
    model: 'centernet-mobilenetv3-coco (@vladmandic/human 3.3)',
    inputSize: INPUT_SIZE,
    async detect(rgb, floor) {
      if (rgb.length !== INPUT_SIZE * INPUT_SIZE * 3) throw new Error(`The detector takes ${INPUT_SIZE}×${INPUT_SIZE} RGB pixels`);
      // The graph was trained on 0..255 floats (Human feeds it unnormalised pixels).
      const output = tf.tidy(() => graph.execute(tf.tensor4d(Float32Array.from(rgb), [1, INPUT_SIZE, INPUT_SIZE, 3]), OUTPUT) as import('@tensorflow/tfjs-core').Tensor);
      try {
        const [rows = []] = (await output.array()) as number[][][];
        return toDetections(rows, floor);
      } finally {
        output.dispose();
      }
    },
  };
}

let detector: Promise<ObjectDetector> | null = null;

export function centernetDetector(): Promise<ObjectDetector> {
  detector ??= load().catch((error: unknown) => {
    detector = null;
    throw error;
  });
  return detector;
}
