/**
 * Where a library's backups live and what they are called: `backups/` beside the database, one
 * SQLite file each, named `folio-<kind>-<UTC time>.sqlite` so that names sort by time and say
 * why they were made. Only the automatic kinds are pruned; a backup the user asked for, or the
 * copy kept before a restore, stays until the user deletes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FolioError } from '../../../../shared/errors.js';

export const BACKUP_KINDS = ['manual', 'daily', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** Kinds Folio makes on its own and thins out to the last `backupsKept`. */
export const AUTOMATIC_KINDS: readonly BackupKind[] = ['daily', 'pre-migration'];

export const DEFAULT_BACKUPS_KEPT = 7;

/** FOLIO_BACKUPS_KEPT, for the CLI, `folio serve` and the desktop app alike; undefined when unset. */
export function backupsKeptFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.FOLIO_BACKUPS_KEPT;
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9][0-9]{0,3}$/.test(value)) {
    throw new FolioError('INVALID_ARGUMENT', `FOLIO_BACKUPS_KEPT must be a whole number from 1 to 9999, not "${value}"`, { field: 'FOLIO_BACKUPS_KEPT' });
  }
  return Number(value);
}

export interface BackupFile {
  file: string;
  kind: BackupKind;
  /** When it was made (from its name), ISO-8601 UTC. */
  createdAt: string;
  bytes: number;
}

const NAME = /^folio-(manual|daily|pre-migration|pre-restore)-(\d{8}T\d{6}\d{3}Z)\.sqlite$/;

/** `backups/` beside the database file (the library folder's own). */
export function backupsDirFor(databaseFile: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), 'backups');
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(text: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text);
  return m === null ? text : `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/** A new, unused backup path of `kind` in `dir` (a later millisecond if two land at once). */
export function newBackupPath(dir: string, kind: BackupKind, now: Date = new Date()): string {
  let at = now.getTime();
  for (;;) {
    const file = path.join(dir, `folio-${kind}-${stamp(new Date(at))}.sqlite`);
    if (!fs.existsSync(file)) return file;
    at += 1;
  }
}

/** The backups in `dir`, oldest first. Files that do not follow the naming are not Folio's. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: BackupFile[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (m === null) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile() !== true) continue;
    found.push({ file, kind: m[1] as BackupKind, createdAt: parseStamp(m[2] ?? ''), bytes: stat.size });
  }
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.file.localeCompare(b.file));
}

export function latestBackup(dir: string, kinds: readonly BackupKind[] = BACKUP_KINDS): BackupFile | null {
  return listBackups(dir).filter((backup) => kinds.includes(backup.kind)).at(-1) ?? null;
}

/** Deletes the oldest automatic backups beyond the newest `keep`; returns what it deleted. */
export function pruneAutomaticBackups(dir: string, keep: number): string[] {
  const automatic = listBackups(dir).filter((backup) => AUTOMATIC_KINDS.includes(backup.kind));
  const doomed = automatic.slice(0, Math.max(0, automatic.length - Math.max(1, keep)));
  for (const backup of doomed) fs.rmSync(backup.file, { force: true });
  return doomed.map((backup) => backup.file);
}
