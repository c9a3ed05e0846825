/**
 * folio backup, check and restore as a script runs them: real processes on a real library,
 * with their documented exit codes, and restore refused while `folio serve` has the library open.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupInfo, CheckReport } from '../../../shared/library-check.js';
import { copyCorpus, makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { runFolio, startFolio } from './run-folio.js';

let dir: string;
let library: string;
let photos: string;

const folio = (...args: string[]) => runFolio([...args, '--library', library]);
const tagCount = (): number => {
  const db = new Database(path.join(library, 'library.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM tags WHERE item_count > 0`).pluck().get() as number;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dir = makeTempDir('folio-cli-backup-');
  library = path.join(dir, 'library');
  photos = copyCorpus(path.join(dir, 'photos'), ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg']);
  const run = await runFolio(['import', photos, '--library', library]);
  expect(run.code, run.stderr).toBe(0);
  expect((await folio('tag', '1', '2', '--add', 'harbour')).code).toBe(0);
});
afterAll(() => removeDir(dir));

describe('folio backup, check, restore', () => {
  it('lists them with their exit codes in --help', async () => {
    const run = await runFolio(['--help']);
    for (const text of ['backup [<file>]', 'check [--repair]', 'restore <backup-file>', '10  check: problems found', '11  check: the database is damaged', 'FOLIO_BACKUPS_KEPT']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('backup writes into the library\'s backups folder, or the file named', async () => {
    const run = await folio('backup', '--json');
    expect(run.code, run.stderr).toBe(0);
    const made = run.json<BackupInfo>();
    expect(path.dirname(made.file)).toBe(path.join(library, 'backups'));
    expect(made.kind).toBe('manual');
    expect(fs.statSync(made.file).size).toBe(made.bytes);

    const named = path.join(dir, 'elsewhere', 'mine.sqlite');
    const text = await folio('backup', named);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Backed up the library to ${named}`);
    expect((await folio('backup', named)).code).toBe(5); // CONFLICT: never overwritten
  });

  it('check exits 0 when all is well, 10 with problems, and 0 again after --repair', async () => {
    const ok = await folio('check');
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('all good');

    const db = new Database(path.join(library, 'library.sqlite'));
    db.prepare(`UPDATE tags SET item_count = 9`).run();
    db.close();
    const found = await folio('check', '--json');
    expect(found.code).toBe(10);
    expect(found.json<CheckReport>()).toMatchObject({ status: 'problems', counts: { 'tag-count': 1 } });
    const text = await folio('check');
    expect(text.code).toBe(10);
    expect(text.stdout).toMatch(/\[repairable\] Tag "harbour" is counted on 9 items but is on 2/);
    expect(text.stdout).toContain('folio check --repair');

    const repaired = await folio('check', '--repair');
    expect(repaired.code, repaired.stdout).toBe(0);
    expect(repaired.stdout).toContain('[repaired]');
    expect((await folio('check')).code).toBe(0);
  });

  it('restore is refused while folio serve has the library open, then works once it stopped', async () => {
    const backup = (await folio('backup', '--json')).json<BackupInfo>().file;
    expect((await folio('tag', '1', '--add', 'later')).code).toBe(0);
    expect(tagCount()).toBe(2);

    const serve = await startFolio(['serve', '--library', library, '--port', '0'], /running at (http:\S+)/);
    try {
      const refused = await folio('restore', backup);
      expect(refused.code).toBe(5);
      expect(refused.stderr).toMatch(/is open/);
      expect(tagCount()).toBe(2);
    } finally {
      await new Promise<void>((resolve) => {
        serve.child.on('exit', () => resolve());
        serve.child.kill('SIGTERM');
      });
    }

    const restored = await folio('restore', backup, '--json');
    expect(restored.code, restored.stderr).toBe(0);
    const result = restored.json<{ restoredFrom: string; previousKeptAs: string }>();
    expect(result.restoredFrom).toBe(backup);
    expect(path.basename(result.previousKeptAs)).toMatch(/^folio-pre-restore-/);
    expect(tagCount()).toBe(1);
    // Item ids still mean the trash's restore.
    const trash = await folio('restore', '1');
    expect(trash.code, trash.stderr).toBe(0);
    expect(trash.stdout).toContain('from the trash');
  });

  it('restore refuses a file that is not a backup and leaves the library alone', async () => {
    const bogus = path.join(dir, 'notes.txt');
    fs.writeFileSync(bogus, 'not a database');
    const run = await folio('restore', bogus);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/not a Folio library backup|cannot be read/);
    expect((await folio('check')).code).toBe(0);
  });
});
