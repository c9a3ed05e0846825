/**
 * The desktop app's share of keeping the library safe: a backup a day while it runs (the last
 * FOLIO_BACKUPS_KEPT, default 7, in the library's `backups/` folder), and a warning when the
 * library's WAL was found cut as it opened, naming the backup to restore.
 */
import type { Library } from '../library/library.js';
import { scheduleDailyBackups } from '../library/db/backups/backup-schedule.js';
import { backupsKeptFromEnv } from '../library/db/backups/backup-files.js';
import { cutWalMessage } from '../library/db/cut-wal-notice.js';
import { showErrorMessage, type WindowGetter } from './dialogs.js';

export function startLibrarySafety(library: Library, getWindow: WindowGetter): () => void {
  let kept: number | undefined;
  try {
    kept = backupsKeptFromEnv();
  } catch (error) {
    console.warn(`Folio: ${error instanceof Error ? error.message : String(error)}; keeping the default number of backups`);
  }
  const stop = scheduleDailyBackups(library.db, library.paths.database, {
    ...(kept === undefined ? {} : { backupsKept: kept }),
    onError: (error) => console.warn(`Folio: the daily backup failed (${error instanceof Error ? error.message : String(error)}); it is tried again in an hour`),
  });
  if (library.walCut !== null) {
    const message = cutWalMessage(library.walCut, library.paths.database);
    console.warn(`Folio: ${message}`);
    void showErrorMessage(getWindow, 'Recent changes to the library may be lost', message);
  }
  return stop;
}
