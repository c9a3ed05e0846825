/**
 * Whether a search (the part compiled to SQL) is exactly `album:"Name"` of one hand-made album,
 * and which: such a view's size is kept in the album's own rows (a range of its key), so its
 * page plan and its total need not walk the items.
 */
import type { SearchNode } from '../../../shared/search/index.js';
import { albumsNamed } from '../db/album-repo.js';
import type { Db } from '../db/connection.js';

export function handAlbumOf(db: Db, node: SearchNode | null): number | null {
  if (node === null || node.kind !== 'term' || node.term.field !== 'album') return null;
  const { albumIds, smart } = albumsNamed(db, node.term.value);
  return albumIds.length === 1 && smart.length === 0 ? (albumIds[0] as number) : null;
}
