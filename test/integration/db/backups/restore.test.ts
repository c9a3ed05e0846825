/**
 * Restoring a backup: refused while the library is open (here or in another process), refused
 * for a damaged file or one that is not a Folio library, and otherwise the backup takes the
 * library's place with the replaced database kept as a `pre-restore` backup.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/library/db/connection.js';
import { backUpLibrary } from '../../../../electron/library/db/backups/back-up-library.js';
import { backupsDirFor, listBackups } from '../../../../electron/library/db/backups/backup-files.js';
import { restoreBackup } from '../../../../electron/library/db/backups/restore-backup.js';
import { makeTempDir, REPO_ROOT, removeDir } from '../../../helpers/temp-library.js';
import { addTags, integrity, libraryWithTags, tagNumbers } from './backup-fixture.js';

let dir = '';
beforeEach(() => {
  dir = makeTempDir('folio-restore-');
});
afterEach(() => removeDir(dir));

function sha(file: string): string {
  return fs.readFileSync(file).toString('base64');
}

describe('restore', () => {
  it('puts the backup in place of the library and keeps the replaced one as a backup', () => {
    const { file, db } = libraryWithTags(path.join(dir, 'library'), 3);
    const backup = backUpLibrary(db, file, 'manual');
    addTags(db, 4, 6);
    db.close();

    const result = restoreBackup(file, backup.file);
    expect(result.schemaVersion).toBeGreaterThan(0);
    expect(tagNumbers(file)).toEqual([1, 2, 3]);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(result.previousKeptAs).not.toBeNull();
    expect(tagNumbers(result.previousKeptAs ?? '')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(listBackups(backupsDirFor(file)).map((entry) => entry.kind).sort()).toEqual(['manual', 'pre-restore']);
    // It opens as a library again, with its pragmas and WAL.
    const reopened = openDatabase(file);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('refuses while this process has the library open, and changes nothing', () => {
    const { file, db } = libraryWithTags(path.join(dir, 'library'), 3);
    try {
      const backup = backUpLibrary(db, file, 'manual');
      addTags(db, 4, 4);
      expect(() => restoreBackup(file, backup.file)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
      expect(tagNumbers(file)).toEqual([1, 2, 3, 4]);
      expect(listBackups(backupsDirFor(file)).map((entry) => entry.kind)).toEqual(['manual']);
    } finally {
      db.close();
    }
  });

  it('refuses while another process has the library open', async () => {
    const { file, db } = libraryWithTags(path.join(dir, 'library'), 3);
    const backup = backUpLibrary(db, file, 'manual');
    db.close();
    const holder = spawn(
      process.execPath,
      ['-e', `const db = new (require('better-sqlite3'))(process.argv[1]); db.prepare('SELECT count(*) FROM tags').get(); console.log('open'); process.stdin.on('data', () => { db.close(); process.exit(0); });`, file],
      { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      expect(() => restoreBackup(file, backup.file)).toThrow(/is open/);
    } finally {
      await new Promise<void>((resolve) => {
        holder.on('exit', () => resolve());
        holder.stdin.write('x');
      });
    }
    expect(restoreBackup(file, backup.file).restoredFrom).toBe(backup.file);
  });

  it('refuses a damaged backup and a file that is not a Folio library, leaving the library as it was', () => {
    const { file, db } = libraryWithTags(path.join(dir, 'library'), 400);
    const backup = backUpLibrary(db, file, 'manual');
    db.close();
    const before = sha(file);

    const damaged = path.join(dir, 'damaged.sqlite');
    const bytes = fs.readFileSync(backup.file);
    const pageSize = bytes.readUInt16BE(16);
    const copy = new Database(backup.file, { readonly: true });
    const root = copy.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'tags'`).pluck().get() as number;
    copy.close();
    // Scribble over the tags table's root page (its b-tree header), keeping the file header intact.
    bytes.fill(0x5a, (root - 1) * pageSize, (root - 1) * pageSize + 64);
    fs.writeFileSync(damaged, bytes);
    expect(integrity(damaged)).not.toBe('ok');
    expect(() => restoreBackup(file, damaged)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/damaged/) }));

    const notOurs = path.join(dir, 'notes.txt');
    fs.writeFileSync(notOurs, 'hello');
    expect(() => restoreBackup(file, notOurs)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => restoreBackup(file, path.join(dir, 'nope.sqlite'))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));

    expect(sha(file)).toBe(before);
    expect(listBackups(backupsDirFor(file)).map((entry) => entry.kind)).toEqual(['manual']);
  });
});
