/**
 * Whether any other connection has a library open, asked of SQLite itself rather than of a PID
 * file that a crash would leave behind. In WAL mode every open connection holds a shared lock
 * on the WAL index, so `locking_mode = EXCLUSIVE` plus `BEGIN EXCLUSIVE` succeeds only when
 * nobody else (another process, or another connection in this one) has the database open.
 * Once it succeeds the lock stays with this connection until it closes: nobody can open the
 * library meanwhile, which is what a restore needs while it swaps the file.
 */
import Database from 'better-sqlite3';
import { FolioError } from '../../../../shared/errors.js';

export interface ExclusiveHold {
  db: Database.Database;
  release(): void;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/**
 * Takes the library's database for this connection alone, or throws CONFLICT naming what to
 * close. A database SQLite cannot read at all (not a database, damaged header) gives `null`:
 * nobody can have that open either, and a restore is exactly what it needs.
 */
export function holdExclusively(databaseFile: string, nativeBinding?: string): ExclusiveHold | null {
  let db: Database.Database;
  try {
    db = new Database(databaseFile, { fileMustExist: true, timeout: 0, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
  } catch (error) {
    if (isBusy(error)) throw openElsewhere(databaseFile);
    return null;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw openElsewhere(databaseFile);
    return null;
  }
  return { db, release: () => db.close() };
}

function openElsewhere(databaseFile: string): FolioError {
  return new FolioError(
    'CONFLICT',
    `The library ${databaseFile} is open (the desktop app, "folio serve" or another folio command); close it, then restore again. Nothing was changed.`,
  );
}
