import type { MediaSort } from '../../../shared/schemas.js';
import { sameView, type GalleryView } from '../logic/gallery-query.js';
import { ViewIds } from '../logic/view-ids.js';
import type { Slice } from './types.js';

/** What the gallery shows and in which order. */
export interface GallerySlice {
  view: GalleryView;
  search: string;
  sort: MediaSort;
  /** Wanted tile width in CSS pixels (the toolbar's slider). */
  tileSize: number;
  /**
   * The view's ids by position, loaded in windows around what is shown (logic/view-ids.ts);
   * `ids.length` is the view's total. `idIndex` is the same object (positions of loaded ids).
   */
  ids: ViewIds;
  idIndex: ViewIds;
  /** Changes with each new answer to the view's query (not with each window that fills in). */
  viewVersion: number;
  /** True until the first id list for the current query has arrived. */
  idsLoading: boolean;
  setView(view: GalleryView): void;
  setSearch(search: string): void;
  setSort(sort: MediaSort): void;
  setTileSize(size: number): void;
  /** A new answer for the view (a whole array: tests and small views). */
  setIds(ids: readonly number[] | ViewIds): void;
  /** More windows of the same answer arrived. */
  fillIds(ids: ViewIds): void;
  setIdsLoading(loading: boolean): void;
}

export const DEFAULT_TILE_SIZE = 160;

export const createGallerySlice: Slice<GallerySlice> = (set, get) => ({
  view: { kind: 'all' },
  search: '',
  sort: { field: 'takenAt', direction: 'desc' },
  tileSize: DEFAULT_TILE_SIZE,
  ids: ViewIds.empty(),
  idIndex: ViewIds.empty(),
  viewVersion: 0,
  idsLoading: true,
  setView: (view) => {
    if (!sameView(view, get().view)) set({ view, idsLoading: true });
  },
  setSearch: (search) => set({ search }),
  setSort: (sort) => set({ sort }),
  setTileSize: (tileSize) => set({ tileSize }),
  setIds: (given) => {
    const ids = given instanceof ViewIds ? given : ViewIds.of(given);
    set({ ids, idIndex: ids, idsLoading: false, viewVersion: get().viewVersion + 1 });
  },
  fillIds: (ids) => set({ ids, idIndex: ids }),
  setIdsLoading: (idsLoading) => set({ idsLoading }),
});
