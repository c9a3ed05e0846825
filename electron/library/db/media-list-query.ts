/**
 * The gallery's query: filters, a sort with the id as tie-breaker, and keyset paging.
 *
 * Which table drives the query decides its speed on a large library, and SQLite cannot know
 * how popular a tag is, so the caller chooses (see chooseDriver) and the SQL spells it out:
 * - `index`: walk the sort index (column, id) in order and probe each item's links by the
 *   media_tags item index (and the trash by its key); the first page stops after `limit`
 *   matches. Right for no tag filter and for common tags.
 * - `tag`: start from the rarest all-of tag's links (a range of media_tags), look each item up and
 *   sort the few matches. Right for rare tags, where walking the index would visit most of it.
 * - `text`: start from the full-text index's matches.
 * - `trash`: start from the trash table and sort its items: the trash view, which is small
 *   beside the library (walking the whole sort index to find it would visit every item).
 * `CROSS JOIN` is SQLite's documented way to fix the join order.
 */
import type { Db } from './connection.js';
import { inTrash, notTrashed } from './media-columns.js';
import { USER_SOURCE } from './media-tag-repo.js';
import type { SqlCondition } from './search-expression.js';
import { statement } from './statements.js';

export type SortColumn = 'name_key' | 'sort_date' | 'created_at' | 'file_size' | 'rating';
export type SortValue = string | number;

/** The date order as its index holds it (migration 019): the expression `sort_date` is made of. */
const SORT_DATE_SQL = 'coalesce(m.taken_at, m.mtime)';

/**
 * A sort column as the query writes it. `sort_date` is a virtual column, which SQLite would
 * compute from each item's row; written as its expression, it is read from the index.
 * `offIndex`: with SQLite's unary `+`, which keeps a term off any index.
 */
export function sortColumnSql(column: SortColumn, offIndex = false): string {
  const sql = column === 'sort_date' ? SORT_DATE_SQL : `m.${column}`;
  return offIndex ? `+${sql}` : sql;
}

export interface ListSpec {
  status: 'active' | 'deleted';
  column: SortColumn;
  direction: 'asc' | 'desc';
  /** Keyset position: rows strictly after this (value, id) in the sort order. */
  after: { value: SortValue; id: number } | null;
  /** Each all-of tag as the set of tags that count as it (db/tag-match.ts): an item needs one of each set. */
  tagsAll: readonly (readonly number[])[];
  tagsNone: readonly number[];
  /** null: no any-of filter; [] matches nothing (none of the tags exists). */
  tagsAny: readonly number[] | null;
  untagged: boolean;
  types: readonly string[] | null;
  availability: readonly string[] | null;
  fileStates: readonly string[] | null;
  folderId: number | null;
  /** Leave out derived versions (stack members): a stack shows as its cover. Optional, default false. */
  coversOnly?: boolean;
  /** An FTS5 query over name and description (words of 3+ characters). */
  textMatch: string | null;
  /** LIKE patterns for shorter words, each to be found in the name or the description. */
  textLike: readonly string[];
  /** Search language: the rest of the query as one condition on `m` (db/search-expression.ts). */
  expression?: SqlCondition | null;
  /** The same condition for a page in sort order (columns other than the sort's kept off their indexes). */
  pageExpression?: SqlCondition | null;
}

/** `tag`: the links of the all-of set at `setIndex` (its tags `tagIds`) drive the query. */
export type Driver = { kind: 'index' } | { kind: 'tag'; setIndex: number; tagIds: readonly number[] } | { kind: 'text' } | { kind: 'trash' };

export interface DriverEstimates {
  /** Active items carrying each all-of set (Σ tags.item_count of the set: the branch's count), in spec.tagsAll order. */
  tagCounts: readonly number[];
  /** Roughly how many items the library holds. */
  itemCount: number;
}

/**
 * Walking the index costs about limit × items / tagCount probes before a page is full; starting
 * from the tag costs about tagCount lookups plus a sort. Without a limit (all ids) the index walk
 * visits every item and probes its links, and the tag always wins: on 1,000,000 items, a tag
 * on 254,000 of them took 0.54 s from its links against 3.1 s walking the index.
 */
export function chooseDriver(spec: ListSpec, estimates: DriverEstimates, limit: number | null): Driver {
  if (spec.textMatch !== null) return { kind: 'text' };
  // Tag counts are of active items; the trash is read from its own table.
  if (spec.status === 'deleted') return { kind: 'trash' };
  if (spec.tagsAll.length === 0) return { kind: 'index' };
  let rarest = 0;
  estimates.tagCounts.forEach((count, index) => {
    if (count < (estimates.tagCounts[rarest] ?? Infinity)) rarest = index;
  });
  const count = estimates.tagCounts[rarest] ?? 0;
  const tagIds = spec.tagsAll[rarest] as readonly number[];
  const items = Math.max(1, estimates.itemCount);
  const useTag = limit === null || count * count < limit * items;
  return useTag ? { kind: 'tag', setIndex: rarest, tagIds } : { kind: 'index' };
}

export interface Built {
  sql: string;
  params: Record<string, unknown>;
}

const LINK = `t.media_id = m.id AND t.source = '${USER_SOURCE}'`;

/**
 * A few tags are looked up one by one in the item's links (the item index); a branch's set
 * of hundreds would cost as many lookups per item, so then `+` makes SQLite read the item's
 * few links once and test each against the set.
 */
const FEW_TAGS = 4;
function inSet(set: readonly number[]): string {
  return set.length > FEW_TAGS ? '+t.tag_id IN ' : 't.tag_id IN ';
}

export function buildFrom(spec: ListSpec, driver: Driver): Built {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  let from = 'media m';
  if (spec.status === 'active') where.push(notTrashed('m.id'));
  else if (driver.kind !== 'trash') where.push(inTrash('m.id'));
  let allSets = spec.tagsAll;
  if (driver.kind === 'tag') {
    if (driver.tagIds.length === 1) {
      from = `media_tags d CROSS JOIN media m`;
      where.unshift(`d.tag_id = @driverTag`, `d.source = '${USER_SOURCE}'`, `m.id = d.media_id`);
      params.driverTag = driver.tagIds[0];
    } else {
      // A branch: an item with two of its tags must come once.
      from = `(SELECT DISTINCT media_id FROM media_tags WHERE tag_id IN (SELECT value FROM json_each(@driverTags)) AND source = '${USER_SOURCE}') d CROSS JOIN media m`;
      where.unshift(`m.id = d.media_id`);
      params.driverTags = JSON.stringify(driver.tagIds);
    }
    allSets = spec.tagsAll.filter((_, index) => index !== driver.setIndex);
  } else if (driver.kind === 'trash') {
    from = `trash tr CROSS JOIN media m`;
    where.unshift(`m.id = tr.media_id`);
  } else if (driver.kind === 'text') {
    from = `media_text CROSS JOIN media m`;
    where.unshift(`media_text MATCH @textMatch`, `m.id = media_text.rowid`);
  }
  if (spec.textMatch !== null) params.textMatch = spec.textMatch;
  if (allSets.every((set) => set.length === 1)) {
    const allTags = allSets.map((set) => set[0] as number);
    if (allTags.length === 1) {
      where.push(`EXISTS (SELECT 1 FROM media_tags t WHERE ${LINK} AND t.tag_id = @allTag)`);
      params.allTag = allTags[0];
    } else if (allTags.length > 1) {
      where.push(
        `(SELECT count(*) FROM media_tags t WHERE ${LINK} AND t.tag_id IN (SELECT value FROM json_each(@allTags))) = @allCount`,
      );
      params.allTags = JSON.stringify(allTags);
      params.allCount = allTags.length;
    }
  } else {
    allSets.forEach((set, index) => {
      where.push(`EXISTS (SELECT 1 FROM media_tags t WHERE ${LINK} AND ${inSet(set)}(SELECT value FROM json_each(@allSet${index})))`);
      params[`allSet${index}`] = JSON.stringify(set);
    });
  }
  if (spec.tagsNone.length > 0) {
    where.push(`NOT EXISTS (SELECT 1 FROM media_tags t WHERE ${LINK} AND ${inSet(spec.tagsNone)}(SELECT value FROM json_each(@noneTags)))`);
    params.noneTags = JSON.stringify(spec.tagsNone);
  }
  if (spec.tagsAny !== null) {
    where.push(`EXISTS (SELECT 1 FROM media_tags t WHERE ${LINK} AND ${inSet(spec.tagsAny)}(SELECT value FROM json_each(@anyTags)))`);
    params.anyTags = JSON.stringify(spec.tagsAny);
  }
  if (spec.untagged) where.push(`NOT EXISTS (SELECT 1 FROM media_tags t WHERE ${LINK})`);
  addInList(where, params, 'm.type', 'types', spec.types);
  addInList(where, params, 'm.availability', 'availability', spec.availability);
  addInList(where, params, 'm.file_state', 'fileStates', spec.fileStates);
  if (spec.folderId !== null) {
    where.push('m.folder_id = @folderId');
    params.folderId = spec.folderId;
  }
  // A version is folded into its cover only while both are on the same side of the trash: a
  // version trashed (or restored) on its own is listed where it is.
  if (spec.coversOnly === true) where.push(`(m.parent_id IS NULL OR (${notTrashed('m.parent_id')}) <> (${notTrashed('m.id')}))`);
  spec.textLike.forEach((pattern, index) => {
    where.push(`(m.name LIKE @like${index} ESCAPE '\\' OR m.description LIKE @like${index} ESCAPE '\\')`);
    params[`like${index}`] = pattern;
  });
  if (spec.expression !== undefined && spec.expression !== null) {
    where.push(spec.expression.sql);
    Object.assign(params, spec.expression.params);
  }
  return { sql: `FROM ${from} WHERE ${where.join(' AND ')}`, params };
}

function addInList(where: string[], params: Record<string, unknown>, column: string, name: string, values: readonly string[] | null) {
  if (values === null) return;
  where.push(`${column} IN (SELECT value FROM json_each(@${name}))`);
  params[name] = JSON.stringify(values);
}

function buildOrdered(spec: ListSpec, driver: Driver, limit: number | null, idsOnly: boolean): Built {
  const { sql, params } = buildFrom(spec, driver);
  const col = sortColumnSql(spec.column);
  const dir = spec.direction === 'asc' ? 'ASC' : 'DESC';
  let keyset = '';
  if (spec.after !== null) {
    // (column, id) past (value, id), written out: SQLite seeks an index on an expression by a
    // range of the expression, not by a row value (which it would scan from the start).
    const [past, upTo] = spec.direction === 'asc' ? ['>', '>='] : ['<', '<='];
    keyset = ` AND ${col} ${upTo} @afterValue AND (${col} ${past} @afterValue OR m.id ${past} @afterId)`;
    params.afterValue = spec.after.value;
    params.afterId = spec.after.id;
  }
  let tail = '';
  if (limit !== null) {
    tail = ' LIMIT @limit';
    params.limit = limit;
  }
  const select = idsOnly ? 'm.id' : `m.id, ${col}`;
  return { sql: `SELECT ${select} ${sql}${keyset} ORDER BY ${col} ${dir}, m.id ${dir}${tail}`, params };
}

/** One page: each matching item's id and sort value (the cursor is made from the last one). */
export function listPage(db: Db, spec: ListSpec, driver: Driver, limit: number): [number, SortValue][] {
  const pageSpec = spec.pageExpression === undefined ? spec : { ...spec, expression: spec.pageExpression };
  const { sql, params } = buildOrdered(pageSpec, driver, limit, false);
  return statement(db, sql).raw().all(params) as [number, SortValue][];
}

/**
 * `limit` rows from `skip` rows past the keyset position (a window of the gallery's view). The
 * skipped rows are still walked, so the caller keeps `skip` small by seeking from a nearby
 * keyset position (service/view-positions.ts).
 */
export function listPageAt(db: Db, spec: ListSpec, driver: Driver, skip: number, limit: number): [number, SortValue][] {
  const { sql, params } = buildOrdered(spec, driver, limit, false);
  return statement(db, `${sql} OFFSET @skip`).raw().all({ ...params, skip }) as [number, SortValue][];
}

/** Bounds of the date sort a walk keeps to: `from` ≤ value < `to`. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * Every active item from the spec's keyset position on, in the spec's order, with nothing else
 * of the spec (but a date range, for a date sort): the walk the count thread's item columns
 * filter in memory (db/item-columns.ts).
 */
export function orderedWalk(spec: ListSpec, range: DateRange | null = null): Built {
  const bare: ListSpec = {
    status: spec.status,
    column: spec.column,
    direction: spec.direction,
    after: spec.after,
    tagsAll: [],
    tagsNone: [],
    tagsAny: null,
    untagged: false,
    types: null,
    availability: null,
    fileStates: null,
    folderId: null,
    coversOnly: false,
    textMatch: null,
    textLike: [],
    expression: null,
  };
  if (range !== null && spec.column === 'sort_date') {
    bare.expression = { sql: `${SORT_DATE_SQL} >= @walkFrom AND ${SORT_DATE_SQL} < @walkTo`, params: { walkFrom: range.from, walkTo: range.to } };
  }
  return buildOrdered(bare, { kind: 'index' }, null, false);
}

/** Every matching id in order, for the virtualised gallery. */
export function listAllIds(db: Db, spec: ListSpec, driver: Driver): number[] {
  const { sql, params } = buildOrdered(spec, driver, null, true);
  return statement(db, sql).pluck().all(params) as number[];
}

export function countMatching(db: Db, spec: ListSpec, driver: Driver): number {
  const { sql, params } = buildFrom({ ...spec, after: null }, driver);
  return statement(db, `SELECT count(*) ${sql}`).pluck().get(params) as number;
}
