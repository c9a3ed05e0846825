/**
 * The scrubber's counts for the gallery's current view, search and sort. Only the latest
 * answer counts: a newer question (another filter) makes older answers stale.
 */
import type { SortBuckets } from '../../../shared/sort-buckets.js';
import type { MediaSort } from '../../../shared/schemas.js';
import { call } from '../api/client.js';
import { buildFilter, type GalleryView } from '../logic/gallery-query.js';
import { searchProblem } from '../logic/search-problem.js';
import { reportError } from './report.js';

let latest = 0;

/** Resolves to the buckets, or null when a newer request was made meanwhile or this one failed. */
export async function loadSortBuckets(view: GalleryView, search: string, sort: MediaSort): Promise<SortBuckets | null> {
  const request = ++latest;
  if (searchProblem(search) !== null) return null;
  try {
    const buckets = await call('media.sortBuckets', { filter: buildFilter(view, search), sort });
    return request === latest ? buckets : null;
  } catch (error) {
    if (request === latest) reportError(error, 'mark the scrubber');
    return null;
  }
}
