import type { SortBuckets } from '../../../shared/sort-buckets.js';
import { BUCKET_KIND } from '../../../shared/sort-buckets.js';
import type { Db } from '../db/connection.js';
import { sortBuckets } from '../db/sort-buckets-query.js';
import { statement } from '../db/statements.js';
import { driverFor, resolveList } from './list-request.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type ScrubberHandlersMethod = 'media.sortBuckets';

/** Views whose counts are kept (the last few filters and sorts a window looked at). */
const CACHED_VIEWS = 8;

/**
 * Changes whenever the library's rows may have: a commit on this connection moves
 * total_changes(), one on another connection moves data_version. Any write invalidates the
 * cache, which is coarse but never stale.
 */
export function libraryVersion(db: Db): string {
  return `${String(db.pragma('data_version', { simple: true }))}:${String(statement(db, 'SELECT total_changes()').pluck().get())}`;
}

/**
 * The gallery scrubber's marks: the same filter and sort as `media.listIds`, counted by step.
 * Counting walks the whole view (a fifth of a second on a million items), and every window asks
 * again after each reload of its id list, so answers are kept until the library changes.
 */
export function scrubberHandlers(lib: LibraryContext): HandlerGroup<ScrubberHandlersMethod> {
  const { db } = lib;
  const cache = new Map<string, { version: string; answer: SortBuckets }>();
  return {
    'media.sortBuckets': (args) => {
      const key = JSON.stringify([args.filter ?? null, args.sort ?? null]);
      const version = libraryVersion(db);
      const cached = cache.get(key);
      if (cached && cached.version === version) {
        // Map order is age: a hit becomes the newest.
        cache.delete(key);
        cache.set(key, cached);
        return cached.answer;
      }
      const resolved = resolveList(db, args.filter, args.sort, undefined);
      const kind = BUCKET_KIND[(resolved?.sort ?? args.sort)?.field ?? 'takenAt'];
      let answer: SortBuckets = { kind, total: 0, buckets: [] };
      if (resolved !== null) {
        const buckets = sortBuckets(db, resolved.spec, driverFor(db, resolved, null), kind);
        answer = { kind, total: buckets.reduce((sum, bucket) => sum + bucket.count, 0), buckets };
      }
      cache.delete(key);
      cache.set(key, { version, answer });
      for (const old of cache.keys()) {
        if (cache.size <= CACHED_VIEWS) break;
        cache.delete(old);
      }
      return answer;
    },
  };
}
