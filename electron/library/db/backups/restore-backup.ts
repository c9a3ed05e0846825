/**
 * `folio restore <backup>`: puts a backup in the place of a library's database. It refuses
 * while anything has the library open (swapping the file under an open connection would pair
 * the new file with the old WAL), checks the backup first, and keeps the current database as a
 * `pre-restore` backup, so a restore can itself be undone.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FolioError } from '../../../../shared/errors.js';
import { SCHEMA_VERSION } from '../migrations/index.js';
import { backupsDirFor, newBackupPath } from './backup-files.js';
import { holdExclusively } from './library-lock.js';
import { clearCutWalRecord } from '../cut-wal-notice.js';

export interface RestoreResult {
  restoredFrom: string;
  /** Where the database that was replaced was kept (null when there was none). */
  previousKeptAs: string | null;
  schemaVersion: number;
}

/** Full integrity check and a look at the schema: is this a Folio library this Folio can open? */
function checkBackup(file: string, nativeBinding?: string): number {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new FolioError('NOT_FOUND', `There is no backup file at ${file}`, { field: 'file' });
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
    const found = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).filter((text) => text !== 'ok');
    if (found.length > 0) {
      throw new FolioError('INVALID_ARGUMENT', `The backup ${file} is damaged (${found.slice(0, 3).join('; ')}); choose another one. Nothing was changed.`, { field: 'file' });
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasMedia = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'media'`).get() !== undefined;
    if (version === 0 || !hasMedia) throw new FolioError('INVALID_ARGUMENT', `${file} is not a Folio library backup. Nothing was changed.`, { field: 'file' });
    if (version > SCHEMA_VERSION) {
      throw new FolioError('LIBRARY_TOO_NEW', `The backup ${file} was written by a newer Folio (schema ${version}; this one knows up to ${SCHEMA_VERSION}). Nothing was changed.`);
    }
    return version;
  } catch (error) {
    if (error instanceof FolioError) throw error;
    throw new FolioError('INVALID_ARGUMENT', `${file} cannot be read as a Folio backup (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`, { field: 'file' });
  } finally {
    db?.close();
  }
}

function copyAside(databaseFile: string, target: string): void {
  fs.copyFileSync(databaseFile, target);
  // A damaged library's WAL goes with it, named so SQLite pairs the two when the copy is opened.
  if (fs.existsSync(`${databaseFile}-wal`)) fs.copyFileSync(`${databaseFile}-wal`, `${target}-wal`);
}

/** Keeps the current database as a backup; the hold makes it a still, self-contained file first. */
function keepCurrent(databaseFile: string, hold: Database.Database | null): string {
  const dir = backupsDirFor(databaseFile);
  fs.mkdirSync(dir, { recursive: true });
  const target = newBackupPath(dir, 'pre-restore');
  if (hold !== null) {
    try {
      // Folds the WAL into the file and ends WAL mode on it, still under the exclusive lock.
      hold.pragma('journal_mode = DELETE');
      hold.prepare('VACUUM INTO ?').run(target);
      return target;
    } catch {
      fs.rmSync(target, { force: true });
    }
  }
  copyAside(databaseFile, target);
  return target;
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function restoreBackup(databaseFile: string, backupFile: string, options: { nativeBinding?: string } = {}): RestoreResult {
  const source = path.resolve(backupFile);
  const target = path.resolve(databaseFile);
  if (source === target) throw new FolioError('INVALID_ARGUMENT', 'That is the library itself, not a backup of it', { field: 'file' });
  const schemaVersion = checkBackup(source, options.nativeBinding);
  const exists = fs.existsSync(target);
  const hold = exists ? holdExclusively(target, options.nativeBinding) : null;
  try {
    const previousKeptAs = exists ? keepCurrent(target, hold?.db ?? null) : null;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const incoming = `${target}.restoring`;
    fs.copyFileSync(source, incoming);
    fsyncFile(incoming);
    // The old WAL and index belong to the old file: left beside the new one, SQLite would
    // replay the old pages into it.
    fs.rmSync(`${target}-wal`, { force: true });
    fs.rmSync(`${target}-shm`, { force: true });
    fs.renameSync(incoming, target);
    // A cut WAL found in the replaced database says nothing about the restored one.
    clearCutWalRecord(target);
    return { restoredFrom: source, previousKeptAs, schemaVersion };
  } finally {
    hold?.release();
  }
}
