/**
 * Selection rules of a file manager, as pure functions over the gallery's ordered ids:
 * click selects one, Shift-click extends from the anchor, Ctrl/Cmd-click toggles, Ctrl+A takes
 * all, a rubber band selects what it touches (added to the old selection with Ctrl/Cmd).
 * Selections hold ids, not positions, so they survive a re-sort or new items arriving.
 */

export interface SelectionState {
  selected: ReadonlySet<number>;
  /** Where a Shift-click range starts. */
  anchor: number | null;
  /** The tile keyboard focus is on. */
  focus: number | null;
}

export interface Modifiers {
  shift: boolean;
  /** Ctrl on Linux/Windows, Cmd on macOS. */
  toggle: boolean;
}

export const EMPTY_SELECTION: SelectionState = { selected: new Set(), anchor: null, focus: null };

/**
 * Positions of ids in the gallery order, built once per id list (100,000 ids: a few ms). Ids
 * are row ids, dense in practice, so the index is an array by id (4 bytes an item: 20 MB for
 * 5,000,000, where a Map took about ten times that); sparse ids fall back to a Map.
 */
export class IdIndex {
  private positions: Int32Array | Map<number, number> | null = null;
  constructor(readonly ids: readonly number[]) {}

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

function range(ids: readonly number[], from: number, to: number): number[] {
  const start = Math.min(from, to);
  const end = Math.max(from, to);
  return ids.slice(start, end + 1);
}

export function clickSelect(state: SelectionState, index: IdIndex, id: number, mods: Modifiers): SelectionState {
  const position = index.indexOf(id);
  if (position < 0) return state;
  if (mods.shift) {
    const anchor = state.anchor !== null && index.has(state.anchor) ? state.anchor : id;
    const span = range(index.ids, index.indexOf(anchor), position);
    const selected = mods.toggle ? new Set([...state.selected, ...span]) : new Set(span);
    return { selected, anchor, focus: id };
  }
  if (mods.toggle) {
    const selected = new Set(state.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, anchor: id, focus: id };
  }
  return { selected: new Set([id]), anchor: id, focus: id };
}

/** Keyboard focus moved to `id`: plain arrows select it alone, Shift extends, Ctrl only moves focus. */
export function keyboardSelect(state: SelectionState, index: IdIndex, id: number, mods: Modifiers): SelectionState {
  if (mods.toggle && !mods.shift) return { ...state, focus: id };
  return clickSelect(state, index, id, { shift: mods.shift, toggle: false });
}

/** Ctrl/Cmd+Space on the focused tile. */
export function toggleFocused(state: SelectionState): SelectionState {
  if (state.focus === null) return state;
  const selected = new Set(state.selected);
  if (selected.has(state.focus)) selected.delete(state.focus);
  else selected.add(state.focus);
  return { ...state, selected, anchor: state.focus };
}

export function selectAll(ids: readonly number[], state: SelectionState): SelectionState {
  return { selected: new Set(ids), anchor: state.anchor ?? ids[0] ?? null, focus: state.focus ?? ids[0] ?? null };
}

/** A rubber band covering `touched`; with Ctrl/Cmd it adds to what was selected when the drag began. */
export function bandSelect(base: SelectionState, touched: readonly number[], additive: boolean): SelectionState {
  const selected = additive ? new Set([...base.selected, ...touched]) : new Set(touched);
  const last = touched[touched.length - 1];
  return { selected, anchor: touched[0] ?? base.anchor, focus: last ?? base.focus };
}

/** Drops ids no longer in the gallery (filtered out, trashed, forgotten). */
export function pruneSelection(state: SelectionState, index: IdIndex): SelectionState {
  let changed = false;
  const selected = new Set<number>();
  for (const id of state.selected) {
    if (index.has(id)) selected.add(id);
    else changed = true;
  }
  const anchor = state.anchor !== null && index.has(state.anchor) ? state.anchor : null;
  const focus = state.focus !== null && index.has(state.focus) ? state.focus : null;
  if (!changed && anchor === state.anchor && focus === state.focus) return state;
  return { selected, anchor, focus };
}

/** The selected ids in gallery order (for commands that report or act in order). */
export function orderedSelection(selected: ReadonlySet<number>, index: IdIndex): number[] {
  return [...selected].filter((id) => index.has(id)).sort((a, b) => index.indexOf(a) - index.indexOf(b));
}
