import type { MediaSort } from '../../../shared/schemas.js';
import { sameView, type GalleryView } from '../logic/gallery-query.js';
import { IdIndex } from '../logic/selection.js';
import type { Slice } from './types.js';

/** What the gallery shows and in which order. */
export interface GallerySlice {
  view: GalleryView;
  search: string;
  sort: MediaSort;
  /** Wanted tile width in CSS pixels (the toolbar's slider). */
  tileSize: number;
  /** Every matching id, in order; the grid virtualises over it. */
  ids: readonly number[];
  idIndex: IdIndex;
  /** True until the first id list for the current query has arrived. */
  idsLoading: boolean;
  setView(view: GalleryView): void;
  setSearch(search: string): void;
  setSort(sort: MediaSort): void;
  setTileSize(size: number): void;
  setIds(ids: readonly number[]): void;
  setIdsLoading(loading: boolean): void;
}

export const DEFAULT_TILE_SIZE = 160;

export const createGallerySlice: Slice<GallerySlice> = (set, get) => ({
  view: { kind: 'all' },
  search: '',
  sort: { field: 'takenAt', direction: 'desc' },
  tileSize: DEFAULT_TILE_SIZE,
  ids: [],
  idIndex: new IdIndex([]),
  idsLoading: true,
  setView: (view) => {
    if (!sameView(view, get().view)) set({ view, idsLoading: true });
  },
  setSearch: (search) => set({ search }),
  setSort: (sort) => set({ sort }),
  setTileSize: (tileSize) => set({ tileSize }),
  setIds: (ids) => set({ ids, idIndex: new IdIndex(ids), idsLoading: false }),
  setIdsLoading: (idsLoading) => set({ idsLoading }),
});
