/**
 * A view's total, the cheapest way that gives the exact answer: "All media" and one tag from
 * kept counts (db/view-count-query.ts), an OR of tags or a branch from the kept count of its
 * most used tag plus the others' items that lack it (db/tag-union-count.ts), `album:"Name"` of
 * a hand-made album from the album's rows (db/album-repo.ts), a search of rating, label, flag,
 * type and months taken from the kept cube (service/facet-question.ts); on a large library, a
 * view of tags and those fields from the count thread's item columns (db/item-columns.ts);
 * anything else is counted by the list query. Every transport's total (media.list withTotal,
 * the gallery's view window, a smart album's count) comes from here, so they agree.
 */
import { countActiveItems } from '../db/album-repo.js';
import type { Db } from '../db/connection.js';
import { facetTotal } from '../db/facet-counts.js';
import { compileFacetSearch } from '../db/facet-expression.js';
import { BUILT_BITMAP_FROM_ITEMS, type ColumnQuestion } from '../db/item-columns.js';
import { countMatching, type ListSpec } from '../db/media-list-query.js';
import { mediaIdCeiling } from '../db/media-repo.js';
import { tagUnionCount } from '../db/tag-union-count.js';
import { fastViewCount, unset } from '../db/view-count-query.js';
import { handAlbumOf } from './album-term.js';
import { countThreadOf } from './count-thread.js';
import { facetQuestion } from './facet-question.js';
import { driverFor, type ResolvedList } from './list-request.js';
import type { ColumnList } from './count-messages.js';
import { COUNT_THREAD_FROM_ITEMS } from './thread-buckets.js';
import type { LibraryContext } from './types.js';

/**
 * A view whose every all-of set holds fewer items than this is counted by the list query: its
 * walk is a few milliseconds, less than asking the count thread. The columns build the bitmaps
 * of the tags this big, so such a view's first count reads no links.
 */
export const COLUMN_COUNT_FROM_ITEMS = BUILT_BITMAP_FROM_ITEMS;

/** The count when the view is one set of tags and nothing else, else null. */
function tagSetCount(db: Db, spec: ListSpec): number | null {
  const { status, column: _column, direction: _direction, after: _after, tagsAll, ...filters } = spec;
  if (status !== 'active' || tagsAll.length !== 1 || !Object.values(filters).every(unset)) return null;
  return tagUnionCount(db, tagsAll[0] as readonly number[]);
}

/** The count when the view is only a search whose total is kept (one hand-made album, the cube's fields), else null. */
function keptSearchCount(db: Db, resolved: ResolvedList): number | null {
  const facets = facetQuestion(resolved);
  if (facets !== null) return facetTotal(db, facets);
  const { status, column: _column, direction: _direction, after: _after, expression, pageExpression: _page, ...filters } = resolved.spec;
  if (status !== 'active' || expression === undefined || expression === null || !Object.values(filters).every(unset)) return null;
  const album = handAlbumOf(db, resolved.searchRest ?? null);
  return album === null ? null : countActiveItems(db, album);
}

/** The total from kept counts, or null when the view has to be counted. */
function keptViewCount(db: Db, resolved: ResolvedList): number | null {
  return fastViewCount(db, resolved.spec) ?? tagSetCount(db, resolved.spec) ?? keptSearchCount(db, resolved);
}

/**
 * The view as a question for the item columns: active items, tag sets (all-of, none-of, any-of)
 * and a search of the cube's fields only; null for anything else (words, sizes, folders,
 * covers only…).
 */
export function columnQuestion(resolved: ResolvedList): ColumnQuestion | null {
  const {
    status,
    column: _column,
    direction: _direction,
    after: _after,
    pageExpression: _page,
    tagsAll,
    tagsNone,
    tagsAny,
    expression,
    ...filters
  } = resolved.spec;
  if (status !== 'active' || !Object.values(filters).every(unset)) return null;
  const rest = resolved.searchRest ?? null;
  const facetWhere = rest === null ? null : compileFacetSearch(rest);
  if (facetWhere === null && (rest !== null || (expression !== null && expression !== undefined))) return null;
  return { sets: tagsAll.map((set) => [...set]), none: [...tagsNone], any: tagsAny === null ? null : [...tagsAny], facetWhere };
}

export function countView(db: Db, resolved: ResolvedList): number {
  return keptViewCount(db, resolved) ?? countMatching(db, resolved.spec, driverFor(db, resolved, null));
}

/** The view as a question for the count thread's columns, when it is worth asking them (large, untotalled). */
export function columnView(db: Db, resolved: ResolvedList): ColumnQuestion | null {
  if (mediaIdCeiling(db) <= COUNT_THREAD_FROM_ITEMS) return null;
  if (Math.min(...resolved.tagCounts) < COLUMN_COUNT_FROM_ITEMS) return null;
  return columnQuestion(resolved);
}

/**
 * countView, with a large view of tags and cube fields counted on the count thread (once its
 * columns are built; until then, and if the thread fails, here).
 */
export async function countViewOffThread(lib: LibraryContext, resolved: ResolvedList): Promise<number> {
  const { db } = lib;
  const kept = keptViewCount(db, resolved);
  if (kept !== null) return kept;
  const question = columnView(db, resolved);
  if (question !== null) {
    try {
      const counted = await countThreadOf(db, lib.paths.database).columnCount(question);
      if (counted !== null) return counted;
    } catch {
      // A thread that could not start or died (or a library closing): counted here instead.
    }
  }
  return countMatching(db, resolved.spec, driverFor(db, resolved, null));
}

/**
 * A large view of tags and cube fields whose total is not kept: its first `limit` rows (and its
 * total when asked) from the count thread's columns (rows null when the view is too rare for a
 * walk of the sort order), or null when the thread cannot answer it (not such a view, columns
 * not built).
 */
export async function listFromColumns(lib: LibraryContext, resolved: ResolvedList, limit: number, withTotal: boolean): Promise<ColumnList | null> {
  const { db } = lib;
  const question = columnView(db, resolved);
  if (question === null || keptViewCount(db, resolved) !== null) return null;
  try {
    return await countThreadOf(db, lib.paths.database).columnList(question, resolved.spec, limit, withTotal);
  } catch {
    return null;
  }
}
