/**
 * Windows of a view by position, without listing the view: the gallery of a 5,000,000-item
 * library asks for the few hundred ids around its viewport, never for all of them.
 *
 * SQLite has no "row at position n" short of walking n rows (OFFSET), so each view keeps
 * anchors: the keyset position (sort value, id) just before a known position. A window seeks
 * to the nearest anchor at or before it and walks only the rest; a window nearer the end walks
 * from the end in the opposite order (End costs what Home does). When a window would still walk
 * far (a scrubber jump to the middle), the view's scrubber counts are used: every month (letter,
 * size band, rating) starts at a known position and at a sort value that can be written down,
 * so each becomes an anchor and no walk is longer than one bucket.
 *
 * The total is counted once per view (cheaply for "All media" and a tag: view-count-query.ts),
 * the buckets once (the scrubber asks for them too, and gets these). Everything is kept per view
 * until the library changes, the same version check the scrubber's counts always used.
 */
import type { MediaFilter, MediaSort } from '../../../shared/schemas.js';
import { BUCKET_KIND, SIZE_BAND_LIMITS, type BucketKind, type SortBuckets } from '../../../shared/sort-buckets.js';
import type { ViewWindow } from '../../../shared/view-selection.js';
import type { Db } from '../db/connection.js';
import { listPageAt, type ListSpec, type SortValue } from '../db/media-list-query.js';
import { statement } from '../db/statements.js';
import { driverFor, resolveList, type ResolvedList } from './list-request.js';
import { bucketsOfResolved } from './view-buckets.js';
import { countView } from './view-count.js';

/** The keyset position of the row just before `position`: a seek from it starts at `position`. */
export interface Anchor {
  position: number;
  value: SortValue;
  id: number;
}

interface ViewState {
  version: string;
  resolved: ResolvedList | null;
  kind: BucketKind;
  total: number | null;
  buckets: SortBuckets | null;
  /** Ascending by position. */
  anchors: Anchor[];
}

const CACHED_VIEWS = 8;
/** Past this many anchors every other one is dropped: seeks stay short, memory stays small. */
const MAX_ANCHORS = 4_096;
/** A walk longer than this first places an anchor at every scrubber bucket. */
const BUCKET_SEEK_FROM = 20_000;

/**
 * Changes whenever the library's rows may have: a commit on this connection moves
 * total_changes(), one on another connection moves data_version. Any write invalidates the
 * cache, which is coarse but never stale.
 */
function libraryVersion(db: Db): string {
  return `${String(db.pragma('data_version', { simple: true }))}:${String(statement(db, 'SELECT total_changes()').pluck().get())}`;
}

/** The anchor with the largest position ≤ `position` (binary search), or null for the start. */
export function nearestAnchor(anchors: readonly Anchor[], position: number): Anchor | null {
  let lo = 0;
  let hi = anchors.length - 1;
  let found: Anchor | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const anchor = anchors[mid] as Anchor;
    if (anchor.position <= position) {
      found = anchor;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Adds an anchor in position order (keeping one already at that position); thins out past the cap. */
export function addAnchor(anchors: Anchor[], anchor: Anchor): Anchor[] {
  const before = nearestAnchor(anchors, anchor.position);
  if (before?.position === anchor.position) return anchors;
  const at = before === null ? 0 : anchors.indexOf(before) + 1;
  anchors.splice(at, 0, anchor);
  return anchors.length > MAX_ANCHORS ? anchors.filter((_, index) => index % 2 === 0) : anchors;
}

export interface WindowPlan {
  /** Walk from the end in the opposite order. */
  fromEnd: boolean;
  after: Anchor | null;
  skip: number;
  limit: number;
}

/** Where to start walking for positions offset…offset+limit-1 of a view of `total` items. */
export function planWindow(anchors: readonly Anchor[], total: number, offset: number, limit: number): WindowPlan {
  const count = Math.max(0, Math.min(limit, total - offset));
  const anchor = nearestAnchor(anchors, offset);
  const forwardSkip = offset - (anchor?.position ?? 0);
  const backwardSkip = Math.max(0, total - offset - count);
  if (backwardSkip < forwardSkip) return { fromEnd: true, after: null, skip: backwardSkip, limit: count };
  return { fromEnd: false, after: anchor, skip: forwardSkip, limit: count };
}

// Above every character SQLite can hold (UTF-8 F4 8F BF BF), so "prefix + TOP" bounds the prefix.
const TOP = '\u{10FFFF}';

/**
 * The keyset position just before the first row of a bucket, in the view's direction: the rows
 * after it are exactly this bucket and those that follow. Ids are positive, so id 0 sits before
 * (ascending) or after (descending) every row of equal value. null when no such value exists.
 */
export function bucketAnchorValue(kind: BucketKind, key: string, direction: 'asc' | 'desc'): SortValue | null {
  if (kind === 'month' || kind === 'letter') return direction === 'desc' ? key + TOP : key;
  const n = Number(key);
  if (!Number.isInteger(n)) return null;
  if (kind === 'stars') return direction === 'desc' ? n + 1 : n;
  // Band b holds sizes from SIZE_BAND_LIMITS[b-1] (inclusive) to SIZE_BAND_LIMITS[b] (exclusive).
  const bound = direction === 'desc' ? SIZE_BAND_LIMITS[n] : SIZE_BAND_LIMITS[n - 1];
  return bound ?? null;
}

export function bucketAnchors(buckets: SortBuckets, direction: 'asc' | 'desc'): Anchor[] {
  const anchors: Anchor[] = [];
  let position = 0;
  for (const bucket of buckets.buckets) {
    const value = position === 0 ? null : bucketAnchorValue(buckets.kind, bucket.key, direction);
    if (value !== null) anchors.push({ position, value, id: 0 });
    position += bucket.count;
  }
  return anchors;
}

/** The rows a window needs: `skip` then `limit` rows of `spec` (the view from an anchor, or reversed from its end). */
export interface WindowWalk {
  resolved: ResolvedList;
  spec: ListSpec;
  skip: number;
  limit: number;
  fromEnd: boolean;
}

/** A window as planned: its walk (null when there is nothing to read) and the state it was planned at. */
export interface PlannedWindow {
  offset: number;
  total: number;
  version: string;
  walk: WindowWalk | null;
}

/** The walk read by the list query on this connection. */
export function walkHere(db: Db, walk: WindowWalk): [number, SortValue][] {
  // The driver is chosen for the rows walked, not only those answered.
  return listPageAt(db, walk.spec, driverFor(db, walk.resolved, walk.skip + walk.limit), walk.skip, walk.limit);
}

export interface ViewPositions {
  /** The window read here (plannedWindow, walkHere, windowOf). */
  window(filter: MediaFilter | undefined, sort: MediaSort | undefined, offset: number, limit: number): ViewWindow;
  /** Where a window's rows are: the walk to make, wherever it is made. */
  plannedWindow(filter: MediaFilter | undefined, sort: MediaSort | undefined, offset: number, limit: number): PlannedWindow;
  /** The window from its walk's rows (in the walk's order); they become an anchor if the library is still as planned. */
  windowOf(filter: MediaFilter | undefined, sort: MediaSort | undefined, planned: PlannedWindow, rows: readonly [number, SortValue][]): ViewWindow;
  /** The scrubber's counts of the view (cached with its windows). */
  buckets(filter: MediaFilter | undefined, sort: MediaSort | undefined): SortBuckets;
  /** The counts when already kept, without counting (a bad filter still throws its error). */
  knownBuckets(filter: MediaFilter | undefined, sort: MediaSort | undefined): SortBuckets | null;
  /** Keeps counts made elsewhere (the count thread) if the library is still at `version`. */
  adoptBuckets(filter: MediaFilter | undefined, sort: MediaSort | undefined, version: string, buckets: SortBuckets): void;
  /** The view when its total is not counted yet (to count it elsewhere), else null. */
  uncountedView(filter: MediaFilter | undefined, sort: MediaSort | undefined): ResolvedList | null;
  /** Keeps a total counted elsewhere (the count thread's columns) if the library is still at `version`. */
  adoptTotal(filter: MediaFilter | undefined, sort: MediaSort | undefined, version: string, total: number): void;
  /** The library's state, as the cache sees it. */
  version(): string;
  /** True when this window would first count the view's buckets (a far jump in a view not counted yet). */
  windowNeedsBuckets(filter: MediaFilter | undefined, sort: MediaSort | undefined, offset: number, limit: number): boolean;
}

export function createViewPositions(db: Db, options: { bucketSeekFrom?: number } = {}): ViewPositions {
  const bucketSeekFrom = options.bucketSeekFrom ?? BUCKET_SEEK_FROM;
  const views = new Map<string, ViewState>();

  function stateOf(filter: MediaFilter | undefined, sort: MediaSort | undefined): ViewState {
    const key = JSON.stringify([filter ?? null, sort ?? null]);
    const version = libraryVersion(db);
    const cached = views.get(key);
    views.delete(key);
    // Map order is age: a hit becomes the newest.
    if (cached && cached.version === version) {
      views.set(key, cached);
      return cached;
    }
    const resolved = resolveList(db, filter, sort, undefined);
    const kind = BUCKET_KIND[(resolved?.sort ?? sort)?.field ?? 'takenAt'];
    const state: ViewState = { version, resolved, kind, total: resolved === null ? 0 : null, buckets: null, anchors: [] };
    views.set(key, state);
    for (const old of views.keys()) {
      if (views.size <= CACHED_VIEWS) break;
      views.delete(old);
    }
    return state;
  }

  function totalOf(state: ViewState): number {
    if (state.total !== null) return state.total;
    state.total = countView(db, state.resolved as ResolvedList);
    return state.total;
  }

  function keepBuckets(state: ViewState, buckets: SortBuckets): SortBuckets {
    state.buckets = buckets;
    if (state.resolved === null) return buckets;
    state.total = buckets.total;
    for (const anchor of bucketAnchors(buckets, state.resolved.spec.direction)) state.anchors = addAnchor(state.anchors, anchor);
    return buckets;
  }

  function bucketsOf(state: ViewState): SortBuckets {
    if (state.buckets !== null) return state.buckets;
    return keepBuckets(state, bucketsOfResolved(db, state.resolved, state.kind));
  }

  const plannedWindow: ViewPositions['plannedWindow'] = (filter, sort, offset, limit) => {
    const state = stateOf(filter, sort);
    const { resolved, version } = state;
    if (resolved === null) return { offset, total: 0, version, walk: null };
    let plan = planWindow(state.anchors, totalOf(state), offset, limit);
    if (plan.skip > bucketSeekFrom && state.buckets === null) {
      bucketsOf(state);
      plan = planWindow(state.anchors, totalOf(state), offset, limit);
    }
    const total = totalOf(state);
    if (plan.limit === 0) return { offset, total, version, walk: null };
    const spec: ListSpec = plan.fromEnd
      ? { ...resolved.spec, direction: resolved.spec.direction === 'asc' ? 'desc' : 'asc', after: null }
      : { ...resolved.spec, after: plan.after === null ? null : { value: plan.after.value, id: plan.after.id } };
    return { offset, total, version, walk: { resolved, spec, skip: plan.skip, limit: plan.limit, fromEnd: plan.fromEnd } };
  };

  const windowOf: ViewPositions['windowOf'] = (filter, sort, planned, walked) => {
    const { offset, total, walk } = planned;
    const rows = walk?.fromEnd === true ? [...walked].reverse() : walked;
    const last = rows.at(-1);
    const state = stateOf(filter, sort);
    // Rows read while the library changed are still answered (the page asks again on a change),
    // but they do not become an anchor of the new state.
    if (last !== undefined && state.version === planned.version) {
      state.anchors = addAnchor(state.anchors, { position: offset + rows.length, value: last[1], id: last[0] });
    }
    return { offset, ids: rows.map(([id]) => id), total };
  };

  return {
    buckets: (filter, sort) => bucketsOf(stateOf(filter, sort)),
    knownBuckets: (filter, sort) => stateOf(filter, sort).buckets,
    adoptBuckets(filter, sort, version, buckets) {
      const state = stateOf(filter, sort);
      if (state.version === version && state.buckets === null && buckets.kind === state.kind) keepBuckets(state, buckets);
    },
    uncountedView(filter, sort) {
      const state = stateOf(filter, sort);
      return state.total === null ? state.resolved : null;
    },
    adoptTotal(filter, sort, version, total) {
      const state = stateOf(filter, sort);
      if (state.version === version && state.total === null) state.total = total;
    },
    version: () => libraryVersion(db),
    windowNeedsBuckets(filter, sort, offset, limit) {
      const state = stateOf(filter, sort);
      if (state.resolved === null || state.buckets !== null) return false;
      return planWindow(state.anchors, totalOf(state), offset, limit).skip > bucketSeekFrom;
    },

    window(filter, sort, offset, limit) {
      const planned = plannedWindow(filter, sort, offset, limit);
      return windowOf(filter, sort, planned, planned.walk === null ? [] : walkHere(db, planned.walk));
    },
    plannedWindow,
    windowOf,
  };
}

const perLibrary = new WeakMap<Db, ViewPositions>();

/** One set of anchors per open library, shared by the window method, the scrubber and the bulk edits. */
export function viewPositionsOf(db: Db): ViewPositions {
  let positions = perLibrary.get(db);
  if (positions === undefined) {
    positions = createViewPositions(db);
    perLibrary.set(db, positions);
  }
  return positions;
}
