import { mediaIdCeiling } from '../db/media-repo.js';
import { countThreadOf } from './count-thread.js';
import { viewPositionsOf } from './view-positions.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type ScrubberHandlersMethod = 'media.sortBuckets';

/**
 * Up to this many items a count is quicker on the library's thread than a message to the
 * count thread and back (and a small library never starts that thread).
 */
export const COUNT_THREAD_FROM_ITEMS = 50_000;

/**
 * The gallery scrubber's marks: the same filter and sort as `media.listIdsWindow`, counted by
 * step. Counting walks the whole view (seconds on a million items with a cold cache), so on a
 * large library it runs on the count thread (count-worker.ts) while this thread answers the
 * gallery's windows and tiles; the answer is kept with the view's window anchors
 * (view-positions.ts) until the library changes, and the windows use the same counts to seek
 * to any month.
 */
export function scrubberHandlers(lib: LibraryContext, options: { countThreadFrom?: number } = {}): HandlerGroup<ScrubberHandlersMethod> {
  const positions = viewPositionsOf(lib.db);
  const threadFrom = options.countThreadFrom ?? COUNT_THREAD_FROM_ITEMS;
  return {
    'media.sortBuckets': async ({ filter, sort }) => {
      // Resolving the filter here first: a bad query is the caller's error, said at once.
      const known = positions.knownBuckets(filter, sort);
      if (known !== null) return known;
      if (mediaIdCeiling(lib.db) <= threadFrom) return positions.buckets(filter, sort);
      const version = positions.version();
      let buckets;
      try {
        buckets = await countThreadOf(lib.db, lib.paths.database).buckets(filter, sort, version);
      } catch {
        // A thread that could not start or died (or a library closing): count here instead.
        return positions.buckets(filter, sort);
      }
      positions.adoptBuckets(filter, sort, version, buckets);
      return buckets;
    },
  };
}
