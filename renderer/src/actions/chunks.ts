import { MAX_IDS } from '../../../shared/limits.js';

/**
 * Id lists longer than a call accepts (Ctrl+A on a very large library) are sent in slices.
 * Each slice is atomic on the server; the slices together are not, which is the price of
 * selecting more than MAX_IDS items at once.
 */
/** How many items one tag edit of `tagCount` tags may carry (items × tags is bounded per call). */
export { tagEditSliceSize } from '../../../shared/tag-edit-slices.js';

export function chunked(ids: readonly number[], size = MAX_IDS): number[][] {
  const out: number[][] = [];
  for (let start = 0; start < ids.length; start += size) out.push(ids.slice(start, start + size));
  return out;
}
