/**
 * The one rule for "which change reloads what". A change event names the aspects it changed
 * (shared/events.ts); the window holds four things that may show them:
 * - the id list of the view (which items, in which order: a view, a search, a sort),
 * - the tiles (name, type, size, status, availability, thumbnails under each cell),
 * - the full items of the details panel and preview,
 * - the sidebar's library data (folders, tag list with counts, totals).
 * Pure: actions/refresh.ts applies the plan.
 */
import type { ChangeAspect } from '../../../shared/events.js';

export interface ReloadPlan {
  /** Ask the view's id list again: items may have moved in, out, or changed places. */
  ids: boolean;
  /** Refetch tiles: of `only` when listed, else of everything cached. */
  tiles: boolean;
  /** Refetch cached full items: of `only` when listed, else all cached ones. */
  items: boolean;
  /** Refetch folders, tags and totals. */
  library: boolean;
  /** The items concerned; undefined means any item may have changed. */
  only?: number[];
}

type Effect = Omit<ReloadPlan, 'only'>;

// Why each row: the id list is filtered and sorted by name (fields), tags, trash status, type,
// size, date taken and availability (files), and folder; AI tags and thumbnails filter nothing.
// Tiles show the name (fields), the file's facts and status, thumbnails, and their first tags
// (ids: a rename or recolour only reloads the tag tree the chips are drawn from). The
// panel shows everything an item has. The sidebar counts items, trash and tags per folder.
const EFFECTS: Record<ChangeAspect, Effect> = {
  items: { ids: true, tiles: true, items: true, library: true },
  fields: { ids: true, tiles: true, items: true, library: false },
  tags: { ids: true, tiles: true, items: true, library: true },
  aiTags: { ids: false, tiles: false, items: true, library: false },
  trash: { ids: true, tiles: true, items: true, library: true },
  thumbnails: { ids: false, tiles: true, items: true, library: false },
  files: { ids: true, tiles: true, items: true, library: false },
  folders: { ids: true, tiles: false, items: false, library: true },
  // An album view's list, and the panel's list of an item's albums; the sidebar's albums
  // reload on every change by themselves (smart albums' counts follow any field).
  albums: { ids: true, tiles: false, items: true, library: false },
};

export function reloadPlan(aspects: Iterable<ChangeAspect>, ids?: readonly number[]): ReloadPlan {
  const plan: ReloadPlan = { ids: false, tiles: false, items: false, library: false };
  for (const aspect of aspects) {
    const effect = EFFECTS[aspect];
    plan.ids ||= effect.ids;
    plan.tiles ||= effect.tiles;
    plan.items ||= effect.items;
    plan.library ||= effect.library;
  }
  if (ids !== undefined) plan.only = [...new Set(ids)];
  return plan;
}
