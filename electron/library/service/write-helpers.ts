/** Small pieces every write handler uses: one transaction, the NOT_FOUND check, the change event. */
import { FolioError } from '../../../shared/errors.js';
import type { ChangeAspect } from '../../../shared/events.js';
import type { Db } from '../db/connection.js';
import { findMissingIds } from '../db/media-repo.js';
import type { LibraryEvents } from '../base/events.js';

/**
 * Runs `fn` as one IMMEDIATE transaction: the write lock is taken at the start, so a second
 * writer (another process on the same library) waits instead of failing half-way with BUSY.
 * `fn` must be synchronous: better-sqlite3 commits when it returns.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/** The ids once each, in first-seen order. */
export function uniqueIds(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

/** NOT_FOUND naming the first unknown id (and its place in the argument) unless all exist. */
export function requireItems(db: Db, ids: readonly number[], field = 'ids'): void {
  const missing = findMissingIds(db, ids);
  const first = missing[0];
  if (first === undefined) return;
  const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : '';
  const place = field === 'id' ? 'id' : `${field}[${ids.indexOf(first)}]`;
  throw new FolioError('NOT_FOUND', `Item ${first} was not found${more}; nothing was changed`, { field: place });
}

// Events listing thousands of ids would cost more to send than a reload of what is on screen.
const MAX_EVENT_IDS = 1_000;

/** Tells open UIs what a write changed: every aspect of it, and the items when few enough. */
export function emitChange(events: LibraryEvents, aspects: readonly ChangeAspect[], actor: string, ids?: readonly number[]): void {
  const unique = [...new Set(aspects)];
  if (ids !== undefined && ids.length <= MAX_EVENT_IDS) {
    events.emit('library.changed', { aspects: unique, ids: [...ids], actor });
  } else {
    events.emit('library.changed', { aspects: unique, actor });
  }
}
