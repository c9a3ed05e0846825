/**
 * When a view is only a search of the kept cube's fields (rating, label, flag, type, `taken:`
 * by months; db/facet-expression.ts), its total and its month buckets are sums over the cube
 * (db/facet-counts.ts) instead of walks of the library. Any other filter in the view, or a
 * term the cube does not hold, answers null: the list query counts it.
 */
import type { SortBucket } from '../../../shared/sort-buckets.js';
import type { Db } from '../db/connection.js';
import { facetMonthBuckets, type FacetQuestion } from '../db/facet-counts.js';
import { compileFacetSearch } from '../db/facet-expression.js';
import { unset } from '../db/view-count-query.js';
import type { ResolvedList } from './list-request.js';

export function facetQuestion(resolved: ResolvedList): FacetQuestion | null {
  const { status, column: _column, direction: _direction, after: _after, expression, pageExpression: _page, coversOnly, ...filters } = resolved.spec;
  if (status !== 'active' || expression === undefined || expression === null || !Object.values(filters).every(unset)) return null;
  const rest = resolved.searchRest ?? null;
  const facetWhere = rest === null ? null : compileFacetSearch(rest);
  if (facetWhere === null) return null;
  return { coversOnly: coversOnly === true, facetWhere, mediaWhere: expression };
}

/** The month buckets of a date-sorted view that the cube can answer, else null. */
export function facetBuckets(db: Db, resolved: ResolvedList): SortBucket[] | null {
  if (resolved.spec.column !== 'sort_date') return null;
  const question = facetQuestion(resolved);
  return question === null ? null : facetMonthBuckets(db, question, resolved.spec.direction);
}
