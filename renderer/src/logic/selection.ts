/**
 * Selection rules of a file manager, as pure functions over the gallery's ordered ids:
 * click selects one, Shift-click extends from the anchor, Ctrl/Cmd-click toggles, Ctrl+A takes
 * all, a rubber band selects what it touches (added to the old selection with Ctrl/Cmd).
 * Selections hold ids, not positions, so they survive a re-sort or new items arriving.
 */
import type { PositionIndex } from './view-ids.js';

export interface SelectionState {
  selected: ReadonlySet<number>;
  /**
   * Positions of the view selected without holding their ids (Ctrl+A, a Shift-range over
   * windows the page never loaded); sent to the library as `allOf`. Optional, so plain
   * selections are written as before.
   */
  span?: ViewSpan | null;
  /** Where a Shift-click range starts. */
  anchor: number | null;
  /** The tile keyboard focus is on. */
  focus: number | null;
  /** The anchor's position when it was set: a Shift-range reaches it after its window was dropped. */
  anchorPosition?: number;
}

export interface Modifiers {
  shift: boolean;
  /** Ctrl on Linux/Windows, Cmd on macOS. */
  toggle: boolean;
}

export const EMPTY_SELECTION: SelectionState = { selected: new Set(), anchor: null, focus: null };

/** A run of positions of the current view, less the items Ctrl-clicked out of it. */
export interface ViewSpan {
  from: number;
  /** Inclusive. */
  to: number;
  /** The whole view, however long it grows or shrinks (Ctrl+A). */
  all: boolean;
  except: ReadonlySet<number>;
}

/** Shift-ranges up to this long, with every id loaded, are held as ids; longer ones as a span. */
export const MAX_HELD_RANGE = 5_000;

function spanCovers(span: ViewSpan | null | undefined, position: number, length: number): boolean {
  if (!span || position < 0) return false;
  return span.all ? position < length : position >= span.from && position <= span.to;
}

/** Whether the item is selected, by its id or by its position in a span. */
export function isSelected(state: SelectionState, id: number, index: PositionIndex): boolean {
  if (state.selected.has(id)) return true;
  return state.span ? spanCovers(state.span, index.indexOf(id), index.length) && !state.span.except.has(id) : false;
}

/** How many items are selected (a span counts its positions). */
export function selectionCount(state: SelectionState, total: number): number {
  const span = state.span;
  if (!span) return state.selected.size;
  const positions = span.all ? total : Math.min(span.to, total - 1) - span.from + 1;
  return state.selected.size + Math.max(0, positions - span.except.size);
}

/**
 * Positions of ids in the gallery order, built once per id list (100,000 ids: a few ms). Ids
 * are row ids, dense in practice, so the index is an array by id (4 bytes an item: 20 MB for
 * 5,000,000, where a Map took about ten times that); sparse ids fall back to a Map.
 */
export class IdIndex implements PositionIndex {
  private positions: Int32Array | Map<number, number> | null = null;
  constructor(readonly ids: readonly number[]) {}

  get length(): number {
    return this.ids.length;
  }

  at(position: number): number | undefined {
    return this.ids[position];
  }

  loaded(): boolean {
    return true;
  }

  slice(from: number, to: number): number[] {
    return this.ids.slice(Math.max(0, from), to + 1);
  }

  indexOf(id: number): number {
    this.positions ??= buildPositions(this.ids);
    if (this.positions instanceof Map) return this.positions.get(id) ?? -1;
    // Stored as position + 1, so the array's zeros mean "not in the list".
    return Number.isInteger(id) && id >= 0 && id < this.positions.length ? (this.positions[id] as number) - 1 : -1;
  }

  has(id: number): boolean {
    return this.indexOf(id) >= 0;
  }
}

function buildPositions(ids: readonly number[]): Int32Array | Map<number, number> {
  let max = 0;
  for (const id of ids) if (id > max) max = id;
  if (max < 2 ** 31 - 1 && max <= ids.length * 4 + 1_024) {
    const positions = new Int32Array(max + 1);
    ids.forEach((id, index) => {
      positions[id] = index + 1;
    });
    return positions;
  }
  const positions = new Map<number, number>();
  ids.forEach((id, index) => positions.set(id, index));
  return positions;
}

export function clickSelect(state: SelectionState, index: PositionIndex, id: number, mods: Modifiers): SelectionState {
  const position = index.indexOf(id);
  if (position < 0) return state;
  if (mods.shift) {
    let anchor = id;
    let anchorPosition = position;
    if (state.anchor !== null && index.has(state.anchor)) {
      anchor = state.anchor;
      anchorPosition = index.indexOf(state.anchor);
    } else if (state.anchor !== null && state.anchorPosition !== undefined && state.anchorPosition < index.length && !index.loaded(0, index.length - 1)) {
      // The anchor's window was dropped since: its position was kept for this.
      anchor = state.anchor;
      anchorPosition = state.anchorPosition;
    }
    const start = Math.min(anchorPosition, position);
    const end = Math.max(anchorPosition, position);
    const base = mods.toggle ? state.selected : new Set<number>();
    if (end - start < MAX_HELD_RANGE && index.loaded(start, end)) {
      const selected = new Set([...base, ...index.slice(start, end)]);
      return { selected, anchor, anchorPosition, focus: id, span: mods.toggle ? state.span : null };
    }
    return { selected: new Set(base), anchor, anchorPosition, focus: id, span: { from: start, to: end, all: false, except: new Set() } };
  }
  if (mods.toggle) {
    if (spanCovers(state.span, position, index.length) && state.span) {
      // Ctrl-click inside a span takes the item out of it (or puts it back).
      const except = new Set(state.span.except);
      if (except.has(id)) except.delete(id);
      else except.add(id);
      return { ...state, span: { ...state.span, except }, anchor: id, anchorPosition: position, focus: id };
    }
    const selected = new Set(state.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, anchor: id, anchorPosition: position, focus: id, span: state.span ?? null };
  }
  return { selected: new Set([id]), anchor: id, anchorPosition: position, focus: id, span: null };
}

/** Keyboard focus moved to `id`: plain arrows select it alone, Shift extends, Ctrl only moves focus. */
export function keyboardSelect(state: SelectionState, index: PositionIndex, id: number, mods: Modifiers): SelectionState {
  if (mods.toggle && !mods.shift) return { ...state, focus: id };
  return clickSelect(state, index, id, { shift: mods.shift, toggle: false });
}

/** Ctrl/Cmd+Space on the focused tile. */
export function toggleFocused(state: SelectionState): SelectionState {
  if (state.focus === null) return state;
  if (state.span && !state.selected.has(state.focus)) {
    const except = new Set(state.span.except);
    if (except.has(state.focus)) except.delete(state.focus);
    else except.add(state.focus);
    return { ...state, span: { ...state.span, except }, anchor: state.focus };
  }
  const selected = new Set(state.selected);
  if (selected.has(state.focus)) selected.delete(state.focus);
  else selected.add(state.focus);
  return { ...state, selected, anchor: state.focus };
}

/**
 * Ctrl+A: a small view held whole selects its ids, as it always did (the panel then shows
 * which tags all or some of them have); a larger one is a span of the whole view, however
 * large, and no id is materialised.
 */
export function selectAll(ids: PositionIndex, state: SelectionState): SelectionState {
  const first = ids.at(0) ?? null;
  if (ids.length <= MAX_HELD_RANGE && ids.loaded(0, ids.length - 1)) {
    const all = ids.slice(0, ids.length - 1);
    return { selected: new Set(all), anchor: state.anchor ?? first, focus: state.focus ?? first, span: null };
  }
  return {
    selected: new Set(),
    anchor: state.anchor ?? first,
    anchorPosition: state.anchor === null ? 0 : state.anchorPosition,
    focus: state.focus ?? first,
    span: ids.length > 0 ? { from: 0, to: ids.length - 1, all: true, except: new Set() } : null,
  };
}

/** A rubber band covering `touched`; with Ctrl/Cmd it adds to what was selected when the drag began. */
export function bandSelect(base: SelectionState, touched: readonly number[], additive: boolean): SelectionState {
  const selected = additive ? new Set([...base.selected, ...touched]) : new Set(touched);
  const last = touched[touched.length - 1];
  return { selected, anchor: touched[0] ?? base.anchor, focus: last ?? base.focus, span: additive ? (base.span ?? null) : null };
}

/**
 * Drops ids no longer in the gallery (filtered out, trashed, forgotten). Only a list the page
 * holds whole can tell an id is gone; a windowed one keeps the selection, and the library
 * resolves it when it is used. A span is clipped to the view.
 */
export function pruneSelection(state: SelectionState, index: PositionIndex): SelectionState {
  if (state.span && !state.span.all && state.span.from >= index.length) return pruneSelection({ ...state, span: null }, index);
  if (!index.loaded(0, index.length - 1)) return state;
  let changed = false;
  const selected = new Set<number>();
  for (const id of state.selected) {
    if (index.has(id)) selected.add(id);
    else changed = true;
  }
  const anchor = state.anchor !== null && index.has(state.anchor) ? state.anchor : null;
  const focus = state.focus !== null && index.has(state.focus) ? state.focus : null;
  if (!changed && anchor === state.anchor && focus === state.focus) return state;
  return { ...state, selected, anchor, focus };
}

/**
 * The selected ids in gallery order (for commands that report or act in order). With a
 * windowed list, ids whose window is not loaded follow in the order they were selected.
 */
export function orderedSelection(selected: ReadonlySet<number>, index: PositionIndex): number[] {
  const whole = index.loaded(0, index.length - 1);
  const known = [...selected].filter((id) => index.has(id)).sort((a, b) => index.indexOf(a) - index.indexOf(b));
  return whole ? known : [...known, ...[...selected].filter((id) => !index.has(id))];
}
