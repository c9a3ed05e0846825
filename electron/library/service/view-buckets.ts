/**
 * A view's scrubber counts, from a resolved list: the one computation behind `media.sortBuckets`,
 * whether the library's own thread runs it (view-positions.ts) or the count thread does
 * (count-worker.ts), so both answer alike.
 */
import type { MediaFilter, MediaSort } from '../../../shared/schemas.js';
import { BUCKET_KIND, type BucketKind, type SortBuckets } from '../../../shared/sort-buckets.js';
import type { Db } from '../db/connection.js';
import { sortBuckets } from '../db/sort-buckets-query.js';
import { facetBuckets } from './facet-question.js';
import { driverFor, resolveList, type ResolvedList } from './list-request.js';

export function bucketsOfResolved(db: Db, resolved: ResolvedList | null, kind: BucketKind): SortBuckets {
  if (resolved === null) return { kind, total: 0, buckets: [] };
  // Months of a view the kept counts can answer come from them (facet-question.ts), not a walk.
  const buckets = (kind === 'month' ? facetBuckets(db, resolved) : null) ?? sortBuckets(db, resolved.spec, driverFor(db, resolved, null), kind);
  return { kind, total: buckets.reduce((sum, bucket) => sum + bucket.count, 0), buckets };
}

export function bucketKindOf(resolved: ResolvedList | null, sort: MediaSort | undefined): BucketKind {
  return BUCKET_KIND[(resolved?.sort ?? sort)?.field ?? 'takenAt'];
}

export function countViewBuckets(db: Db, filter: MediaFilter | undefined, sort: MediaSort | undefined): SortBuckets {
  const resolved = resolveList(db, filter, sort, undefined);
  return bucketsOfResolved(db, resolved, bucketKindOf(resolved, sort));
}
