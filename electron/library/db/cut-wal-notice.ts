/**
 * Noticing a cut WAL at start-up and remembering it. The inspection has to happen before SQLite
 * opens the library (its recovery replays the WAL and then forgets it was ever longer), and the
 * finding has to outlive this process, so `folio check` run later still reports it: it is kept in
 * `wal-cut.json` beside the database until a check with `--repair` is told about it, or a restore
 * replaces the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inspectWal, type WalInspection } from './wal-inspection.js';
import { backupsDirFor, latestBackup } from './backups/backup-files.js';

export interface CutWalRecord {
  foundAt: string;
  problem: string;
  bytes: number;
  replayedFrames: number;
  frames: number;
}

export function cutWalRecordPath(databaseFile: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), 'wal-cut.json');
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Inspects the WAL before the library is opened. Another process may be appending a frame at
 * this very moment (a torn tail that is only in flight), so a finding counts only when a second
 * look a moment later sees the same file. Returns the record when the WAL was cut.
 */
export function noticeCutWal(databaseFile: string, now: () => Date = () => new Date()): CutWalRecord | null {
  let found: WalInspection = inspectWal(databaseFile);
  if (found.state === 'ok') return null;
  sleepSync(50);
  const again = inspectWal(databaseFile);
  if (again.state === 'ok' || again.bytes !== found.bytes) return null;
  found = again;
  const record: CutWalRecord = {
    foundAt: now().toISOString(),
    problem: found.problem ?? 'the write-ahead log was cut',
    bytes: found.bytes,
    replayedFrames: found.replayedFrames,
    frames: found.frames,
  };
  try {
    fs.writeFileSync(cutWalRecordPath(databaseFile), `${JSON.stringify(record, null, 2)}\n`);
  } catch {
    // A read-only library folder: the warning is still shown now.
  }
  return record;
}

export function readCutWalRecord(databaseFile: string): CutWalRecord | null {
  try {
    return JSON.parse(fs.readFileSync(cutWalRecordPath(databaseFile), 'utf8')) as CutWalRecord;
  } catch {
    return null;
  }
}

export function clearCutWalRecord(databaseFile: string): void {
  fs.rmSync(cutWalRecordPath(databaseFile), { force: true });
}

/** The warning for a person: what happened, and which backup holds what may have been lost. */
export function cutWalMessage(record: CutWalRecord, databaseFile: string): string {
  const backup = latestBackup(backupsDirFor(databaseFile));
  const where = backup === null
    ? 'There is no backup of this library yet; make one now with "folio backup".'
    : `The latest backup is ${backup.file} (${backup.createdAt}); "folio restore ${backup.file}" brings the library back to that point.`;
  return `The library's write-ahead log was damaged when it was opened on ${record.foundAt}: ${record.problem}. SQLite recovered what came before the damage, so the most recent changes may be missing. ${where}`;
}
