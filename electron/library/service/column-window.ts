/**
 * A window of a large view of tags and cube fields read on the count thread's item columns
 * (db/item-columns.ts). The list query walks the sort order and tests each row against the
 * view's tags (a probe of media_tags) or the cube: one random read per row when the library
 * file is not in the system's cache. On 5,000,000 items, the first window of a tag on
 * 2,000,000 of them took 2.2–2.5 s so, against 5.8 ms warm; and a machine that pages out
 * files left idle (this one does, after about a minute) makes every view's first window after
 * a pause cold. The columns hold the tags and cells in memory, so their walk reads the sort
 * index alone: a few sequential pages.
 */
import { readsTags, type ColumnQuestion } from '../db/item-columns.js';
import type { ColumnRows } from './count-messages.js';
import { countThreadOf } from './count-thread.js';
import type { LibraryContext } from './types.js';
import { columnView } from './view-count.js';
import type { WindowWalk } from './view-positions.js';

/** True when the list query would test each row it walks ("All media" walks its index alone). */
function testsRows(question: ColumnQuestion): boolean {
  return readsTags(question) || question.facetWhere !== null;
}

/**
 * The walk's rows from the columns, or null when the view is not one they answer or gain from,
 * or the thread cannot answer now (CountThread.columnWindow): the caller walks it itself.
 */
export async function walkOnColumns(lib: LibraryContext, walk: WindowWalk, total: number): Promise<ColumnRows | null> {
  const question = columnView(lib.db, walk.resolved);
  if (question === null || !testsRows(question)) return null;
  try {
    return await countThreadOf(lib.db, lib.paths.database).columnWindow(question, walk.spec, walk.skip, walk.limit, total);
  } catch {
    // A thread that could not start or died (or a library closing): walked here instead.
    return null;
  }
}
