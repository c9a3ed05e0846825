/**
 * Loads what the gallery shows: the first windows of ids of the current view, search and sort
 * (the rest come by windows as the grid shows them: view-windows.ts), and tile data for the
 * rows on screen, fetched in batches and cached. Stale answers (a newer
 * query was asked meanwhile) are dropped.
 */
import type { MediaTile } from '../../../shared/media.js';
import type { ViewWindow } from '../../../shared/view-selection.js';
import type { MediaSort } from '../../../shared/schemas.js';
import { call } from '../api/client.js';
import { firstScreenGate } from '../api/first-screen-gate.js';
import { buildFilter, type GalleryView } from '../logic/gallery-query.js';
import { firstScreenCount } from '../logic/grid-math.js';
import { searchProblem } from '../logic/search-problem.js';
import { pruneSelection } from '../logic/selection.js';
import { ViewIds, WINDOW } from '../logic/view-ids.js';
import { ReadOrder } from '../logic/read-order.js';
import { useStore } from '../store/store.js';
import { reportError } from './report.js';
import { refreshTagTree } from './tag-tree-data.js';
import { startAnswer, wantedPositions, whenTotalChanges } from './view-windows.js';

let idsRequest = 0;
/** The query of the latest id list asked for (the store's own objects, compared by identity). */
let askedQuery: { view: GalleryView; search: string; sort: MediaSort } | null = null;

/** True when the latest id list asked for is for exactly this view, search and sort. */
export function idsAskedFor(view: GalleryView, search: string, sort: MediaSort): boolean {
  return askedQuery !== null && askedQuery.view === view && askedQuery.search === search && askedQuery.sort === sort;
}

/**
 * A view this small is read whole (one more call after the first window), so pruning the
 * selection, ranges and "position of" work on every id as they always did; larger views are
 * read by windows only.
 */
export const WHOLE_VIEW_UP_TO = 20_000;
/** The first answer covers this many pages from where the grid is (a screen and some). */
const FIRST_PAGES = 2;

function samePages(list: ViewIds, fresh: ViewIds, pages: readonly number[]): boolean {
  return pages.every((page) => {
    const from = page * WINDOW;
    const a = list.slice(from, from + WINDOW - 1);
    const b = fresh.slice(from, from + WINDOW - 1);
    return a.length === b.length && a.every((id, i) => id === b[i]);
  });
}

whenTotalChanges(() => void reloadIds());

/**
 * Reads the view's first windows: from the top for a new query, around what the grid shows for
 * a reload of the same one (after a change). Never the whole id list of a large view.
 */
export async function reloadIds(): Promise<void> {
  const { view, search, sort } = useStore.getState();
  const request = ++idsRequest;
  const sameQuery = idsAskedFor(view, search, sort) && !useStore.getState().idsLoading;
  askedQuery = { view, search, sort };
  const filter = buildFilter(view, search);
  const around = sameQuery ? (wantedPositions()?.from ?? 0) : 0;
  const firstPage = Math.floor(around / WINDOW);
  // A search that does not parse is shown under the search box; the list stays as it was.
  if (searchProblem(search) !== null) {
    useStore.getState().setIdsLoading(false);
    return;
  }
  try {
    // An album is shown whole, in its own order (albums.itemIds); every other view by windows.
    const first =
      view.kind === 'album'
        ? await albumViewWindow(view.id, view, search)
        : await call('media.listIdsWindow', { filter, sort, offset: firstPage * WINDOW, limit: FIRST_PAGES * WINDOW });
    if (request !== idsRequest) return;
    // Nothing to show: no tiles will come to open the gate for the sidebar.
    if (first.total === 0) firstScreenGate.open();
    let whole: number[] | null = null;
    if (first.total <= WHOLE_VIEW_UP_TO && first.ids.length < first.total) {
      const rest = await call('media.listIdsWindow', { filter, sort, offset: 0, limit: Math.max(1, first.total) });
      if (request !== idsRequest) return;
      whole = rest.ids;
    }
    startAnswer(filter, sort);
    let fresh = ViewIds.fresh(whole?.length ?? first.total);
    const ids = whole ?? first.ids;
    const offset = whole === null ? first.offset : 0;
    for (let start = 0; start < ids.length; start += WINDOW) fresh = fresh.withPage(Math.floor((offset + start) / WINDOW), ids.slice(start, start + WINDOW));
    unanswered = new Set();
    const state = useStore.getState();
    const pages = [...new Set(Array.from({ length: Math.ceil(ids.length / WINDOW) }, (_, i) => Math.floor(offset / WINDOW) + i))];
    // A change that did not move anything in or out (a tag edit in "All media") keeps the same
    // list, so the grid's rows are not even re-rendered.
    if (sameQuery && state.ids.length === fresh.length && samePages(state.ids, fresh, pages)) return;
    // A new query shows its list from the top. The grid asks for its rows' tiles once it has
    // rendered them; asking for the first screen now overlaps that render with the request.
    if (state.idsLoading) wantTiles(fresh.slice(0, firstScreenCount(window.innerWidth, window.innerHeight, state.tileSize) - 1));
    state.setIds(fresh);
    const selection = useStore.getState().selection;
    // A span is positions of the view it was made in: another view's positions mean other items.
    const kept = !sameQuery && selection.span ? { ...selection, span: null } : selection;
    const pruned = pruneSelection(kept, useStore.getState().idIndex);
    if (pruned !== selection) state.setSelection(pruned);
  } catch (error) {
    firstScreenGate.open();
    if (request !== idsRequest) return;
    useStore.getState().setIdsLoading(false);
    reportError(error, 'show these items');
  }
}

/** An album in its own order; a search typed meanwhile narrows it (its order stays the album's). */
async function albumViewWindow(albumId: number, view: GalleryView, search: string): Promise<ViewWindow> {
  const inAlbum = await call('albums.itemIds', { id: albumId });
  if (search.trim() === '') return { offset: 0, ids: inAlbum.ids, total: inAlbum.ids.length };
  const matching = new Set((await call('media.listIds', { filter: buildFilter(view, search) })).ids);
  const ids = inAlbum.ids.filter((id) => matching.has(id));
  return { offset: 0, ids, total: ids.length };
}

const TILE_BATCH = 400;
const MAX_TILE_REQUESTS = 2;

let wanted: readonly number[] = [];
const inFlight = new Set<number>();
// Ids the server did not answer for (gone since the id list was read): not asked again until
// the next id list, or the grid would ask for them in a loop.
let unanswered = new Set<number>();
let running = 0;
let scheduled = false;

/**
 * The grid says which ids are on (or near) the screen. Only the latest wish counts: while the
 * user scrolls fast, rows that flew past are never fetched.
 */
export function wantTiles(ids: readonly number[]): void {
  wanted = ids;
  scheduleFlush();
}

function scheduleFlush(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    void flushTiles();
  });
}

async function flushTiles(): Promise<void> {
  while (running < MAX_TILE_REQUESTS) {
    const { tiles } = useStore.getState();
    const batch = wanted.filter((id) => !tiles.has(id) && !inFlight.has(id) && !unanswered.has(id)).slice(0, TILE_BATCH);
    if (batch.length === 0) return;
    running += 1;
    for (const id of batch) inFlight.add(id);
    void fetchTiles(batch).finally(() => {
      running -= 1;
      for (const id of batch) inFlight.delete(id);
      scheduleFlush();
    });
  }
}

async function fetchTiles(ids: number[]): Promise<void> {
  try {
    const tiles: MediaTile[] = await call('media.tiles', { ids });
    useStore.getState().putTiles(tiles);
    firstScreenGate.open();
    if (tiles.length < ids.length) {
      const answered = new Set(tiles.map((t) => t.id));
      for (const id of ids) if (!answered.has(id)) unanswered.add(id);
    }
  } catch (error) {
    firstScreenGate.open();
    // Don't retry in a loop: the next scroll or change asks again.
    wanted = wanted.filter((id) => !ids.includes(id));
    reportError(error, 'load thumbnails');
  }
}

/** Fetches tiles again (thumbnails were made, an item changed); ids not cached are left alone. */
export async function refreshTiles(ids?: readonly number[]): Promise<void> {
  const { tiles } = useStore.getState();
  const targets = (ids ?? [...tiles.keys()]).filter((id) => tiles.has(id) || wanted.includes(id));
  const visibleFirst = [...new Set([...wanted.filter((id) => targets.includes(id)), ...targets])].slice(0, 5_000);
  for (let start = 0; start < visibleFirst.length; start += TILE_BATCH) {
    const batch = visibleFirst.slice(start, start + TILE_BATCH);
    try {
      const fresh = await call('media.tiles', { ids: batch });
      useStore.getState().putTiles(fresh);
    } catch (error) {
      reportError(error, 'refresh thumbnails');
      return;
    }
  }
  if (ids === undefined) {
    // Anything cached but not refreshed may be stale: let it be fetched again when shown.
    const keep = new Set(visibleFirst);
    const stale = [...useStore.getState().tiles.keys()].filter((id) => !keep.has(id));
    if (stale.length > 0) useStore.getState().forgetTiles(stale);
  }
}

/** Full items for the panel and the preview. */
export async function loadItems(ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    const items = await call('media.getMany', { ids: ids.slice(0, 500) });
    useStore.getState().putItems(items);
  } catch (error) {
    reportError(error, 'load the item details');
  }
}

/** Refetches cached full items that changed (all cached ones when ids are not known). */
export async function refreshItems(ids?: readonly number[]): Promise<void> {
  const cached = [...useStore.getState().items.keys()];
  const targets = ids === undefined ? cached : cached.filter((id) => ids.includes(id));
  if (targets.length === 0) return;
  try {
    const items = await call('media.getMany', { ids: targets.slice(0, 500) });
    const found = new Set(items.map((i) => i.id));
    const state = useStore.getState();
    state.putItems(items);
    const gone = targets.filter((id) => !found.has(id));
    if (gone.length > 0) state.forgetItems(gone);
  } catch (error) {
    reportError(error, 'refresh the item details');
  }
}

/** The sidebar's reads: each change asks for one, and their answers may cross (logic/read-order.ts). */
const libraryReads = new ReadOrder();

/** The sidebar's folders, tags and totals. */
export async function refreshLibrary(): Promise<void> {
  const read = libraryReads.ask();
  try {
    const [folders, tags, info] = await Promise.all([
      call('folders.list', {}),
      call('tags.list', { limit: 500 }),
      call('library.info', {}),
      refreshTagTree(),
    ]);
    if (!libraryReads.fresh(read)) return;
    const state = useStore.getState();
    state.setFolders(folders);
    state.setTags(tags);
    state.setInfo(info);
  } catch (error) {
    reportError(error, 'load the library');
  }
}
