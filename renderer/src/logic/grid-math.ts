/**
 * The gallery grid's geometry, kept free of the DOM so it can be tested and so the virtualiser,
 * the keyboard and the rubber band all agree on where tile N is.
 */
import { THUMBNAIL_SIZES, type ThumbnailSize } from '../../../shared/media.js';

export const TILE_GAP = 8;
export const GRID_PADDING = 8;
/** Room under each thumbnail for the tile's name. */
export const TILE_CAPTION = 22;
export const MIN_TILE = 64;
export const MAX_TILE = 320;

export interface GridLayout {
  columns: number;
  /** Width of one tile (the thumbnail box is square: tile × tile). */
  tile: number;
  /** Height of one row including the caption and the gap below it. */
  rowHeight: number;
  rows: number;
}

/** Columns that fit the width at the wanted tile size; the tiles then share the spare width. */
export function gridLayout(containerWidth: number, wantedTile: number, count: number): GridLayout {
  const inner = Math.max(0, containerWidth - GRID_PADDING * 2);
  const wanted = clamp(Math.round(wantedTile), MIN_TILE, MAX_TILE);
  const columns = Math.max(1, Math.floor((inner + TILE_GAP) / (wanted + TILE_GAP)));
  const tile = Math.max(MIN_TILE, Math.floor((inner - TILE_GAP * (columns - 1)) / columns));
  return { columns, tile, rowHeight: tile + TILE_CAPTION + TILE_GAP, rows: Math.ceil(count / columns) };
}

/**
 * How many tiles a grid of this size shows at the top, counting a partly visible last row.
 * Given the window's size (the grid is smaller), it is a guess that covers the grid's first
 * screen before the grid has been measured.
 */
export function firstScreenCount(width: number, height: number, wantedTile: number): number {
  const layout = gridLayout(width, wantedTile, 0);
  return layout.columns * Math.ceil(Math.max(0, height - GRID_PADDING) / layout.rowHeight);
}

/** The rows drawn: first and last index, inclusive; last < first when there are none. */
export interface RowWindow {
  first: number;
  last: number;
}

/** Top of row `row` inside the grid's content box. */
export function rowTop(layout: GridLayout, row: number): number {
  return GRID_PADDING + row * layout.rowHeight;
}

/** Height of the grid's content: every row, with the padding above and below. */
export function contentHeight(layout: GridLayout): number {
  return GRID_PADDING * 2 + layout.rows * layout.rowHeight;
}

/** Rows at least partly inside the viewport, plus `overscan` rows either side. */
export function rowsInView(layout: GridLayout, scrollTop: number, viewportHeight: number, overscan: number): RowWindow {
  if (layout.rows === 0 || viewportHeight <= 0) return { first: 0, last: -1 };
  const top = scrollTop - GRID_PADDING;
  const firstVisible = clamp(Math.floor(top / layout.rowHeight), 0, layout.rows - 1);
  const lastVisible = clamp(Math.ceil((top + viewportHeight) / layout.rowHeight) - 1, firstVisible, layout.rows - 1);
  return { first: Math.max(0, firstVisible - overscan), last: Math.min(layout.rows - 1, lastVisible + overscan) };
}

/**
 * The scroll position that brings row `row` fully into view while moving as little as
 * possible, or null when it is in view already.
 */
export function scrollToShowRow(layout: GridLayout, row: number, scrollTop: number, viewportHeight: number): number | null {
  const top = rowTop(layout, row);
  const bottom = top + layout.rowHeight;
  if (top < scrollTop) return Math.max(0, top - GRID_PADDING);
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return null;
}

/**
 * The grid's top after its layout changed (another tile size, a resize): the item that was at
 * the top stays at the top, at the same depth into its row, so a change never loses the place.
 */
export function topAfterRelayout(before: GridLayout, after: GridLayout, top: number): number {
  if (top <= GRID_PADDING || before.rows === 0) return Math.max(0, top);
  const row = Math.floor((top - GRID_PADDING) / before.rowHeight);
  const depth = (top - GRID_PADDING - row * before.rowHeight) / before.rowHeight;
  const item = Math.min(row, before.rows - 1) * before.columns;
  return rowTop(after, Math.floor(item / after.columns)) + depth * after.rowHeight;
}

/** Left/top of tile `index` inside the grid's content box. */
export function tileOrigin(layout: GridLayout, index: number): { x: number; y: number } {
  const row = Math.floor(index / layout.columns);
  const column = index % layout.columns;
  return { x: GRID_PADDING + column * (layout.tile + TILE_GAP), y: GRID_PADDING + row * layout.rowHeight };
}

/**
 * The smallest generated thumbnail that covers the tile at the screen's density, or the largest
 * one there is when none does; null while none has been made (the tile shows a placeholder).
 */
export function pickThumbnailSize(
  tilePx: number,
  devicePixelRatio: number,
  available: readonly ThumbnailSize[],
): ThumbnailSize | null {
  if (available.length === 0) return null;
  const needed = tilePx * (devicePixelRatio > 0 ? devicePixelRatio : 1);
  const sorted = THUMBNAIL_SIZES.filter((size) => available.includes(size));
  return sorted.find((size) => size >= needed) ?? sorted[sorted.length - 1] ?? null;
}

export type NavigationKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

export function isNavigationKey(key: string): key is NavigationKey {
  return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(key);
}

/**
 * Where focus goes from `index` for a key, grid-aware: up/down keep the column, and a move
 * past the last, partial row lands on its last tile rather than nowhere.
 */
export function moveIndex(index: number, key: NavigationKey, columns: number, count: number, pageRows: number): number {
  if (count === 0) return -1;
  const last = count - 1;
  if (index < 0 || index >= count) return key === 'End' ? last : 0;
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, index - 1);
    case 'ArrowRight':
      return Math.min(last, index + 1);
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'ArrowDown':
      if (index + columns <= last) return index + columns;
      // Already on the last row: stay. Otherwise the row below is partial: go to its end.
      return Math.floor(index / columns) === Math.floor(last / columns) ? index : last;
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageUp': {
      const step = columns * Math.max(1, pageRows);
      return index - step >= 0 ? index - step : index % columns;
    }
    case 'PageDown': {
      const step = columns * Math.max(1, pageRows);
      return Math.min(last, index + step);
    }
  }
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Normalises a drag from one point to another into a box, whichever way it went. */
export function boxFromPoints(a: { x: number; y: number }, b: { x: number; y: number }): Box {
  return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), right: Math.max(a.x, b.x), bottom: Math.max(a.y, b.y) };
}

/**
 * Indices of the tiles a rubber band (in content coordinates) touches. Computed from the
 * layout, not the DOM, so tiles scrolled out of the virtual window are included.
 */
export function indicesInBox(box: Box, layout: GridLayout, count: number): number[] {
  if (count === 0) return [];
  const span = layout.tile + TILE_GAP;
  const firstRow = Math.max(0, Math.floor((box.top - GRID_PADDING) / layout.rowHeight));
  const lastRow = Math.min(layout.rows - 1, Math.floor((box.bottom - GRID_PADDING) / layout.rowHeight));
  const firstCol = Math.max(0, Math.floor((box.left - GRID_PADDING) / span));
  const lastCol = Math.min(layout.columns - 1, Math.floor((box.right - GRID_PADDING) / span));
  const out: number[] = [];
  for (let row = firstRow; row <= lastRow; row += 1) {
    for (let col = firstCol; col <= lastCol; col += 1) {
      const index = row * layout.columns + col;
      if (index >= count) break;
      const origin = tileOrigin(layout, index);
      const touches =
        box.right >= origin.x &&
        box.left <= origin.x + layout.tile &&
        box.bottom >= origin.y &&
        box.top <= origin.y + layout.tile + TILE_CAPTION;
      if (touches) out.push(index);
    }
  }
  return out;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
