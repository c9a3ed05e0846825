/**
 * Notices writes made to the library by another process (`folio tag` in a terminal while the
 * desktop app or `folio serve` is open) and tells open windows, which otherwise only hear about
 * writes made through this process's service.
 *
 * SQLite's `PRAGMA data_version` returns a number that changes on a connection when another
 * connection committed to the database file since the last call; this connection's own commits
 * leave it alone. Reading it is one call into SQLite with no I/O beyond the WAL index, so polling
 * it on the thread that owns the connection is cheap. The event cannot say what the other
 * process changed, so it names every aspect and no ids: windows reload what they show.
 */
import { CHANGE_ASPECTS } from '../../../shared/events.js';
import type { Db } from './connection.js';
import type { LibraryEvents } from '../base/events.js';

/** Often enough that a CLI edit shows up while the user looks; rarely enough to cost nothing. */
export const OTHER_PROCESS_POLL_MS = 750;

export const OTHER_PROCESS_ACTOR = 'another process';

function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/**
 * Starts polling; returns the function that stops it. For the long-lived owners of a library
 * (the desktop app, `folio serve`), not for one-shot CLI commands. The timer is unref'd, so it
 * never keeps a process alive, and it stops by itself once the database is closed.
 */
export function watchOtherProcessChanges(db: Db, events: LibraryEvents, intervalMs = OTHER_PROCESS_POLL_MS): () => void {
  let seen = dataVersion(db);
  const timer = setInterval(() => {
    if (!db.open) {
      clearInterval(timer);
      return;
    }
    const now = dataVersion(db);
    if (now === seen) return;
    seen = now;
    events.emit('library.changed', { aspects: [...CHANGE_ASPECTS], actor: OTHER_PROCESS_ACTOR });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
