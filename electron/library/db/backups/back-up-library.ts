/**
 * One backup of a library into its `backups/` folder, followed by thinning out the automatic
 * ones: what `folio backup`, the Library menu, the daily schedule and the migration runner call.
 */
import { FolioError } from '../../../../shared/errors.js';
import type { Db } from '../connection.js';
import { backupsDirFor, DEFAULT_BACKUPS_KEPT, newBackupPath, pruneAutomaticBackups, type BackupKind } from './backup-files.js';
import { writeBackup, type WrittenBackup } from './write-backup.js';

export interface BackupOptions {
  /** Automatic backups kept (default 7); older ones are deleted after a new one is written. */
  backupsKept?: number;
  now?: Date;
}

export interface LibraryBackup extends WrittenBackup {
  kind: BackupKind;
  /** Older automatic backups deleted to keep the last `backupsKept`. */
  pruned: string[];
}

export function backUpLibrary(db: Db, databaseFile: string, kind: BackupKind, options: BackupOptions = {}): LibraryBackup {
  const dir = backupsDirFor(databaseFile);
  const written = writeBackup(db, newBackupPath(dir, kind, options.now));
  const pruned = kind === 'daily' || kind === 'pre-migration' ? pruneAutomaticBackups(dir, options.backupsKept ?? DEFAULT_BACKUPS_KEPT) : [];
  return { ...written, kind, pruned };
}

/** Whether the library holds anything a person made (folders, items or tags). */
function hasData(db: Db): boolean {
  return (
    db.prepare(`SELECT EXISTS (SELECT 1 FROM folders) OR EXISTS (SELECT 1 FROM media) OR EXISTS (SELECT 1 FROM tags)`).pluck().get() === 1
  );
}

/**
 * Called by the migration runner before the first pending migration of a library that already
 * exists. A migration that goes wrong (a bug, a full disk half-way through a table rebuild) then
 * costs nothing: the backup is the library exactly as the older Folio left it. When the backup
 * cannot be written the upgrade does not start.
 */
export function backUpBeforeMigration(db: Db, databaseFile: string, fromVersion: number, options: BackupOptions = {}): LibraryBackup | null {
  if (fromVersion === 0 || !hasData(db)) return null;
  try {
    return backUpLibrary(db, databaseFile, 'pre-migration', options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FolioError(
      'IO_ERROR',
      `Folio could not back up the library before upgrading it (schema ${fromVersion}), so it did not upgrade it: ${reason}. Free some space in ${backupsDirFor(databaseFile)} and open it again.`,
      { cause: error },
    );
  }
}
