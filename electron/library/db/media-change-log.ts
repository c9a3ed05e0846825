/**
 * `media_changes` (migration 020): which items changed in their cube values or trash place
 * (aspect 1) or their user tag links (aspect 2), in commit order. Written by triggers only;
 * read by the count thread's columns (item-columns.ts) from where they last read; pruned here.
 */
import type { Db } from './connection.js';
import { statement } from './statements.js';

export const ITEM_ASPECT = 1;
export const LINKS_ASPECT = 2;

/**
 * Rows kept when the log is pruned. A reader further behind than this reloads everything,
 * which at that size costs about what reading the log would.
 */
export const KEPT_CHANGES = 500_000;

/** The newest entry's seq (0 for an empty log). */
export function latestChange(db: Db): number {
  return statement(db, 'SELECT coalesce(max(seq), 0) FROM media_changes').pluck().get() as number;
}

export interface ChangesSince {
  /** False when entries after `seq` were pruned: the reader must reload everything. */
  complete: boolean;
  /** The newest entry read (the reader's next `seq`). */
  latest: number;
  items: number[];
  links: number[];
}

/** The items changed after `seq`, each once per aspect. */
export function changesSince(db: Db, seq: number): ChangesSince {
  const first = statement(db, 'SELECT min(seq) FROM media_changes').pluck().get() as number | null;
  const latest = latestChange(db);
  if (latest <= seq) return { complete: true, latest: seq, items: [], links: [] };
  if (first === null || first > seq + 1) return { complete: false, latest, items: [], links: [] };
  const items = new Set<number>();
  const links = new Set<number>();
  const rows = statement(db, 'SELECT media_id, aspect FROM media_changes WHERE seq > ? AND seq <= ?').raw().iterate(seq, latest);
  for (const [id, aspect] of rows as Iterable<[number, number]>) (aspect === LINKS_ASPECT ? links : items).add(id);
  return { complete: true, latest, items: [...items], links: [...links] };
}

/**
 * Drops all but the newest `keep` entries; the newest stays, so a seq is never given out twice.
 * Needs a writable connection.
 */
export function pruneMediaChanges(db: Db, keep = KEPT_CHANGES): number {
  return statement(db, 'DELETE FROM media_changes WHERE seq <= (SELECT max(seq) FROM media_changes) - ?').run(Math.max(1, keep)).changes;
}
