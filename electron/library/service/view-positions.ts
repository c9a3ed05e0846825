/**
 * Windows of a view by position, without listing the view: the gallery of a 5,000,000-item
 * library asks for the few hundred ids around its viewport, never for all of them.
 *
 * SQLite has no "row at position n" short of walking n rows (OFFSET), so each view keeps
 * anchors: the keyset position (sort value, id) of rows it has already served, by position.
 * A window seeks to the nearest anchor at or before it and walks only the rest; a window nearer
 * the end than to any anchor walks from the end in the opposite order (End costs what Home
 * does). The view's total is counted once. Anchors and totals are kept per view until the
 * library changes (same version check as the scrubber's counts).
 */
import type { MediaFilter, MediaSort } from '../../../shared/schemas.js';
import type { ViewWindow } from '../../../shared/view-selection.js';
import type { Db } from '../db/connection.js';
import { countMatching, listPageAt, type ListSpec, type SortValue } from '../db/media-list-query.js';
import { driverFor, resolveList, type ResolvedList } from './list-request.js';
import { libraryVersion } from './scrubber-handlers.js';

/** The keyset position of the row just before `position`: a seek from it starts at `position`. */
export interface Anchor {
  position: number;
  value: SortValue;
  id: number;
}

interface ViewState {
  version: string;
  resolved: ResolvedList | null;
  total: number;
  /** Ascending by position. */
  anchors: Anchor[];
}

const CACHED_VIEWS = 8;
/** Past this many anchors every other one is dropped: seeks stay short, memory stays small. */
const MAX_ANCHORS = 4_096;

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

/** Adds an anchor in position order (replacing one at the same position); thins out past the cap. */
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
  const backwardSkip = total - offset - count;
  if (backwardSkip < forwardSkip) return { fromEnd: true, after: null, skip: backwardSkip, limit: count };
  return { fromEnd: false, after: anchor, skip: forwardSkip, limit: count };
}

export interface ViewPositions {
  window(filter: MediaFilter | undefined, sort: MediaSort | undefined, offset: number, limit: number): ViewWindow;
}

export function createViewPositions(db: Db): ViewPositions {
  const views = new Map<string, ViewState>();

  function stateOf(filter: MediaFilter | undefined, sort: MediaSort | undefined): ViewState {
    const key = JSON.stringify([filter ?? null, sort ?? null]);
    const version = libraryVersion(db);
    const cached = views.get(key);
    views.delete(key);
    if (cached && cached.version === version) {
      views.set(key, cached);
      return cached;
    }
    const resolved = resolveList(db, filter, sort, undefined);
    const total = resolved === null ? 0 : countMatching(db, resolved.spec, driverFor(db, resolved, null));
    const state: ViewState = { version, resolved, total, anchors: [] };
    views.set(key, state);
    for (const old of views.keys()) {
      if (views.size <= CACHED_VIEWS) break;
      views.delete(old);
    }
    return state;
  }

  return {
    window(filter, sort, offset, limit) {
      const state = stateOf(filter, sort);
      const { resolved, total } = state;
      const plan = planWindow(state.anchors, total, offset, limit);
      if (resolved === null || plan.limit === 0) return { offset, ids: [], total };
      const spec: ListSpec = plan.fromEnd
        ? { ...resolved.spec, direction: resolved.spec.direction === 'asc' ? 'desc' : 'asc', after: null }
        : { ...resolved.spec, after: plan.after === null ? null : { value: plan.after.value, id: plan.after.id } };
      // The driver is chosen for the rows walked, not only those answered.
      const rows = listPageAt(db, spec, driverFor(db, resolved, plan.skip + plan.limit), plan.skip, plan.limit);
      if (plan.fromEnd) rows.reverse();
      const last = rows.at(-1);
      if (last !== undefined) state.anchors = addAnchor(state.anchors, { position: offset + rows.length, value: last[1], id: last[0] });
      return { offset, ids: rows.map(([id]) => id), total };
    },
  };
}

const perLibrary = new WeakMap<Db, ViewPositions>();

/** One set of anchors per open library, shared by the window method and the bulk edits. */
export function viewPositionsOf(db: Db): ViewPositions {
  let positions = perLibrary.get(db);
  if (positions === undefined) {
    positions = createViewPositions(db);
    perLibrary.set(db, positions);
  }
  return positions;
}
