import { describe, expect, it } from 'vitest';
import { adjustRect, fitInside, nudgeRect, rectFromDrag, toDisplayRect, toImageRect } from '../../../renderer/src/logic/focus-area.js';

const image = { width: 4000, height: 3000 };
const shown = { width: 800, height: 600 };

describe('focus area geometry', () => {
  it('fits the picture inside the preview with its aspect ratio', () => {
    expect(fitInside(image, { width: 1000, height: 600 })).toEqual({ width: 800, height: 600 });
    expect(fitInside({ width: 3000, height: 4000 }, { width: 1000, height: 1000 })).toEqual({ width: 750, height: 1000 });
    expect(fitInside(image, { width: 0, height: 600 })).toEqual({ width: 0, height: 0 });
  });

  it('converts display pixels to whole upright-image pixels and back', () => {
    const inImage = toImageRect({ x: 100, y: 50, width: 200, height: 100 }, shown, image);
    expect(inImage).toEqual({ x: 500, y: 250, width: 1000, height: 500 });
    expect(toDisplayRect(inImage, shown, image)).toEqual({ x: 100, y: 50, width: 200, height: 100 });
  });

  it('keeps the converted area inside the image and at least one pixel', () => {
    expect(toImageRect({ x: 790, y: 590, width: 50, height: 50 }, shown, image)).toEqual({ x: 3950, y: 2950, width: 50, height: 50 });
    expect(toImageRect({ x: 10, y: 10, width: 0.01, height: 0.01 }, shown, image)).toEqual({ x: 50, y: 50, width: 1, height: 1 });
  });

  it('draws a rectangle from a drag in any direction, clipped to the picture', () => {
    expect(rectFromDrag({ x: 300, y: 200 }, { x: 100, y: 50 }, shown)).toEqual({ x: 100, y: 50, width: 200, height: 150 });
    expect(rectFromDrag({ x: 700, y: 500 }, { x: 900, y: 900 }, shown)).toEqual({ x: 700, y: 500, width: 100, height: 100 });
  });

  it('moves the whole area without leaving the picture', () => {
    const rect = { x: 100, y: 100, width: 200, height: 100 };
    expect(adjustRect(rect, 'move', 50, -20, shown)).toEqual({ x: 150, y: 80, width: 200, height: 100 });
    expect(adjustRect(rect, 'move', 10_000, 10_000, shown)).toEqual({ x: 600, y: 500, width: 200, height: 100 });
  });

  it('resizes by an edge or corner and never turns inside out', () => {
    const rect = { x: 100, y: 100, width: 200, height: 100 };
    expect(adjustRect(rect, 'se', 20, 30, shown)).toEqual({ x: 100, y: 100, width: 220, height: 130 });
    expect(adjustRect(rect, 'nw', -50, -50, shown)).toEqual({ x: 50, y: 50, width: 250, height: 150 });
    expect(adjustRect(rect, 'e', -1000, 0, shown, 4)).toEqual({ x: 100, y: 100, width: 4, height: 100 });
    expect(adjustRect(rect, 'n', 0, -1000, shown)).toEqual({ x: 100, y: 0, width: 200, height: 200 });
  });

  it('nudges with arrow keys: move, or resize with Shift', () => {
    const rect = { x: 100, y: 100, width: 200, height: 100 };
    expect(nudgeRect(rect, 'ArrowRight', false, 4, shown)).toEqual({ x: 104, y: 100, width: 200, height: 100 });
    expect(nudgeRect(rect, 'ArrowDown', true, 4, shown)).toEqual({ x: 100, y: 100, width: 200, height: 104 });
    expect(nudgeRect(rect, 'Enter', false, 4, shown)).toBeNull();
  });
});
