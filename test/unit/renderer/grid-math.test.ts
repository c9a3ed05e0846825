import { describe, expect, it } from 'vitest';
import {
  GRID_PADDING,
  MAX_TILE,
  MIN_TILE,
  TILE_GAP,
  boxFromPoints,
  contentHeight,
  firstScreenCount,
  gridLayout,
  indicesInBox,
  moveIndex,
  pickThumbnailSize,
  rowTop,
  rowsInView,
  scrollToShowRow,
  tileOrigin,
} from '../../../renderer/src/logic/grid-math.js';

describe('gridLayout', () => {
  it('fits as many columns as the wanted size allows and shares the spare width', () => {
    const layout = gridLayout(1000, 160, 100);
    // (1000 - 16 + 8) / (160 + 8) = 5.9 → 5 columns
    expect(layout.columns).toBe(5);
    expect(layout.tile * 5 + TILE_GAP * 4).toBeLessThanOrEqual(1000 - GRID_PADDING * 2);
    expect(layout.tile).toBeGreaterThanOrEqual(160);
    expect(layout.rows).toBe(20);
  });

  it('keeps at least one column and the minimum tile in a narrow or unmeasured container', () => {
    expect(gridLayout(0, 160, 3)).toMatchObject({ columns: 1, tile: MIN_TILE, rows: 3 });
    expect(gridLayout(50, 160, 0).rows).toBe(0);
  });

  it('clamps the wanted size to the slider range', () => {
    expect(gridLayout(10_000, 10, 1).columns).toBe(Math.floor((10_000 - 16 + TILE_GAP) / (MIN_TILE + TILE_GAP)));
    expect(gridLayout(10_000, 5_000, 1).columns).toBe(Math.floor((10_000 - 16 + TILE_GAP) / (MAX_TILE + TILE_GAP)));
  });

  it('rounds the row count up for a partial last row', () => {
    expect(gridLayout(1000, 160, 101).rows).toBe(21);
  });
});

describe('the row window', () => {
  // 5 columns of 190 px; rows of 220 px (190 + caption 22 + gap 8); 20 rows
  const layout = gridLayout(1000, 160, 100);

  it('places rows one row height apart below the top padding', () => {
    expect(layout.rowHeight).toBe(220);
    expect(rowTop(layout, 0)).toBe(GRID_PADDING);
    expect(rowTop(layout, 3)).toBe(GRID_PADDING + 660);
    expect(contentHeight(layout)).toBe(GRID_PADDING * 2 + 20 * 220);
  });

  it('draws the rows partly in view and the overscan either side, within the grid', () => {
    expect(rowsInView(layout, 0, 500, 0)).toEqual({ first: 0, last: 2 });
    expect(rowsInView(layout, 0, 500, 3)).toEqual({ first: 0, last: 5 });
    // 1000 px down: rows 4 (starts at 888) to 6 (starts at 1328, inside 1000 + 500)
    expect(rowsInView(layout, 1000, 500, 0)).toEqual({ first: 4, last: 6 });
    expect(rowsInView(layout, 1000, 500, 3)).toEqual({ first: 1, last: 9 });
    expect(rowsInView(layout, contentHeight(layout) - 500, 500, 3)).toEqual({ first: 14, last: 19 });
  });

  it('draws nothing for an empty grid or an unmeasured viewport', () => {
    expect(rowsInView(gridLayout(1000, 160, 0), 0, 500, 3)).toEqual({ first: 0, last: -1 });
    expect(rowsInView(layout, 0, 0, 3)).toEqual({ first: 0, last: -1 });
  });

  it('scrolls as little as it can to show a row, and not at all when it is in view', () => {
    expect(scrollToShowRow(layout, 2, 0, 700)).toBeNull();
    // Row 3 ends at 8 + 4 × 220 = 888: scrolled so that its bottom meets the viewport's.
    expect(scrollToShowRow(layout, 3, 0, 700)).toBe(888 - 700);
    // Row 1 starts at 228, above a viewport at 1000: its top lands just under the padding.
    expect(scrollToShowRow(layout, 1, 1000, 700)).toBe(220);
    expect(scrollToShowRow(layout, 0, 1000, 700)).toBe(0);
  });
});

describe('firstScreenCount', () => {
  it('counts the columns times the rows that are at least partly visible', () => {
    const layout = gridLayout(1400, 160, 0);
    // 8 columns of 166 px; rows of 196 px: 4 whole rows and part of a fifth in 900 px
    expect(layout).toMatchObject({ columns: 8, rowHeight: 196 });
    expect(firstScreenCount(1400, 900, 160)).toBe(40);
    expect(firstScreenCount(1400, 0, 160)).toBe(0);
  });

  it('from the window covers the first screen of a grid beside a sidebar and a panel', () => {
    for (const tile of [64, 160, 320]) {
      const grid = gridLayout(1400 - 220 - 340, tile, 0);
      const gridFirstScreen = grid.columns * Math.ceil((900 - 120 - GRID_PADDING) / grid.rowHeight);
      expect(firstScreenCount(1400, 900, tile)).toBeGreaterThanOrEqual(gridFirstScreen);
    }
  });
});

describe('pickThumbnailSize', () => {
  it('takes the smallest size that covers the tile at the screen density', () => {
    expect(pickThumbnailSize(120, 1, [64, 128, 512, 1080])).toBe(128);
    expect(pickThumbnailSize(120, 2, [64, 128, 512, 1080])).toBe(512);
    expect(pickThumbnailSize(60, 1, [64, 128, 512, 1080])).toBe(64);
    expect(pickThumbnailSize(600, 2, [64, 128, 512, 1080])).toBe(1080);
  });

  it('falls back to the largest generated size when none covers the tile', () => {
    expect(pickThumbnailSize(300, 2, [64, 128])).toBe(128);
    expect(pickThumbnailSize(2000, 1, [64, 128, 512, 1080])).toBe(1080);
  });

  it('uses only sizes that exist, in any order given', () => {
    expect(pickThumbnailSize(100, 1, [1080, 64])).toBe(1080);
  });

  it('answers null while no thumbnail exists (the tile shows a placeholder)', () => {
    expect(pickThumbnailSize(100, 1, [])).toBeNull();
  });

  it('treats a missing device pixel ratio as 1', () => {
    expect(pickThumbnailSize(100, 0, [64, 128])).toBe(128);
  });
});

describe('moveIndex', () => {
  // 10 items in 4 columns:  0 1 2 3 / 4 5 6 7 / 8 9
  const move = (index: number, key: Parameters<typeof moveIndex>[1]) => moveIndex(index, key, 4, 10, 2);

  it('moves left and right, stopping at the ends', () => {
    expect(move(5, 'ArrowLeft')).toBe(4);
    expect(move(5, 'ArrowRight')).toBe(6);
    expect(move(0, 'ArrowLeft')).toBe(0);
    expect(move(9, 'ArrowRight')).toBe(9);
  });

  it('moves up and down in the same column', () => {
    expect(move(5, 'ArrowUp')).toBe(1);
    expect(move(1, 'ArrowDown')).toBe(5);
    expect(move(2, 'ArrowUp')).toBe(2);
  });

  it('lands on the last item when the row below is shorter', () => {
    expect(move(6, 'ArrowDown')).toBe(9);
    expect(move(7, 'ArrowDown')).toBe(9);
  });

  it('stays put on the last row', () => {
    expect(move(8, 'ArrowDown')).toBe(8);
    expect(move(9, 'ArrowDown')).toBe(9);
  });

  it('jumps with Home, End and by pages', () => {
    expect(move(6, 'Home')).toBe(0);
    expect(move(2, 'End')).toBe(9);
    expect(move(1, 'PageDown')).toBe(9);
    expect(move(9, 'PageUp')).toBe(1);
    expect(move(5, 'PageUp')).toBe(1);
  });

  it('starts at the first item when nothing had focus, and answers -1 for an empty grid', () => {
    expect(move(-1, 'ArrowDown')).toBe(0);
    expect(move(-1, 'End')).toBe(9);
    expect(moveIndex(0, 'ArrowDown', 4, 0, 1)).toBe(-1);
  });
});

describe('rubber band geometry', () => {
  const layout = gridLayout(1000, 160, 12); // 5 columns

  it('normalises a drag in any direction', () => {
    expect(boxFromPoints({ x: 50, y: 80 }, { x: 10, y: 20 })).toEqual({ left: 10, top: 20, right: 50, bottom: 80 });
  });

  it('selects every tile the box touches, including rows far off screen', () => {
    const first = tileOrigin(layout, 0);
    const seventh = tileOrigin(layout, 6);
    const box = boxFromPoints({ x: first.x + 5, y: first.y + 5 }, { x: seventh.x + 5, y: seventh.y + 5 });
    expect(indicesInBox(box, layout, 12)).toEqual([0, 1, 5, 6]);
  });

  it('selects nothing in the gap between tiles and nothing past the last item', () => {
    const a = tileOrigin(layout, 0);
    const gapX = a.x + layout.tile + TILE_GAP / 2;
    expect(indicesInBox({ left: gapX - 1, top: a.y + 5, right: gapX + 1, bottom: a.y + 6 }, layout, 12)).toEqual([]);
    const last = tileOrigin(layout, 11);
    expect(indicesInBox({ left: last.x, top: last.y, right: 5000, bottom: 5000 }, layout, 12)).toEqual([11]);
  });

  it('selects nothing in an empty grid', () => {
    expect(indicesInBox({ left: 0, top: 0, right: 500, bottom: 500 }, layout, 0)).toEqual([]);
  });
});
