import { viewPositionsOf } from './view-positions.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type ScrubberHandlersMethod = 'media.sortBuckets';

/**
 * The gallery scrubber's marks: the same filter and sort as `media.listIdsWindow`, counted by
 * step. Counting walks the whole view (a fifth of a second on a million items), so the answer
 * is kept with the view's window anchors (view-positions.ts) until the library changes; the
 * windows use the same counts to seek to any month.
 */
export function scrubberHandlers(lib: LibraryContext): HandlerGroup<ScrubberHandlersMethod> {
  const positions = viewPositionsOf(lib.db);
  return {
    'media.sortBuckets': ({ filter, sort }) => positions.buckets(filter, sort),
  };
}
