import { describe, expect, it } from 'vitest';
import { decodeLevel, nanodetInput } from '../../../electron/library/extensions/objects/nanodet-detector.js';

const CLASSES = 80;
const BINS = 11;

/** One stride-32 level (13 × 13 cells) with a single cell scoring, and its 4 × 11 box logits. */
function level(cell: number, classIndex: number, score: number, sideLogits: (side: number) => number[]) {
  const scores = new Float32Array(169 * CLASSES);
  scores[cell * CLASSES + classIndex] = score;
  const boxes = new Float32Array(169 * BINS * 4);
  for (let side = 0; side < 4; side += 1) boxes.set(sideLogits(side), cell * BINS * 4 + side * BINS);
  return { scores, boxes };
}

describe('NanoDet decoding (GFL: distances as the expectation of a softmax over 0..10 cells)', () => {
  it('puts a box around the cell centre at the expected distances, times the stride', () => {
    // Cell (row 6, column 6): centre at (6.5 × 32, 6.5 × 32) = (208, 208) in the 416 input.
    // A logit of 50 on bin 2 makes the softmax one-hot: every side is 2 cells = 64 px away.
    const peaked = (bin: number) => Array.from({ length: BINS }, (_, i) => (i === bin ? 50 : 0));
    const { scores, boxes } = level(6 * 13 + 6, 2, 0.8, () => peaked(2));
    const [car, ...rest] = decodeLevel(scores, boxes, 32, 0.5);
    expect(rest).toEqual([]);
    expect(car?.label).toBe('car');
    expect(car?.score).toBeCloseTo(0.8);
    expect(car?.box.x).toBeCloseTo((208 - 64) / 416);
    expect(car?.box.width).toBeCloseTo(128 / 416);
  });

  it('takes the mean of the distribution, not its most likely bin', () => {
    // Equal logits on bins 1 and 3: the distance is 2 cells, though no single bin says 2.
    const split = Array.from({ length: BINS }, (_, i) => (i === 1 || i === 3 ? 50 : 0));
    const { scores, boxes } = level(0, 0, 0.9, () => split);
    const [person] = decodeLevel(scores, boxes, 32, 0.5);
    // Cell 0's centre is (16, 16): left/top clip at 0, right/bottom at 16 + 64 = 80.
    expect(person?.box.x).toBe(0);
    expect(person?.box.width).toBeCloseTo(80 / 416);
  });

  it('keeps nothing under the floor', () => {
    const { scores, boxes } = level(5, 1, 0.2, () => new Array(BINS).fill(0));
    expect(decodeLevel(scores, boxes, 32, 0.3)).toEqual([]);
  });

  it('feeds planar BGR, normalised by NanoDet’s means and standard deviations', () => {
    const rgb = new Uint8Array(416 * 416 * 3);
    rgb.set([255, 128, 0]); // the first pixel: R 255, G 128, B 0
    const input = nanodetInput(rgb);
    const plane = 416 * 416;
    expect(input[0]).toBeCloseTo((0 - 103.53) / 57.375); // B plane first
    expect(input[plane]).toBeCloseTo((128 - 116.28) / 57.12);
    expect(input[2 * plane]).toBeCloseTo((255 - 123.675) / 58.395);
  });
});
