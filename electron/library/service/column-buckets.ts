/**
 * The scrubber's months of a view of tags, by date taken, from the count thread's item columns
 * (db/item-columns.ts). The bucket query walks the date order and probes each row's tags: on
 * 5,000,000 items, seconds for a tag on 2,000,000 of them when the library file is not in the
 * system's cache. The columns count it in one pass over the tag's bitmap. It also keeps the
 * count thread free for the windows the gallery waits for (column-window.ts), which never
 * queue behind a count. Views without tags are counted from the kept cube as before.
 */
import type { MediaFilter, MediaSort } from '../../../shared/schemas.js';
import type { SortBuckets } from '../../../shared/sort-buckets.js';
import type { Db } from '../db/connection.js';
import { readsTags, type ItemColumns } from '../db/item-columns.js';
import { resolveList } from './list-request.js';
import { bucketKindOf } from './view-buckets.js';
import { columnQuestion } from './view-count.js';

/** The view's month buckets from the columns, or null when it is not a view of tags sorted by date taken. */
export function columnMonthBuckets(db: Db, columns: ItemColumns, filter: MediaFilter | undefined, sort: MediaSort | undefined): SortBuckets | null {
  const resolved = resolveList(db, filter, sort, undefined);
  if (resolved === null || resolved.spec.column !== 'sort_date' || bucketKindOf(resolved, sort) !== 'month') return null;
  const question = columnQuestion(resolved);
  if (question === null || !readsTags(question)) return null;
  const months = columns.monthCounts(db, question);
  // The list's order: months by their key (every item has a date: its file's time at least).
  const keys = [...months.keys()].sort();
  if (resolved.spec.direction === 'desc') keys.reverse();
  const buckets = keys.map((key) => ({ key, count: months.get(key) as number }));
  return { kind: 'month', total: buckets.reduce((sum, bucket) => sum + bucket.count, 0), buckets };
}
