import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  IdIndex,
  bandSelect,
  clickSelect,
  isSelected,
  selectionCount,
  keyboardSelect,
  orderedSelection,
  pruneSelection,
  selectAll,
  toggleFocused,
  type SelectionState,
} from '../../../renderer/src/logic/selection.js';

const ids = [10, 20, 30, 40, 50, 60];
const index = new IdIndex(ids);
const plain = { shift: false, toggle: false };
const shift = { shift: true, toggle: false };
const ctrl = { shift: false, toggle: true };

const sorted = (state: SelectionState) => [...state.selected].sort((a, b) => a - b);

describe('click selection', () => {
  it('a plain click selects only that item and sets the anchor', () => {
    const state = clickSelect({ selected: new Set([10, 20]), anchor: 10, focus: 10 }, index, 40, plain);
    expect(sorted(state)).toEqual([40]);
    expect(state.anchor).toBe(40);
    expect(state.focus).toBe(40);
  });

  it('Shift-click selects the range from the anchor, in either direction', () => {
    const a = clickSelect(EMPTY_SELECTION, index, 20, plain);
    expect(sorted(clickSelect(a, index, 50, shift))).toEqual([20, 30, 40, 50]);
    const b = clickSelect(a, index, 50, shift);
    // The anchor stays, so a second Shift-click re-draws the range from it.
    expect(sorted(clickSelect(b, index, 10, shift))).toEqual([10, 20]);
  });

  it('Ctrl-click toggles one item and keeps the rest', () => {
    const a = clickSelect(EMPTY_SELECTION, index, 20, plain);
    const b = clickSelect(a, index, 40, ctrl);
    expect(sorted(b)).toEqual([20, 40]);
    expect(sorted(clickSelect(b, index, 20, ctrl))).toEqual([40]);
  });

  it('Ctrl+Shift-click adds a range to what was selected', () => {
    let state = clickSelect(EMPTY_SELECTION, index, 10, plain);
    state = clickSelect(state, index, 40, ctrl);
    state = clickSelect(state, index, 60, { shift: true, toggle: true });
    expect(sorted(state)).toEqual([10, 40, 50, 60]);
  });

  it('Shift-click without an anchor selects just the item', () => {
    expect(sorted(clickSelect(EMPTY_SELECTION, index, 30, shift))).toEqual([30]);
  });

  it('ignores ids that are not in the gallery', () => {
    const state = clickSelect(EMPTY_SELECTION, index, 999, plain);
    expect(state).toBe(EMPTY_SELECTION);
  });
});

describe('keyboard selection', () => {
  it('arrows select the new item, Shift extends, Ctrl moves focus only', () => {
    const a = keyboardSelect(EMPTY_SELECTION, index, 20, plain);
    expect(sorted(a)).toEqual([20]);
    const b = keyboardSelect(a, index, 40, shift);
    expect(sorted(b)).toEqual([20, 30, 40]);
    const c = keyboardSelect(b, index, 60, ctrl);
    expect(sorted(c)).toEqual([20, 30, 40]);
    expect(c.focus).toBe(60);
    expect(sorted(toggleFocused(c))).toEqual([20, 30, 40, 60]);
  });
});

describe('select all, rubber band and pruning', () => {
  it('Ctrl+A selects every id', () => {
    // A small view held whole: its ids (a large one is a span: selection-span.test.ts).
    const all = selectAll(index, EMPTY_SELECTION);
    expect(all.selected.size).toBe(6);
    expect(all.span).toBeNull();
    expect(selectionCount(all, ids.length)).toBe(6);
    expect(ids.every((id) => isSelected(all, id, index))).toBe(true);
  });

  it('a band replaces the selection, or adds to it with Ctrl', () => {
    const base = clickSelect(EMPTY_SELECTION, index, 10, plain);
    expect(sorted(bandSelect(base, [30, 40], false))).toEqual([30, 40]);
    expect(sorted(bandSelect(base, [30, 40], true))).toEqual([10, 30, 40]);
    expect(sorted(bandSelect(base, [], false))).toEqual([]);
  });

  it('drops ids that left the gallery and keeps the same object when nothing left', () => {
    const state = { selected: new Set([10, 30, 99]), anchor: 99, focus: 30 };
    const pruned = pruneSelection(state, index);
    expect(sorted(pruned)).toEqual([10, 30]);
    expect(pruned.anchor).toBeNull();
    expect(pruned.focus).toBe(30);
    const clean = { selected: new Set([10]), anchor: 10, focus: 10 };
    expect(pruneSelection(clean, index)).toBe(clean);
  });

  it('lists the selection in gallery order', () => {
    expect(orderedSelection(new Set([50, 10, 30]), index)).toEqual([10, 30, 50]);
  });

  it('indexes 100,000 ids quickly enough for a click', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => i + 1);
    const big = new IdIndex(many);
    const start = clickSelect(EMPTY_SELECTION, big, 1, plain);
    const range = clickSelect(start, big, 100_000, shift);
    // Longer than MAX_HELD_RANGE: held as a span of positions, not 100,000 ids.
    expect(range.span).toMatchObject({ from: 0, to: 99_999, all: false });
    expect(selectionCount(range, many.length)).toBe(100_000);
  });
});
