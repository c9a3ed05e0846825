/**
 * Reads the window a fresh page asks for first (shared/first-view.ts) as the library opens, on
 * a large library only: on 1,000,000 items that window took 230–340 ms on a cold connection
 * (the view's count, its first keyset walk, SQLite's pages), all of it on the path to the
 * first row of thumbnails. Read ahead, it overlaps the page's own load and the page's request
 * finds the view in the window cache (view-positions.ts).
 *
 * On this thread, and that is cheap enough even on a cold disk since the date order is read
 * from its expression index (migration 019): 5,000,000 items, the library file out of the
 * system's cache, 88–136 ms (it was 1.2 s, reading each item's row). Sent to the count thread
 * first, it took 550–600 ms: the thread's own start (tried and measured; not kept).
 */
import { parseArgs } from '../../../shared/args.js';
import { FIRST_VIEW_WINDOW } from '../../../shared/first-view.js';
import type { Db } from '../db/connection.js';
import { mediaIdCeiling } from '../db/media-repo.js';
import { COUNT_THREAD_FROM_ITEMS } from './thread-buckets.js';
import { viewPositionsOf } from './view-positions.js';

export function warmFirstView(db: Db): void {
  try {
    if (mediaIdCeiling(db) <= COUNT_THREAD_FROM_ITEMS) return;
    // Parsed as a call's arguments are, so the cache key is the one the page's call will have.
    const { filter, sort, offset, limit } = parseArgs('media.listIdsWindow', FIRST_VIEW_WINDOW);
    viewPositionsOf(db).window(filter, sort, offset, limit);
  } catch {
    // Only a head start: whatever failed here fails again, and is reported, when the page asks.
  }
}
