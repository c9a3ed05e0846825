import { MAX_IDS, MAX_TAG_LINKS_PER_CALL } from './limits.js';

/**
 * How many items one tag edit of `tagCount` tags may carry (items × tags is bounded per call):
 * the page cuts its edits by it, and the library cuts an `allOf` edit by it. No zod here, so
 * the renderer can use it without bundling the schemas.
 */
export function tagEditSliceSize(tagCount: number): number {
  return Math.max(1, Math.min(MAX_IDS, Math.floor(MAX_TAG_LINKS_PER_CALL / Math.max(1, tagCount))));
}
