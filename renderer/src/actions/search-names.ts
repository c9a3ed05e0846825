/**
 * Names the search box suggests after `tag:` (or `#`) and `album:`, looked up as they are typed.
 */
import { call } from '../api/client.js';
import type { NameSource } from '../logic/search-suggestions.js';

const LIMIT = 8;

export async function loadSearchNames(source: NameSource, prefix: string): Promise<{ name: string; count?: number }[]> {
  if (source === 'tag') {
    const tags = await call('tags.list', prefix === '' ? { limit: LIMIT } : { prefix, limit: LIMIT });
    return tags.map((tag) => ({ name: tag.name, count: tag.count }));
  }
  // ALBUMS (issue 14, for the lead on merge): this is the one place album names come from.
  // When the contract has `albums.list`, return its albums (not folders) whose name starts
  // with `prefix`, e.g. `(await call('albums.list', {})).filter(…).map((a) => ({ name: a.name }))`.
  return [];
}
