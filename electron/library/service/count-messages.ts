/** What the library's thread and its count thread (count-worker.ts) say to each other. */
import type { MediaFilter, MediaSort } from '../../../shared/schemas.js';
import type { SortBuckets } from '../../../shared/sort-buckets.js';

export interface CountRequest {
  id: number;
  kind: 'buckets';
  filter: MediaFilter | undefined;
  sort: MediaSort | undefined;
}

export type CountReply = { id: number; ok: true; buckets: SortBuckets } | { id: number; ok: false; error: string };

export interface CountWorkerData {
  entry?: string;
  /** The library's database file; the thread opens its own read-only connection to it. */
  database: string;
}
