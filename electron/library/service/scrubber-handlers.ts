import { BUCKET_KIND } from '../../../shared/sort-buckets.js';
import { sortBuckets } from '../db/sort-buckets-query.js';
import { driverFor, resolveList } from './list-request.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type ScrubberHandlersMethod = 'media.sortBuckets';

/** The gallery scrubber's marks: the same filter and sort as `media.listIds`, counted by step. */
export function scrubberHandlers(lib: LibraryContext): HandlerGroup<ScrubberHandlersMethod> {
  const { db } = lib;
  return {
    'media.sortBuckets': (args) => {
      const resolved = resolveList(db, args.filter, args.sort, undefined);
      const kind = BUCKET_KIND[(resolved?.sort ?? args.sort)?.field ?? 'takenAt'];
      if (resolved === null) return { kind, total: 0, buckets: [] };
      const buckets = sortBuckets(db, resolved.spec, driverFor(db, resolved, null), kind);
      return { kind, total: buckets.reduce((sum, bucket) => sum + bucket.count, 0), buckets };
    },
  };
}
