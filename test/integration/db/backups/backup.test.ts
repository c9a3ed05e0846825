/**
 * `folio backup`'s core: a consistent copy of a library that another process keeps writing,
 * the automatic backup before a migration, the daily schedule and keeping the last N.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../../electron/library/db/connection.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../../electron/library/db/migrations/index.js';
import { backUpLibrary } from '../../../../electron/library/db/backups/back-up-library.js';
import { backupsDirFor, listBackups, pruneAutomaticBackups } from '../../../../electron/library/db/backups/backup-files.js';
import { scheduleDailyBackups } from '../../../../electron/library/db/backups/backup-schedule.js';
import { writeBackup } from '../../../../electron/library/db/backups/write-backup.js';
import { makeTempDir, REPO_ROOT, removeDir } from '../../../helpers/temp-library.js';
import { addTags, integrity, libraryWithTags, tagNumbers } from './backup-fixture.js';

let dir = '';
beforeEach(() => {
  dir = makeTempDir('folio-backup-');
});
afterEach(() => removeDir(dir));

/** Another process that commits one tag per transaction and prints each number once committed. */
function startWriter(file: string, from: number): { committed: () => number; stop: () => Promise<void> } {
  const code = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1], { timeout: 5000 });
    db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
    const insert = db.prepare("INSERT INTO tags (name, key, created_at) VALUES (?, ?, datetime('now'))");
    let n = Number(process.argv[2]);
    let stop = false;
    process.stdin.on('data', () => { stop = true; });
    (function loop() {
      if (stop) { db.close(); process.exit(0); }
      for (let i = 0; i < 20; i += 1) { db.transaction(() => insert.run('tag-' + n, 'tag-' + n))(); process.stdout.write(n + '\\n'); n += 1; }
      setImmediate(loop);
    })();`;
  const child = spawn(process.execPath, ['-e', code, file, String(from)], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  let last = from - 1;
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) last = Number(line);
  });
  return {
    committed: () => last,
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', () => resolve());
        child.stdin.write('stop\n');
      }),
  };
}

describe('backups', () => {
  it('are consistent while another process writes: every backup passes integrity_check and holds every row committed before it began', async () => {
    const { file, db } = libraryWithTags(path.join(dir, 'library'), 100);
    const writer = startWriter(file, 101);
    try {
      while (writer.committed() < 300) await new Promise((resolve) => setTimeout(resolve, 10));
      for (let round = 0; round < 5; round += 1) {
        const committedBefore = writer.committed();
        const backup = backUpLibrary(db, file, 'manual');
        expect(integrity(backup.file)).toBe('ok');
        const numbers = tagNumbers(backup.file);
        // Every row committed before the backup began, and no hole: one commit's state.
        expect(numbers.at(-1)).toBeGreaterThanOrEqual(committedBefore);
        expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      expect(writer.committed()).toBeGreaterThan(300);
    } finally {
      await writer.stop();
      db.close();
    }
    expect(listBackups(backupsDirFor(file))).toHaveLength(5);
    // The backups are plain files: not the library's WAL, nothing left half-written.
    expect(fs.readdirSync(backupsDirFor(file)).filter((name) => !name.endsWith('.sqlite'))).toEqual([]);
  });

  it('refuse to overwrite an existing file', () => {
    const { file, db } = libraryWithTags(path.join(dir, 'library'), 3);
    try {
      const target = path.join(dir, 'mine.sqlite');
      writeBackup(db, target);
      expect(tagNumbers(target)).toEqual([1, 2, 3]);
      expect(() => writeBackup(db, target)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
      expect(file).toContain('library.sqlite');
    } finally {
      db.close();
    }
  });

  it('are made before a migration of a library that has data, holding it as the older version left it', () => {
    const libraryDir = path.join(dir, 'old');
    fs.mkdirSync(libraryDir);
    const file = path.join(libraryDir, 'library.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) old.exec(migration.sql);
    old.pragma('user_version = 2');
    old.prepare(`INSERT INTO tags (name, key, created_at) VALUES ('beach', 'beach', '2020-01-01')`).run();
    old.close();

    const db = openDatabase(file, { backupsKept: 3 });
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
    const backups = listBackups(backupsDirFor(file));
    expect(backups.map((backup) => backup.kind)).toEqual(['pre-migration']);
    const copy = new Database(backups[0]?.file ?? '', { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(2);
    expect(copy.prepare(`SELECT name FROM tags`).pluck().all()).toEqual(['beach']);
    copy.close();

    // Opening it again (nothing to migrate) makes no more backups.
    openDatabase(file).close();
    expect(listBackups(backupsDirFor(file))).toHaveLength(1);
  });

  it('are not made for a new library or an old one without data', () => {
    const fresh = path.join(dir, 'fresh', 'library.sqlite');
    fs.mkdirSync(path.dirname(fresh));
    openDatabase(fresh).close();
    const emptyOld = path.join(dir, 'empty-old', 'library.sqlite');
    fs.mkdirSync(path.dirname(emptyOld));
    const old = new Database(emptyOld);
    old.exec(MIGRATIONS[0]?.sql ?? '');
    old.pragma('user_version = 1');
    old.close();
    openDatabase(emptyOld).close();
    expect(fs.existsSync(backupsDirFor(fresh))).toBe(false);
    expect(fs.existsSync(backupsDirFor(emptyOld))).toBe(false);
  });

  it('keep the last N automatic backups and never prune the ones the user asked for', () => {
    const { file, db } = libraryWithTags(path.join(dir, 'library'), 2);
    try {
      const manual = backUpLibrary(db, file, 'manual', { now: new Date('2026-01-01T00:00:00Z') });
      for (let day = 1; day <= 9; day += 1) {
        backUpLibrary(db, file, 'daily', { backupsKept: 7, now: new Date(Date.UTC(2026, 0, 1 + day)) });
      }
      const left = listBackups(backupsDirFor(file));
      expect(left.filter((backup) => backup.kind === 'daily').map((backup) => backup.createdAt.slice(0, 10))).toEqual(
        ['2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10'],
      );
      expect(left.map((backup) => backup.file)).toContain(manual.file);
      expect(pruneAutomaticBackups(backupsDirFor(file), 2)).toHaveLength(5);
    } finally {
      db.close();
    }
  });

  it('are made by the daily schedule when the newest automatic one is older than the interval, once', async () => {
    const { file, db } = libraryWithTags(path.join(dir, 'library'), 2);
    const made: string[] = [];
    const stop = scheduleDailyBackups(db, file, { firstCheckMs: 5, checkEveryMs: 20, intervalMs: 60_000, onBackup: (backup) => made.push(backup.file) });
    try {
      const deadline = Date.now() + 5_000;
      while (made.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(made).toHaveLength(1);
      expect(listBackups(backupsDirFor(file)).map((backup) => backup.kind)).toEqual(['daily']);
      addTags(db, 3, 3);
      expect(tagNumbers(made[0] ?? '')).toEqual([1, 2]);
    } finally {
      stop();
      db.close();
    }
  });
});
