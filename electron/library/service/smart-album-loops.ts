/**
 * A change to albums must not leave a smart album whose search reaches itself: `album:"B"` in
 * A while B's search says `album:"A"`, or A saved inside a folder its own search names. Such a
 * loop can come from a new search, a rename (a name a search already names) or a move into a
 * folder, so after any of them the graph of smart albums is walked inside the same transaction;
 * a loop the change made is INVALID_ARGUMENT on `query` and the change is undone. A loop that
 * was there before the change (saved by an older version) does not block it.
 *
 * The walk reads only the `album:` terms of each search (each search parsed once), not the
 * rest: compiling every search, as the list query does, would run its costly terms too
 * (`duplicate:near` groups the library's hashes) twice on every album edit. Names resolve as
 * the compiler resolves them (albumsNamed: a folder's name reaches every album inside it).
 */
import { FolioError } from '../../../shared/errors.js';
import { parseSearch, type SearchNode } from '../../../shared/search/index.js';
import { albumsNamed, smartAlbumRows, type AlbumRow } from '../db/album-repo.js';
import type { Db } from '../db/connection.js';

/** The names of the `album:` terms anywhere in a search (under OR and NOT too). */
function albumNames(node: SearchNode | null, out: string[] = []): string[] {
  if (node === null) return out;
  if (node.kind === 'and' || node.kind === 'or') for (const child of node.children) albumNames(child, out);
  else if (node.kind === 'not') albumNames(node.child, out);
  else if (node.kind === 'term' && node.term.field === 'album') out.push(node.term.value);
  return out;
}

/** Smart albums whose search reaches a loop, each with the loop's album names (`A → B → A`). */
export function smartAlbumLoops(db: Db): Map<number, string[]> {
  const named = new Map<number, string[]>();
  const namesIn = (row: AlbumRow): string[] => {
    let names = named.get(row.id);
    if (names === undefined) {
      try {
        names = albumNames(parseSearch(row.query ?? ''));
      } catch (error) {
        // A search that does not parse any more is the album view's error to show, not this check's.
        if (!(error instanceof FolioError)) throw error;
        names = [];
      }
      named.set(row.id, names);
    }
    return names;
  };
  // An album whose walk found no loop reaches none from anywhere: it is not walked again.
  const clear = new Set<number>();
  const loopFrom = (path: AlbumRow[]): string[] | null => {
    const row = path.at(-1) as AlbumRow;
    for (const name of namesIn(row)) {
      for (const next of albumsNamed(db, name).smart) {
        const at = path.findIndex((album) => album.id === next.id);
        if (at !== -1) return [...path.slice(at), next].map((album) => album.name);
        if (clear.has(next.id)) continue;
        const loop = loopFrom([...path, next]);
        if (loop !== null) return loop;
      }
    }
    clear.add(row.id);
    return null;
  };
  const loops = new Map<number, string[]>();
  for (const row of smartAlbumRows(db)) {
    const loop = loopFrom([row]);
    if (loop !== null) loops.set(row.id, loop);
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
    const way = loop.map((name) => `"${name}"`).join(' → ');
    throw new FolioError('INVALID_ARGUMENT', `A smart album's search cannot refer to itself: ${way}`, { field: 'query' });
  }
  return result;
}
