/**
 * A change to albums must not leave a smart album whose search reaches itself: `album:"B"` in
 * A while B's search says `album:"A"`, or A saved inside a folder its own search names. Such a
 * loop can come from a new search, a rename (a name a search already names) or a move into a
 * folder, so after any of them every smart album's search is expanded once inside the same
 * transaction; a loop the change made is INVALID_ARGUMENT on `query` and the change is undone.
 * A loop that was there before the change (saved by an older version) does not block it.
 */
import { FolioError } from '../../../shared/errors.js';
import { parseSearch } from '../../../shared/search/index.js';
import { smartAlbumRows } from '../db/album-repo.js';
import type { Db } from '../db/connection.js';
import { compileSearch, SmartAlbumLoop } from '../db/search-expression.js';

/** Smart albums whose search expands into a loop, with the loop. */
export function smartAlbumLoops(db: Db): Map<number, SmartAlbumLoop> {
  const loops = new Map<number, SmartAlbumLoop>();
  const now = new Date();
  for (const row of smartAlbumRows(db)) {
    try {
      const root = parseSearch(row.query ?? '');
      if (root !== null) compileSearch(root, { db, now, within: row });
    } catch (error) {
      if (error instanceof SmartAlbumLoop) loops.set(row.id, error);
      // A search that does not parse any more is the album view's error to show, not this check's.
      else if (!(error instanceof FolioError)) throw error;
    }
  }
  return loops;
}

/**
 * Runs `change` (inside the caller's transaction) and refuses it when it made a new loop,
 * named from the album the change is about when it is on the loop (`changed`: its id, or a
 * function of the change's result for an album it creates).
 */
export function withoutNewLoops<T>(db: Db, change: () => T, changed: number | ((result: T) => number)): T {
  const before = smartAlbumLoops(db);
  const result = change();
  const changedId = typeof changed === 'number' ? changed : changed(result);
  const made = [...smartAlbumLoops(db)].filter(([id]) => !before.has(id));
  const [, loop] = made.find(([id]) => id === changedId) ?? made[0] ?? [];
  if (loop !== undefined) {
    const way = loop.loop.map((name) => `"${name}"`).join(' → ');
    throw new FolioError('INVALID_ARGUMENT', `A smart album's search cannot refer to itself: ${way}`, { field: 'query' });
  }
  return result;
}
