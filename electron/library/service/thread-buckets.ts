/**
 * A view's scrubber counts, counted on the count thread when the library is large (and here
 * when it is small), then kept with the view's anchors. Both the scrubber and a window that
 * jumps far into a view not counted yet go through here, so neither counts a large view on
 * the library's thread, and a jump made while the scrubber's count is out waits for that count
 * instead of making a second one.
 */
import type { MediaFilter, MediaSort } from '../../../shared/schemas.js';
import type { SortBuckets } from '../../../shared/sort-buckets.js';
import { mediaIdCeiling } from '../db/media-repo.js';
import { countThreadOf } from './count-thread.js';
import type { LibraryContext } from './types.js';
import type { ViewPositions } from './view-positions.js';

/**
 * Up to this many items a count is quicker on the library's thread than a message to the
 * count thread and back (and a small library never starts that thread).
 */
export const COUNT_THREAD_FROM_ITEMS = 50_000;

export async function viewBuckets(
  lib: LibraryContext,
  positions: ViewPositions,
  filter: MediaFilter | undefined,
  sort: MediaSort | undefined,
  threadFrom = COUNT_THREAD_FROM_ITEMS,
): Promise<SortBuckets> {
  // Resolving the filter here first: a bad query is the caller's error, said at once.
  const known = positions.knownBuckets(filter, sort);
  if (known !== null) return known;
  if (mediaIdCeiling(lib.db) <= threadFrom) return positions.buckets(filter, sort);
  const version = positions.version();
  let buckets: SortBuckets;
  try {
    const thread = countThreadOf(lib.db, lib.paths.database);
    const counting = thread.buckets(filter, sort, version);
    // The scrubber asks once the first screen is shown: the moment to build the item columns
    // that read a large tag view's windows (column-window.ts), after this count.
    thread.prepareColumns();
    buckets = await counting;
  } catch {
    // A thread that could not start or died (or a library closing): count here instead.
    return positions.buckets(filter, sort);
  }
  positions.adoptBuckets(filter, sort, version, buckets);
  return buckets;
}
