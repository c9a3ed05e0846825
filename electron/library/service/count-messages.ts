/** What the library's thread and its count thread (count-worker.ts) say to each other. */
import type { MediaFilter, MediaSort } from '../../../shared/schemas.js';
import type { SortBuckets } from '../../../shared/sort-buckets.js';
import type { ColumnQuestion } from '../db/item-columns.js';
import type { ListSpec, SortValue } from '../db/media-list-query.js';

export type CountRequest =
  | { id: number; kind: 'buckets'; filter: MediaFilter | undefined; sort: MediaSort | undefined }
  /** Builds the thread's item columns (db/item-columns.ts); answered once they are built. */
  | { id: number; kind: 'columns' }
  /** A view's total from the item columns, brought up to date first. */
  | { id: number; kind: 'columnCount'; question: ColumnQuestion }
  /** A view's total and first rows: its sort order from its cursor, filtered by the item columns. */
  | { id: number; kind: 'columnList'; question: ColumnQuestion; spec: ListSpec; limit: number; withTotal: boolean }
  /**
   * A window of a view of `total` items: `skip` then `limit` rows of the spec's order from its
   * cursor, filtered by the item columns; null when the walk would be too long for the view.
   */
  | { id: number; kind: 'columnWindow'; question: ColumnQuestion; spec: ListSpec; skip: number; limit: number; total: number };

/** `rows` null: the walk would have been too long for the view (its list query reads it). */
export interface ColumnList {
  /** null when not asked for. */
  total: number | null;
  rows: ColumnRows | null;
}

export type ColumnRows = [number, SortValue][];

export type CountAnswer = SortBuckets | number | ColumnList | ColumnRows | null;

export type CountReply = { id: number; ok: true; answer: CountAnswer } | { id: number; ok: false; error: string };

export interface CountWorkerData {
  entry?: string;
  /** The library's database file; the thread opens its own read-only connection to it. */
  database: string;
}
