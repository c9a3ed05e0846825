/**
 * A view's total, the cheapest way that gives the exact answer: "All media" and one tag from
 * kept counts (db/view-count-query.ts), an OR of tags or a branch from the kept count of its
 * most used tag plus the others' items that lack it (db/tag-union-count.ts), `album:"Name"` of
 * a hand-made album from the album's rows (db/album-repo.ts), a search of rating, label, flag,
 * type and months taken from the kept cube (service/facet-question.ts); anything else is
 * counted by the list query. Every transport's total (media.list withTotal, the gallery's view
 * window, a smart album's count) comes from here, so they agree.
 */
import { countActiveItems } from '../db/album-repo.js';
import type { Db } from '../db/connection.js';
import { facetTotal } from '../db/facet-counts.js';
import { countMatching, type ListSpec } from '../db/media-list-query.js';
import { tagUnionCount } from '../db/tag-union-count.js';
import { fastViewCount } from '../db/view-count-query.js';
import { handAlbumOf } from './album-term.js';
import { facetQuestion } from './facet-question.js';
import { driverFor, type ResolvedList } from './list-request.js';

/** True for a spec field that filters nothing (so a filter added later turns the shortcut off). */
function unset(value: unknown): boolean {
  return value === null || value === undefined || value === false || (Array.isArray(value) && value.length === 0);
}

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

export function countView(db: Db, resolved: ResolvedList): number {
  const { spec } = resolved;
  return (
    fastViewCount(db, spec) ?? tagSetCount(db, spec) ?? keptSearchCount(db, resolved) ?? countMatching(db, spec, driverFor(db, resolved, null))
  );
}
