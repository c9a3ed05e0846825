/** Where BlazeFace looks in a picture, and how the boxes found in several looks become one face each. */
import { describe, expect, it } from 'vitest';
import { lookSquares, mergeCandidates } from '../../../electron/library/extensions/faces/face-input.js';

const face = (score: number, x1: number, y1: number, side: number) => ({ score, x1, y1, x2: x1 + side, y2: y1 + side, roll: 0 });

describe('lookSquares', () => {
  it('looks at a photo whole, then in half-overlapping squares of its short edge and of half of it', () => {
    const squares = lookSquares(1600, 1200);
    expect(squares[0]).toEqual({ left: 0, top: 0, side: 1600 });
    const short = squares.filter((s) => s.side === 1200);
    expect(short.map((s) => s.left)).toEqual([0, 400]);
    const half = squares.filter((s) => s.side === 600);
    // Every point of the picture is inside some half-size square.
    for (const [x, y] of [[0, 0], [1599, 1199], [800, 600], [1599, 0]] as const) {
      expect(half.some((s) => x >= s.left && x < s.left + s.side && y >= s.top && y < s.top + s.side), `${x},${y}`).toBe(true);
    }
    expect(half.length).toBe(15);
  });

  it('looks at a small picture only whole, and along a panorama at its full height', () => {
    expect(lookSquares(300, 200)).toEqual([{ left: 0, top: 0, side: 300 }]);
    const panorama = lookSquares(5600, 448);
    expect(panorama.filter((s) => s.side === 448).at(-1)).toEqual({ left: 5152, top: 0, side: 448 });
    expect(panorama.some((s) => s.side === 224)).toBe(false); // under the smallest square worth a look
  });
});

describe('mergeCandidates', () => {
  it('keeps the best of boxes that are one face, drops tiny ones, keeps faces side by side', () => {
    const merged = mergeCandidates([face(0.8, 100, 100, 50), face(0.95, 105, 102, 48), face(0.9, 300, 100, 50), face(0.99, 500, 500, 10), face(0.75, 110, 110, 20)]);
    expect(merged.map((m) => [m.score, m.x1])).toEqual([
      [0.95, 105],
      [0.9, 300],
    ]);
  });
});
