/**
 * A `media.list` / `media.listIds` request → the list query's spec and its driver. Tag names
 * become tag ids here; a tag that does not exist can never match, so an all-of or any-of on
 * unknown tags answers "nothing" without running a query.
 */
import type { SortField } from '../../../shared/media.js';
import type { SearchNode } from '../../../shared/search/index.js';
import type { MediaFilter, MediaSort } from '../../../shared/schemas.js';
import type { Db } from '../db/connection.js';
import { chooseDriver, type Driver, type ListSpec, type SortColumn } from '../db/media-list-query.js';
import { mediaIdCeiling } from '../db/media-repo.js';
import { hasVersions } from '../db/stack-repo.js';
import { tagMatchIds } from '../db/tag-match.js';
import { getTag, sumItemCounts } from '../db/tag-repo.js';
import { decodeCursor } from './list-cursor.js';
import { planSearch } from './search-plan.js';
import { textConditions } from './text-search.js';

export const DEFAULT_SORT: MediaSort = { field: 'takenAt', direction: 'desc' };
export const DEFAULT_PAGE = 100;

const SORT_COLUMNS: Record<SortField, SortColumn> = {
  name: 'name_key',
  takenAt: 'sort_date',
  addedAt: 'created_at',
  size: 'file_size',
  rating: 'rating',
};

export interface ResolvedList {
  spec: ListSpec;
  sort: MediaSort;
  /** Active-item counts of the all-of sets (a branch's: Σ of its tags'), in spec.tagsAll order (for chooseDriver). */
  tagCounts: number[];
  /** The search's part compiled to `spec.expression`, as a tree (service/view-count.ts reads it). */
  searchRest?: SearchNode | null;
}

/** null when the filter can match nothing (an all-of or any-of tag that does not exist). */
export function resolveList(
  db: Db,
  filter: MediaFilter | undefined,
  sortArg: MediaSort | undefined,
  cursor: string | undefined,
  now: Date = new Date(),
): ResolvedList | null {
  const f = filter ?? {};
  const sort = sortArg ?? DEFAULT_SORT;
  // A bad cursor is an error even when the filter happens to match nothing.
  const after = cursor === undefined ? null : decodeCursor(cursor, sort.field, sort.direction);
  // The search language is parsed first, so a bad query is an error whatever else the filter says.
  const search = planSearch(db, f.query, now, SORT_COLUMNS[sort.field]);
  if (search.empty) return null;
  // Each tag counts as its branch, the tags implying it and the tag an alias names (tag-match.ts).
  const all = (f.tagsAll ?? []).map((written) => tagMatchIds(db, written));
  if (all.some((set) => set.length === 0)) return null;
  const any = f.tagsAny === undefined ? null : [...new Set(f.tagsAny.flatMap((written) => tagMatchIds(db, written)))];
  if (any !== null && any.length === 0) return null;
  const text = textConditions([f.text ?? '', ...search.words].join(' '));
  // The search's tags join the filter's all-of sets: a tag term is its one tag, an OR of tags
  // (or a branch) the set of them; chooseDriver drives from the rarest set.
  const sets: (readonly number[])[] = [...all, ...search.tagsAll.map((tag) => [tag.id]), ...search.groups.map((group) => group.ids)];
  const none = new Set([...(f.tagsNone ?? []).flatMap((written) => tagMatchIds(db, written)), ...search.tagsNone]);
  // An all-of (or any-of) set inside the none-of tags asks for an item that both carries one
  // of them and carries none: `tag:Animals/cat -tag:Animals`. Nothing matches, and finding
  // that out by walking the library would read every item.
  const insideNone = (set: readonly number[]): boolean => none.size > 0 && set.every((id) => none.has(id));
  if (sets.some(insideNone) || (any !== null && insideNone(any))) return null;
  const spec: ListSpec = {
    status: f.status ?? 'active',
    column: SORT_COLUMNS[sort.field],
    direction: sort.direction,
    after,
    tagsAll: sets,
    tagsNone: [...none],
    tagsAny: any,
    untagged: f.untagged === true,
    types: f.type ?? null,
    availability: f.availability ?? null,
    fileStates: f.fileState ?? null,
    folderId: f.folderId ?? null,
    // Without a single stack in the library, "covers only" keeps every item: leaving the test
    // out lets a page walk the sort index alone. Tested, it reads each item's row for its parent
    // (a first window of 1,000 on a cold disk: 1,000 scattered reads, over a second).
    coversOnly: f.versions === false && hasVersions(db),
    textMatch: text.match,
    textLike: text.like,
    expression: search.expression,
    pageExpression: search.pageExpression,
  };
  const tagCounts = [
    ...all.map((set) => (set.length === 1 ? (getTag(db, set[0] as number)?.item_count ?? 0) : sumItemCounts(db, set))),
    ...search.tagsAll.map((tag) => tag.count),
    ...search.groups.map((group) => group.count),
  ];
  return { spec, sort, tagCounts, searchRest: search.rest };
}

export function driverFor(db: Db, resolved: ResolvedList, limit: number | null): Driver {
  const estimates = { tagCounts: resolved.tagCounts, itemCount: mediaIdCeiling(db) };
  return chooseDriver(resolved.spec, estimates, limit);
}
