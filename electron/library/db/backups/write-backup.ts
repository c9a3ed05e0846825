/**
 * A consistent copy of a live library. `VACUUM INTO` reads the database inside one read
 * transaction, so the copy is exactly the state of one commit even while other connections
 * (this process's importer, a `folio tag` in a terminal) keep writing: in WAL mode a reader
 * never blocks writers and never sees half of a transaction. A copy of the file would not be
 * (the pages of the WAL are not in it, and a page may change mid-copy). The copy is compact
 * (no free pages) and holds no thumbnails: those are files in `cache/`, rebuilt from originals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FolioError } from '../../../../shared/errors.js';
import type { Db } from '../connection.js';

export interface WrittenBackup {
  file: string;
  bytes: number;
  /** Milliseconds spent writing and checking it. */
  ms: number;
}

/**
 * Writes the backup under a temporary name and renames it into place once SQLite has finished
 * it and it has passed a quick check, so a crash never leaves a half-written file that looks
 * like a backup. `target` must not exist.
 */
export function writeBackup(db: Db, target: string): WrittenBackup {
  const started = performance.now();
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new FolioError('CONFLICT', `${file} already exists; name a new file for the backup`, { field: 'file' });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    const problem = quickCheck(db, partial);
    if (problem !== null) throw new FolioError('IO_ERROR', `The backup written to ${file} did not pass SQLite's check (${problem}); the library was not changed`);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { file, bytes: fs.statSync(file).size, ms: performance.now() - started };
}

/**
 * null when the file is a sound SQLite database, else what SQLite found. It is attached to the
 * library's own connection rather than opened anew, so the desktop app needs no second load of
 * its Electron build of better-sqlite3.
 */
export function quickCheck(db: Db, file: string): string | null {
  const alias = 'folio_backup_check';
  try {
    db.prepare(`ATTACH DATABASE ? AS ${alias}`).run(file);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  try {
    const rows = db.pragma(`${alias}.quick_check`) as { quick_check: string }[];
    const found = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
    return found.length === 0 ? null : found.slice(0, 3).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db.exec(`DETACH DATABASE ${alias}`);
  }
}
