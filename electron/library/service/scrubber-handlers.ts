import { viewBuckets } from './thread-buckets.js';
import { viewPositionsOf } from './view-positions.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type ScrubberHandlersMethod = 'media.sortBuckets';

/**
 * The gallery scrubber's marks: the same filter and sort as `media.listIdsWindow`, counted by
 * step. Counting walks the whole view (seconds on a million items with a cold cache), so on a
 * large library it runs on the count thread (thread-buckets.ts) while this thread answers the
 * gallery's windows and tiles; the answer is kept with the view's window anchors
 * (view-positions.ts) until the library changes, and the windows use the same counts to seek
 * to any month.
 */
export function scrubberHandlers(lib: LibraryContext): HandlerGroup<ScrubberHandlersMethod> {
  const positions = viewPositionsOf(lib.db);
  return {
    'media.sortBuckets': ({ filter, sort }) => viewBuckets(lib, positions, filter, sort),
  };
}
