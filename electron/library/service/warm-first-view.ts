/**
 * Reads the window a fresh page asks for first (shared/first-view.ts) as the library opens, on
 * a large library only: on 1,000,000 items that window took 230–340 ms on a cold connection
 * (the view's count, its first keyset walk, SQLite's pages), all of it on the path to the
 * first row of thumbnails. Read ahead, it overlaps the page's own load and the page's request
 * finds the view in the window cache (view-positions.ts).
 *
 * On a cold disk the read takes far longer (5,000,000 items: 1.2 s, reading the file's pages),
 * and on the library's thread it held back the page's own files, which the same thread serves
 * (the app shell drawn at 1.16 s instead of 0.25 s). So the count thread reads it first, on its
 * own connection: that brings the file's pages into the system's cache, and then the library's
 * thread reads the window into its cache in tens of milliseconds.
 */
import { parseArgs } from '../../../shared/args.js';
import { FIRST_VIEW_WINDOW } from '../../../shared/first-view.js';
import type { Db } from '../db/connection.js';
import { mediaIdCeiling } from '../db/media-repo.js';
import { countThreadOf } from './count-thread.js';
import { COUNT_THREAD_FROM_ITEMS } from './thread-buckets.js';
import { viewPositionsOf } from './view-positions.js';

/** Reads the first window into this connection's window cache (either thread's). */
export function readFirstView(db: Db): void {
  // Parsed as a call's arguments are, so the cache key is the one the page's call will have.
  const { filter, sort, offset, limit } = parseArgs('media.listIdsWindow', FIRST_VIEW_WINDOW);
  viewPositionsOf(db).window(filter, sort, offset, limit);
}

function readHere(db: Db, isOpen: () => boolean): void {
  if (!isOpen()) return;
  try {
    readFirstView(db);
  } catch {
    // Only a head start: whatever failed here fails again, and is reported, when the page asks.
  }
}

/**
 * `database`: the library's file, for the count thread; `isOpen`: false once the library
 * closes. Resolves when both reads are done (or skipped); it never rejects.
 */
export async function warmFirstView(db: Db, database: string, isOpen: () => boolean): Promise<void> {
  try {
    if (mediaIdCeiling(db) <= COUNT_THREAD_FROM_ITEMS) return;
    await countThreadOf(db, database).warm();
  } catch {
    // A thread that cannot start (or fails) leaves the read to this thread, as before it existed.
  }
  readHere(db, isOpen);
}
