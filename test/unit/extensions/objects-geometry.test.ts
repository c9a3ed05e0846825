import { describe, expect, it } from 'vitest';
import { detectionsToTags, roundScore } from '../../../electron/library/extensions/objects/detections-to-tags.js';
import { boxInContent, boxInPicture, type ModelInput } from '../../../electron/library/extensions/objects/model-input.js';

const picture = (width: number, height: number, regions: ModelInput['tiles'][number]['region'][]): ModelInput => ({
  width,
  height,
  tiles: regions.map((region) => ({ rgb: new Uint8Array(0), region, content: { x: 0, y: 0, width: 1, height: 1 } })),
});

describe('boxInPicture', () => {
  it('maps a box found in a tile to whole pixels of the upright picture, clipped to it', () => {
    const region = { left: 1000, top: 0, width: 640, height: 480 };
    expect(boxInPicture({ x: 0.5, y: 0.25, width: 0.25, height: 0.5 }, region, { width: 6000, height: 480 })).toEqual({ x: 1320, y: 120, width: 160, height: 240 });
    expect(boxInPicture({ x: 0.9, y: 0.9, width: 0.5, height: 0.5 }, { left: 0, top: 0, width: 100, height: 100 }, { width: 100, height: 100 })).toEqual({ x: 90, y: 90, width: 10, height: 10 });
  });
});

describe('boxInContent', () => {
  it('maps a box in the letterboxed square to fractions of the picture centred in it, clipped to it', () => {
    // A 4:3 picture in a square: 1 wide, 0.75 high, 0.125 of black above and below.
    const content = { x: 0, y: 0.125, width: 1, height: 0.75 };
    const box = boxInContent({ x: 0.5, y: 0.5, width: 0.25, height: 0.375 }, content);
    expect(box.x).toBeCloseTo(0.5);
    expect(box.y).toBeCloseTo(0.5);
    expect(box.width).toBeCloseTo(0.25);
    expect(box.height).toBeCloseTo(0.5);
    // A box reaching into the black band ends at the picture's edge.
    expect(boxInContent({ x: 0, y: 0, width: 1, height: 0.5 }, content)).toEqual({ x: 0, y: 0, width: 1, height: 0.5 });
  });
});

describe('detectionsToTags', () => {
  it('keeps one tag per label: the best score anywhere, with the box of that detection', () => {
    const input = picture(2000, 500, [
      { left: 0, top: 0, width: 1000, height: 500 },
      { left: 1000, top: 0, width: 1000, height: 500 },
    ]);
    const tags = detectionsToTags(
      [
        [
          { label: 'person', score: 0.61234, box: { x: 0, y: 0, width: 0.1, height: 0.1 } },
          { label: 'dog', score: 0.3, box: { x: 0.5, y: 0.5, width: 0.1, height: 0.1 } },
        ],
        [{ label: 'person', score: 0.9, box: { x: 0.5, y: 0, width: 0.2, height: 1 } }],
      ],
      input,
    );
    expect(tags).toEqual([
      { name: 'person', confidence: 0.9, box: { x: 1500, y: 0, width: 200, height: 500 } },
      { name: 'dog', confidence: 0.3, box: { x: 500, y: 250, width: 100, height: 50 } },
    ]);
    expect(roundScore(0.61234)).toBe(0.612);
    expect(roundScore(1.2)).toBe(1);
  });
});
