/**
 * Daily backups while the desktop app or `folio serve` has the library open. A timer checks
 * every hour (unref'd: it never keeps a process alive) whether the newest automatic backup is a
 * day old, so a laptop that sleeps through the night still gets its backup soon after it wakes,
 * and restarting the app does not make one more backup each time.
 */
import type { Db } from '../connection.js';
import { AUTOMATIC_KINDS, backupsDirFor, latestBackup } from './backup-files.js';
import { backUpLibrary, type BackupOptions, type LibraryBackup } from './back-up-library.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupScheduleOptions extends BackupOptions {
  /** How old the newest automatic backup may get (default one day). */
  intervalMs?: number;
  /** How often to look (default one hour). */
  checkEveryMs?: number;
  /** Delay before the first look, so start-up is not slowed by a backup (default one minute). */
  firstCheckMs?: number;
  onBackup?: (backup: LibraryBackup) => void;
  onError?: (error: unknown) => void;
}

/** Starts the schedule; returns the function that stops it. It stops by itself when the database closes. */
export function scheduleDailyBackups(db: Db, databaseFile: string, options: BackupScheduleOptions = {}): () => void {
  const intervalMs = options.intervalMs ?? DAY_MS;
  const dir = backupsDirFor(databaseFile);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const stop = (): void => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const check = (): void => {
    if (stopped) return;
    if (!db.open) return stop();
    try {
      const latest = latestBackup(dir, AUTOMATIC_KINDS);
      const age = latest === null ? Infinity : Date.now() - Date.parse(latest.createdAt);
      if (age >= intervalMs) options.onBackup?.(backUpLibrary(db, databaseFile, 'daily', options));
    } catch (error) {
      // A full disk must not take the app down; the next look tries again.
      options.onError?.(error);
    }
    if (!stopped) {
      timer = setTimeout(check, options.checkEveryMs ?? 60 * 60 * 1000);
      timer.unref();
    }
  };

  timer = setTimeout(check, options.firstCheckMs ?? 60 * 1000);
  timer.unref();
  return stop;
}
