/**
 * Selections that hold a span of the view instead of its ids (Ctrl+A, a Shift-range over
 * windows the page never loaded), and the bulk target they turn into.
 */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  clickSelect,
  isSelected,
  MAX_HELD_RANGE,
  pruneSelection,
  selectAll,
  selectionCount,
  toggleFocused,
} from '../../../renderer/src/logic/selection.js';
import { selectionTarget } from '../../../renderer/src/logic/selection-target.js';
import { ViewIds, WINDOW } from '../../../renderer/src/logic/view-ids.js';

const TOTAL = 1_000_000;
const plain = { shift: false, toggle: false };
const shift = { shift: true, toggle: false };
const toggle = { shift: false, toggle: true };
/** id = position + 1; only the first two pages and the last are loaded. */
const list = ViewIds.fresh(TOTAL)
  .withPage(0, Array.from({ length: WINDOW }, (_, i) => i + 1))
  .withPage(1, Array.from({ length: WINDOW }, (_, i) => WINDOW + i + 1))
  .withPage(TOTAL / WINDOW - 1, Array.from({ length: WINDOW }, (_, i) => TOTAL - WINDOW + i + 1));
const view = { kind: 'all' } as const;
const sort = { field: 'takenAt', direction: 'desc' } as const;

describe('spans', () => {
  it('Ctrl+A is the whole view, counted without one id in the page', () => {
    const all = selectAll(list, EMPTY_SELECTION);
    expect(all.selected.size).toBe(0);
    expect(all.span).toEqual({ from: 0, to: TOTAL - 1, all: true, except: new Set() });
    expect(selectionCount(all, TOTAL)).toBe(TOTAL);
    expect(isSelected(all, 1, list)).toBe(true);
    expect(isSelected(all, TOTAL, list)).toBe(true);
  });

  it('Shift-click from the first item to the last, across windows never loaded, is a span', () => {
    const start = clickSelect(EMPTY_SELECTION, list, 1, plain);
    const range = clickSelect(start, list, TOTAL, shift);
    expect(range.span).toMatchObject({ from: 0, to: TOTAL - 1, all: false });
    expect(range.selected.size).toBe(0);
    expect(selectionCount(range, TOTAL)).toBe(TOTAL);
    // Backwards too: from the last item up to the second.
    const back = clickSelect(clickSelect(EMPTY_SELECTION, list, TOTAL, plain), list, 2, shift);
    expect(back.span).toMatchObject({ from: 1, to: TOTAL - 1 });
  });

  it('a short range inside loaded windows is still held as ids', () => {
    const range = clickSelect(clickSelect(EMPTY_SELECTION, list, 10, plain), list, WINDOW + 20, shift);
    expect(range.span).toBeNull();
    expect(range.selected.size).toBe(WINDOW + 11);
    expect(WINDOW + 11).toBeLessThan(MAX_HELD_RANGE);
  });

  it('Ctrl-click inside a span takes the item out and puts it back; Ctrl+Space too', () => {
    const all = selectAll(list, EMPTY_SELECTION);
    const without = clickSelect(all, list, 5, toggle);
    expect(isSelected(without, 5, list)).toBe(false);
    expect(selectionCount(without, TOTAL)).toBe(TOTAL - 1);
    expect(isSelected(clickSelect(without, list, 5, toggle), 5, list)).toBe(true);
    const focusedOut = toggleFocused({ ...all, focus: 7 });
    expect(isSelected(focusedOut, 7, list)).toBe(false);
  });

  it('a plain click ends the span', () => {
    const after = clickSelect(selectAll(list, EMPTY_SELECTION), list, 3, plain);
    expect(after.span).toBeNull();
    expect([...after.selected]).toEqual([3]);
  });

  it('a windowed list never prunes what it cannot see, and clips a span past its end', () => {
    const held = { selected: new Set([123_456]), anchor: null, focus: null };
    expect(pruneSelection(held, list)).toBe(held);
    const span = { ...held, span: { from: TOTAL + 10, to: TOTAL + 20, all: false, except: new Set<number>() } };
    expect(pruneSelection(span, list).span).toBeNull();
  });

  it('becomes allOf for the library: the view, the positions, the exceptions', () => {
    const range = clickSelect(clickSelect(EMPTY_SELECTION, list, 1, plain), list, TOTAL - 1, shift);
    const out = clickSelect(range, list, 3, toggle);
    const target = selectionTarget({ selection: out, idIndex: list, view, search: 'tag:beach', sort });
    expect(target.allOf).toEqual({
      filter: { status: 'active', versions: false, query: 'tag:beach' },
      sort,
      offset: 0,
      limit: TOTAL - 1,
      except: [3],
    });
    expect(target.count).toBe(TOTAL - 2);
    const all = selectionTarget({ selection: selectAll(list, EMPTY_SELECTION), idIndex: list, view, search: '', sort });
    expect(all.allOf).toEqual({ filter: { status: 'active', versions: false }, sort });
    expect(selectionTarget({ selection: clickSelect(EMPTY_SELECTION, list, 4, plain), idIndex: list, view, search: '', sort })).toEqual({ ids: [4], allOf: null, count: 1 });
  });
});
