/**
 * Counts read from the kept cube of migration 015 (`media_facets`: active items by month of
 * the date sort, type, rating, label and flag) instead of walking the library.
 *
 * A question is answerable when its condition reads only the cube's columns: `facetWhere` is
 * that condition written on the cube (`f.month`, `f.type`, `f.rating`, `f.label`, `f.flag`) and
 * `mediaWhere` the same condition written on the media row `m` (`substr(m.sort_date, 1, 7)`
 * for the month). A stack's versions count in the cube like any item; a covers-only view
 * subtracts the versions folded into a cover (few, found through the partial parent index),
 * the same rule as view-count-query.ts.
 */
import type { SortBucket } from '../../../shared/sort-buckets.js';
import type { Db } from './connection.js';
import { notTrashed } from './media-columns.js';
import type { ListSpec } from './media-list-query.js';
import type { SqlCondition } from './search-expression.js';
import { statement } from './statements.js';
import { FOLDED_VERSION, unset } from './view-count-query.js';

export interface FacetQuestion {
  coversOnly: boolean;
  /** The condition on the cube's row `f`; null: every active item. */
  facetWhere: SqlCondition | null;
  /** The same condition on the media row `m` (for the folded versions); null with facetWhere. */
  mediaWhere: SqlCondition | null;
}

/** One row of the cube: how many active items share these five values. */
export interface FacetRow {
  month: string;
  type: string;
  rating: number;
  label: string;
  flag: string;
  count: number;
}

const MONTH_OF_ITEM = `coalesce(substr(m.sort_date, 1, 7), '')`;

/** The cube's rows counted from the library: the check's reference and the repair's source. */
const COUNTED_FACETS = `SELECT ${MONTH_OF_ITEM} AS month, m.type AS type, m.rating AS rating, m.label AS label, m.flag AS flag, count(*) AS count
  FROM media m WHERE ${notTrashed('m.id')} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;

function foldedByMonth(db: Db, question: FacetQuestion): Map<string, number> {
  const folded = new Map<string, number>();
  if (!question.coversOnly) return folded;
  const where = question.mediaWhere ? ` AND (${question.mediaWhere.sql})` : '';
  const rows = db
    .prepare(`SELECT ${MONTH_OF_ITEM} AS month, count(*) AS n FROM media m WHERE ${FOLDED_VERSION}${where} GROUP BY 1`)
    .all(question.mediaWhere?.params ?? {}) as { month: string; n: number }[];
  for (const row of rows) folded.set(row.month, row.n);
  return folded;
}

/** Month buckets (`YYYY-MM`, '' for an item without a date) as sortBuckets orders them. */
export function facetMonthBuckets(db: Db, question: FacetQuestion, direction: 'asc' | 'desc'): SortBucket[] {
  const where = question.facetWhere ? `WHERE ${question.facetWhere.sql}` : '';
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const rows = db
    .prepare(`SELECT f.month AS key, sum(f.count) AS count FROM media_facets f ${where} GROUP BY f.month ORDER BY f.month ${dir}`)
    .all(question.facetWhere?.params ?? {}) as SortBucket[];
  const folded = foldedByMonth(db, question);
  return rows.map((row) => ({ key: row.key, count: row.count - (folded.get(row.key) ?? 0) })).filter((row) => row.count > 0);
}

/** How many items answer the question. */
export function facetTotal(db: Db, question: FacetQuestion): number {
  const where = question.facetWhere ? `WHERE ${question.facetWhere.sql}` : '';
  const total = db.prepare(`SELECT coalesce(sum(f.count), 0) FROM media_facets f ${where}`).pluck().get(question.facetWhere?.params ?? {}) as number;
  let folded = 0;
  for (const n of foldedByMonth(db, question).values()) folded += n;
  return total - folded;
}

/** The whole library's month buckets from the cube, or null when the spec filters anything. */
export function wholeLibraryMonthBuckets(db: Db, spec: ListSpec): SortBucket[] | null {
  const { status, column, direction, after: _after, coversOnly, ...filters } = spec;
  if (status !== 'active' || column !== 'sort_date' || !Object.values(filters).every(unset)) return null;
  return facetMonthBuckets(db, { coversOnly: coversOnly === true, facetWhere: null, mediaWhere: null }, direction);
}

/** Every row of the cube as it should be, counted from the library: the consistency check's and the tests' reference. */
export function countedFacets(db: Db): FacetRow[] {
  return statement(db, COUNTED_FACETS).all() as FacetRow[];
}

/** The cube's non-empty rows, in countedFacets' order. */
export function keptFacets(db: Db): FacetRow[] {
  return statement(
    db,
    `SELECT month, type, rating, label, flag, count FROM media_facets WHERE count <> 0 ORDER BY month, type, rating, label, flag`,
  ).all() as FacetRow[];
}

/** Months whose kept counts differ from the library counted afresh (the check's finding). */
export function wrongFacetMonths(db: Db): string[] {
  const key = (row: FacetRow) => JSON.stringify([row.month, row.type, row.rating, row.label, row.flag, row.count]);
  const kept = new Set(keptFacets(db).map(key));
  const counted = countedFacets(db);
  const months = new Set<string>();
  for (const row of counted) if (!kept.delete(key(row))) months.add(row.month);
  for (const stale of kept) months.add(JSON.parse(stale)[0] as string);
  return [...months].sort();
}

/** Counts the cube afresh (the check's repair): derived data only. */
export function recountFacets(db: Db): void {
  statement(db, 'DELETE FROM media_facets').run();
  statement(db, `INSERT INTO media_facets (month, type, rating, label, flag, count) ${COUNTED_FACETS}`).run();
}
