import { describe, expect, it } from 'vitest';
import { MAX_TILE, contentHeight, gridLayout, rowTop, rowsInView, topAfterRelayout } from '../../../renderer/src/logic/grid-math.js';
import {
  MAX_SCROLL_HEIGHT,
  ScrollTracker,
  isScaled,
  positionAfterStep,
  positionAt,
  positionFromScrollbar,
  scrollScale,
} from '../../../renderer/src/logic/scroll-scale.js';

const CHROMIUM_LIMIT = 33_554_432;
const VIEWPORT = 800;
// 1,000,000 items at the largest tile size in a 700 px wide grid: two columns, 500,000 rows.
const million = gridLayout(700, MAX_TILE, 1_000_000);
const hugeScale = scrollScale(contentHeight(million), VIEWPORT);

/** Where a row's top lands inside the scroller's (capped) content at a position. */
const shownTop = (row: number, offset: number) => rowTop(million, row) - offset;

describe('scrollScale', () => {
  it('leaves a grid that the browser can lay out alone', () => {
    const layout = gridLayout(1400, 160, 100_000);
    const scale = scrollScale(contentHeight(layout), VIEWPORT);
    expect(isScaled(scale)).toBe(false);
    expect(scale.shownHeight).toBe(contentHeight(layout));
    expect(positionFromScrollbar(scale, 12_345)).toEqual({ top: 12_345, offset: 0 });
    expect(positionAt(scale, 12_345)).toEqual({ top: 12_345, offset: 0, scrollTop: 12_345 });
  });

  it('caps a taller grid well below Chromium’s layout limit', () => {
    expect(million.columns).toBe(2);
    expect(contentHeight(million)).toBeGreaterThan(CHROMIUM_LIMIT * 4);
    expect(isScaled(hugeScale)).toBe(true);
    expect(hugeScale.shownHeight).toBe(MAX_SCROLL_HEIGHT);
    expect(MAX_SCROLL_HEIGHT).toBeLessThan(CHROMIUM_LIMIT / 2);
  });
});

describe('scroll position ↔ rows on a grid past the browser’s limit', () => {
  it('puts the first row at the scroller’s top', () => {
    const at = positionFromScrollbar(hugeScale, 0);
    expect(at).toEqual({ top: 0, offset: 0 });
    expect(rowsInView(million, at.top, VIEWPORT, 0).first).toBe(0);
  });

  it('puts the last row at the scroller’s bottom, inside the scroller’s content', () => {
    const at = positionFromScrollbar(hugeScale, hugeScale.maxScrollTop);
    expect(at.top).toBeCloseTo(hugeScale.maxTop, 3);
    const rows = rowsInView(million, at.top, VIEWPORT, 0);
    expect(rows.last).toBe(million.rows - 1);
    const lastBottom = shownTop(million.rows - 1, at.offset) + million.rowHeight;
    expect(lastBottom).toBeLessThanOrEqual(hugeScale.shownHeight);
    expect(lastBottom).toBeGreaterThan(hugeScale.shownHeight - million.rowHeight);
  });

  it('reaches a row far past the browser’s limit, and shows it inside the scroller', () => {
    const row = 400_000; // 140,000,000 px down
    expect(rowTop(million, row)).toBeGreaterThan(CHROMIUM_LIMIT);
    const at = positionAt(hugeScale, rowTop(million, row));
    expect(rowsInView(million, at.top, VIEWPORT, 0).first).toBe(row);
    expect(at.scrollTop).toBeGreaterThanOrEqual(0);
    expect(at.scrollTop).toBeLessThanOrEqual(hugeScale.maxScrollTop);
    // The row is drawn where the scroller is: at its top.
    expect(shownTop(row, at.offset) - at.scrollTop).toBeCloseTo(0, 6);
    // Read back from the scroller top (as its scroll event would be), it is the same place.
    expect(positionAfterStep(hugeScale, at.offset, at.scrollTop).top).toBeCloseTo(at.top, 6);
  });

  it('maps the scroll bar proportionally: half way down is the middle of the grid', () => {
    const at = positionFromScrollbar(hugeScale, hugeScale.maxScrollTop / 2);
    expect(Math.abs(at.top / hugeScale.maxTop - 0.5)).toBeLessThan(0.01);
  });

  it('maps the scroll bar monotonically, and every position back onto itself', () => {
    let previous = -1;
    for (let s = 0; s <= hugeScale.maxScrollTop; s += hugeScale.maxScrollTop / 997) {
      const at = positionFromScrollbar(hugeScale, s);
      expect(at.top).toBeGreaterThanOrEqual(previous);
      previous = at.top;
      expect(positionAt(hugeScale, at.top).scrollTop).toBeCloseTo(s, 3);
    }
  });

  it('scrolls pixel for pixel within a page, and writes the scroller back when crossing one', () => {
    const start = positionAt(hugeScale, hugeScale.pageLength * 3 - 300);
    const step = positionAfterStep(hugeScale, start.offset, start.scrollTop + 100);
    expect(step.top).toBeCloseTo(start.top + 100, 6);
    expect(step.rewrite).toBeNull();
    const across = positionAfterStep(hugeScale, start.offset, start.scrollTop + 400);
    expect(across.top).toBeCloseTo(start.top + 400, 6);
    expect(across.offset).toBeGreaterThan(start.offset);
    // Written back, the scroller shows the same place (the picture does not jump).
    expect(across.rewrite).not.toBeNull();
    expect((across.rewrite ?? 0) + across.offset).toBeCloseTo(across.top, 6);
  });
});

describe('ScrollTracker', () => {
  it('follows wheel steps 1:1 across pages, all the way to the last row', () => {
    const small = scrollScale(3_000_000, VIEWPORT, 1_000_000);
    const tracker = new ScrollTracker(small);
    let scrollTop = tracker.scrollTo(small.maxTop - 50_000);
    let top = tracker.top;
    for (let i = 0; i < 1_000 && top < small.maxTop; i += 1) {
      const event = tracker.onScroll(Math.min(small.maxScrollTop, scrollTop + 120));
      expect(event.top - top).toBeLessThanOrEqual(120 + 1e-6);
      top = event.top;
      scrollTop = event.rewrite ?? Math.min(small.maxScrollTop, scrollTop + 120);
      if (event.rewrite !== null) expect(tracker.onScroll(event.rewrite).top).toBeCloseTo(top, 6);
    }
    expect(top).toBeCloseTo(small.maxTop, 3);
  });

  it('takes a far move it did not make for the scroll bar', () => {
    const tracker = new ScrollTracker(hugeScale);
    const end = tracker.onScroll(hugeScale.maxScrollTop);
    expect(end.top).toBeCloseTo(hugeScale.maxTop, 3);
    const home = tracker.onScroll(0);
    expect(home.top).toBe(0);
  });

  it('keeps its own jump (End) even though it moved far', () => {
    const tracker = new ScrollTracker(hugeScale);
    const scrollTop = tracker.scrollTo(rowTop(million, 300_000));
    expect(tracker.onScroll(scrollTop).top).toBeCloseTo(rowTop(million, 300_000), 6);
  });
});

describe('topAfterRelayout', () => {
  it('keeps the top item at the top when the tile size changes while scrolled', () => {
    const big = gridLayout(1400, MAX_TILE, 1_000_000);
    const small = gridLayout(1400, 64, 1_000_000);
    const topItem = 700_000;
    const before = rowTop(big, Math.floor(topItem / big.columns)) + 1;
    const after = topAfterRelayout(big, small, before);
    const row = rowsInView(small, after, VIEWPORT, 0).first;
    const first = Math.floor(topItem / big.columns) * big.columns;
    expect(first).toBeGreaterThanOrEqual(row * small.columns);
    expect(first).toBeLessThan((row + 1) * small.columns);
    // and back again: the same row at the top
    const back = topAfterRelayout(small, big, after);
    expect(Math.abs(rowsInView(big, back, VIEWPORT, 0).first - Math.floor(topItem / big.columns))).toBeLessThanOrEqual(1);
  });

  it('keeps the top item in view when a resize changes the columns while scrolled past the limit', () => {
    const wide = gridLayout(1400, MAX_TILE, 1_000_000);
    const narrow = gridLayout(700, MAX_TILE, 1_000_000);
    const top = rowTop(wide, 200_000);
    const after = topAfterRelayout(wide, narrow, top);
    expect(after).toBeGreaterThan(CHROMIUM_LIMIT);
    const row = rowsInView(narrow, after, VIEWPORT, 0).first;
    expect(row).toBe(Math.floor((200_000 * wide.columns) / narrow.columns));
    // The new scale reaches it.
    const scale = scrollScale(contentHeight(narrow), VIEWPORT);
    const at = positionAt(scale, after);
    expect(at.top).toBe(after);
    expect(at.scrollTop).toBeLessThanOrEqual(scale.maxScrollTop);
  });

  it('stays at the very top, and keeps the place when only the item count changes', () => {
    const layout = gridLayout(1400, 160, 1_000);
    expect(topAfterRelayout(layout, gridLayout(1400, 160, 50), 0)).toBe(0);
    expect(topAfterRelayout(layout, gridLayout(1400, 160, 2_000), 5_000)).toBeCloseTo(5_000, 6);
  });
});
