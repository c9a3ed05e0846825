import type { MediaItem, MediaTile } from '../../../shared/media.js';
import type { Slice } from './types.js';

/**
 * Cached tile data for the grid (bounded: only what was on or near the screen recently) and
 * full items for the panel and the preview. Each tile reads its own entry through a selector,
 * so refreshing one tile re-renders that tile only.
 */
export interface ItemsSlice {
  tiles: ReadonlyMap<number, MediaTile>;
  items: ReadonlyMap<number, MediaItem>;
  putTiles(tiles: readonly MediaTile[]): void;
  putItems(items: readonly MediaItem[]): void;
  forgetItems(ids: readonly number[]): void;
  /** Drops cached tiles only (stale ones are fetched again when they come into view). */
  forgetTiles(ids: readonly number[]): void;
  forgetAll(): void;
}

export const TILE_CACHE_LIMIT = 6_000;
export const ITEM_CACHE_LIMIT = 500;

/** Map insertion order doubles as age: re-inserted entries move to the end, the oldest go first. */
function bounded<V>(current: ReadonlyMap<number, V>, entries: Iterable<[number, V]>, limit: number): Map<number, V> {
  const next = new Map(current);
  for (const [id, value] of entries) {
    next.delete(id);
    next.set(id, value);
  }
  if (next.size > limit) {
    let excess = next.size - limit;
    for (const id of next.keys()) {
      if (excess-- <= 0) break;
      next.delete(id);
    }
  }
  return next;
}

export const createItemsSlice: Slice<ItemsSlice> = (set) => ({
  tiles: new Map(),
  items: new Map(),
  putTiles: (tiles) =>
    set((state) => ({ tiles: bounded(state.tiles, tiles.map((t): [number, MediaTile] => [t.id, t]), TILE_CACHE_LIMIT) })),
  putItems: (items) =>
    set((state) => ({ items: bounded(state.items, items.map((i): [number, MediaItem] => [i.id, i]), ITEM_CACHE_LIMIT) })),
  forgetItems: (ids) =>
    set((state) => {
      const items = new Map(state.items);
      const tiles = new Map(state.tiles);
      for (const id of ids) {
        items.delete(id);
        tiles.delete(id);
      }
      return { items, tiles };
    }),
  forgetTiles: (ids) =>
    set((state) => {
      const tiles = new Map(state.tiles);
      for (const id of ids) tiles.delete(id);
      return { tiles };
    }),
  forgetAll: () => set({ items: new Map(), tiles: new Map() }),
});
