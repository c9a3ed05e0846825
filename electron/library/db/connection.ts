import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { FolioError } from '../../../shared/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { backUpBeforeMigration } from './backups/back-up-library.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /**
   * A better-sqlite3 addon built for another runtime. The desktop app runs in Electron, whose
   * ABI differs from Node's; it loads its own build so the Node build (tests, CLI) stays intact.
   */
  nativeBinding?: string;
  /** Automatic backups kept in the library's `backups/` folder (the one before a migration among them). */
  backupsKept?: number;
}

/**
 * Opens (creating if needed) a library database with the pragmas every connection must have,
 * then brings its schema up to date. A library written by a newer Folio is refused untouched.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = options.readonly === true ? openReadOnly(file, options) : connect(file, options, false);
  try {
    // Read the version before any pragma: switching the journal mode rewrites the file header,
    // and a library from a newer Folio must be left exactly as it was.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new FolioError(
        'LIBRARY_TOO_NEW',
        `This library was written by a newer version of Folio (schema ${version}; this version knows up to ${SCHEMA_VERSION}). Update Folio to open it; the library was not changed.`,
      );
    }
    // A new library gives back the pages that forgetting items frees (reclaimFreePages); an
    // existing one keeps its mode until it is vacuumed (the mode of a file with tables is fixed).
    if (!options.readonly && version === 0) db.pragma('auto_vacuum = INCREMENTAL');
    applyPragmas(db, options.readonly === true);
    if (!options.readonly && version < SCHEMA_VERSION) {
      backUpBeforeMigration(db, file, version, options);
      migrate(db, version);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function connect(file: string, options: OpenOptions, readonly: boolean): Db {
  return new Database(file, {
    readonly,
    fileMustExist: readonly,
    timeout: 5_000,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  });
}

// better-sqlite3 reads this once, when its first connection opens: it lets the read-only
// fallback below name the file as a URI with `immutable=1`. Library paths are absolute, so
// no plain file name here is ever taken for a URI.
process.env.SQLITE_USE_URI ??= '1';

/**
 * A read-only connection. A WAL library needs its `-shm` file to be read; in a folder this user
 * may not write to, SQLite can neither create it nor open the library. Then it is opened as
 * immutable: nothing is written anywhere (no `-shm` is left behind for the next open to trip
 * on), at the price of not seeing what another process commits meanwhile.
 */
function openReadOnly(file: string, options: OpenOptions): Db {
  let db: Db | null = null;
  try {
    db = connect(file, options, true);
    db.pragma('user_version', { simple: true }); // the first read is where a missing -shm shows
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: unknown }).code;
    if (code !== 'SQLITE_READONLY_DIRECTORY' && code !== 'SQLITE_CANTOPEN' && code !== 'SQLITE_READONLY_CANTINIT') throw error;
    return connect(`${pathToFileURL(file).href}?immutable=1`, options, true);
  }
}

/** SQLite's own ceiling for mmap_size in a default build (SQLITE_MAX_MMAP_SIZE) is just under 2 GiB. */
const MMAP_BYTES = 2 ** 31 - 2 ** 16;
const WAL_SIZE_LIMIT_BYTES = 64 * 2 ** 20;
/** 1 GiB of 4 KiB pages: more than the largest bulk edit writes (about 300 MB for 100,000 ratings). */
const AUTO_CHECKPOINT_PAGES = 262_144;

function applyPragmas(db: Db, readonly: boolean): void {
  if (!readonly) db.pragma('journal_mode = WAL');
  // FULL: a committed tag edit survives a power cut too, not only a crash. Bulk writes are
  // batched into transactions, so the extra fsync is paid per batch, not per row.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  // Reads straight from the mapped file, without a copy per page: bulk edits on a large
  // library read tens of thousands of pages (100,000 items tagged: 2.9 s → 2.2 s measured).
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
  // A huge edit grows the WAL to hundreds of MB; after the checkpoint that follows, SQLite
  // truncates it back to this size instead of keeping the space forever.
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  // The library checkpoints after each announced change, once the answer has gone
  // (service/wal-checkpoints.ts); SQLite's own checkpoint at commit stays as a net for a writer that
  // announces nothing, at a size no single edit reaches.
  if (!readonly) db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
}

function migrate(db: Db, from: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

/**
 * Gives the free pages back to the file system after many rows went (the trash emptied, a
 * folder forgotten), so a library that shrank in content shrinks on disk too.
 */
export function reclaimFreePages(db: Db): void {
  db.pragma('incremental_vacuum');
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
