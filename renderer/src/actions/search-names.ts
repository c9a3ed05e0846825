/**
 * Names the search box suggests after `tag:` (or `#`) and `album:`, looked up as they are typed.
 */
import { call } from '../api/client.js';
import type { NameSource } from '../logic/search-suggestions.js';

const LIMIT = 8;

export async function loadSearchNames(source: NameSource, prefix: string): Promise<{ name: string; count?: number }[]> {
  if (source === 'tag') {
    const tags = await call('tags.list', prefix === '' ? { limit: LIMIT } : { prefix, limit: LIMIT });
    // A tag term is written as its whole path (`tag:Places/France`), so that is what is offered.
    return tags.map((tag) => ({ name: tag.path, count: tag.count }));
  }
  // Albums and smart albums (not folders: `album:` names a set of items), by the start of their name.
  const folded = prefix.toLocaleLowerCase();
  const albums = await call('albums.list', {});
  return albums
    .filter((album) => album.kind !== 'folder' && album.name.toLocaleLowerCase().startsWith(folded))
    .slice(0, LIMIT)
    .map((album) => ({ name: album.name, count: album.count }));
}
