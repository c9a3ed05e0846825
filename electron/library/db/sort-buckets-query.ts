/**
 * The scrubber's counts: the list query's matches grouped by a coarse step of the sort key.
 * The step is a monotone function of the sort column (a prefix of an ISO date or of the name
 * key, a size band), so ordering the groups by it is the list's own order and the counts line
 * up with positions in the id list.
 */
import { SIZE_BAND_LIMITS, type BucketKind, type SortBucket } from '../../../shared/sort-buckets.js';
import type { Db } from './connection.js';
import { buildFrom, type Driver, type ListSpec } from './list-query.js';
import { statement } from './statements.js';

function bucketExpression(kind: BucketKind, column: string, params: Record<string, unknown>): string {
  if (kind === 'month') return `substr(${column}, 1, 7)`;
  if (kind === 'letter') return `substr(${column}, 1, 1)`;
  const cases = SIZE_BAND_LIMITS.map((limit, band) => {
    params[`band${band}`] = limit;
    return `WHEN ${column} < @band${band} THEN ${band}`;
  });
  return `CAST(CASE ${cases.join(' ')} ELSE ${SIZE_BAND_LIMITS.length} END AS TEXT)`;
}

export function sortBuckets(db: Db, spec: ListSpec, driver: Driver, kind: BucketKind): SortBucket[] {
  const { sql, params } = buildFrom({ ...spec, after: null }, driver);
  const key = bucketExpression(kind, `m.${spec.column}`, params);
  const dir = spec.direction === 'asc' ? 'ASC' : 'DESC';
  // Size bands are numbers written as text: order them as numbers ('10' after '9').
  const order = kind === 'size' ? `CAST(key AS INTEGER) ${dir}` : `key ${dir}`;
  const rows = statement(db, `SELECT ${key} AS key, count(*) AS count ${sql} GROUP BY key ORDER BY ${order}`).all(params) as {
    key: string | null;
    count: number;
  }[];
  return rows.map((row) => ({ key: row.key ?? '', count: row.count }));
}
