/**
 * The gallery's scrubber: the current view's items counted by a coarse step of its sort key
 * (a month for dates, a first letter for names, a band for sizes), in the view's order. The
 * counts add up to the view's total, so bucket i starts at the sum of the counts before it: a
 * place along the bar is a place in the grid.
 */
import type { SortField } from './media.js';

export type BucketKind = 'month' | 'letter' | 'size' | 'stars';

export interface SortBucket {
  /** `YYYY-MM` for months, the first character of the name key for letters, a band index for sizes, the rating for stars. */
  key: string;
  count: number;
}

export interface SortBuckets {
  kind: BucketKind;
  total: number;
  buckets: SortBucket[];
}

export const BUCKET_KIND: Record<SortField, BucketKind> = {
  takenAt: 'month',
  addedAt: 'month',
  name: 'letter',
  size: 'size',
  rating: 'stars',
};

/** Upper bounds (exclusive) of the size bands; the last band has none. */
export const SIZE_BAND_LIMITS = [10_000, 100_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 100_000_000, 1_000_000_000] as const;
export const SIZE_BAND_LABELS = [
  'under 10 KB',
  '10–100 KB',
  '100 KB–1 MB',
  '1–2 MB',
  '2–5 MB',
  '5–10 MB',
  '10–100 MB',
  '100 MB–1 GB',
  '1 GB and more',
] as const;
