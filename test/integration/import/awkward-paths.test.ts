import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../electron/library/library.js';
import { ensureThumbnail } from '../../../electron/library/thumbnails/ensure-thumbnail.js';
import { CORPUS_DIR, makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { allRows, importAndWait, issues, thumbnailRows } from './import-fixture.js';

const SAMPLE = path.join(CORPUS_DIR, 'jpg/Canon_40D.jpg');
const NON_UTF8_NAME = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('-latin1.jpg')]);
const LONG_NAME = `${'x'.repeat(251)}.jpg`; // 255 bytes: the longest name most file systems allow
const DEEP_SEGMENT = 'd'.repeat(200);

describe('links, loops, odd names and long paths', () => {
  let dir: string;
  let photos: string;
  let library: Library;

  beforeAll(async () => {
    dir = makeTempDir();
    photos = path.join(dir, 'photos');
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(path.join(photos, 'sub'), { recursive: true });
    fs.mkdirSync(outside);
    fs.copyFileSync(SAMPLE, path.join(photos, 'a.jpg'));
    fs.copyFileSync(SAMPLE, path.join(outside, 'secret.jpg'));
    fs.linkSync(path.join(photos, 'a.jpg'), path.join(photos, 'hard.jpg'));
    fs.symlinkSync('a.jpg', path.join(photos, 'soft.jpg'));
    fs.symlinkSync('..', path.join(photos, 'sub', 'loop'));
    fs.symlinkSync('self2', path.join(photos, 'self1'));
    fs.symlinkSync('self1', path.join(photos, 'self2'));
    fs.symlinkSync(path.join(outside, 'secret.jpg'), path.join(photos, 'outside.jpg'));
    fs.symlinkSync(outside, path.join(photos, 'outdir'));
    fs.symlinkSync('nowhere.jpg', path.join(photos, 'dangling.jpg'));
    fs.writeFileSync(Buffer.concat([Buffer.from(`${photos}/`), NON_UTF8_NAME]), fs.readFileSync(SAMPLE));
    fs.copyFileSync(SAMPLE, path.join(photos, LONG_NAME));
    // Deeper than PATH_MAX (4096 bytes): only reachable with relative steps, as a shell does.
    fs.mkdirSync(path.join(photos, 'deep'));
    execFileSync('bash', ['-c', `cd "$1" && for i in $(seq 21); do mkdir "$2" && cd "$2"; done && cp "$3" photo.jpg`, '-', path.join(photos, 'deep'), DEEP_SEGMENT, SAMPLE]);
    // Clutter that must not become items.
    fs.writeFileSync(path.join(photos, '.DS_Store'), 'x');
    fs.writeFileSync(path.join(photos, 'Thumbs.db'), 'x');
    fs.writeFileSync(path.join(photos, '._a.jpg'), 'x');
    fs.mkdirSync(path.join(photos, '.git', 'objects'), { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(photos, '.git', 'objects', 'blob.jpg'));
    fs.mkdirSync(path.join(photos, '@eaDir'));
    fs.copyFileSync(SAMPLE, path.join(photos, '@eaDir', 'thumb.jpg'));
    // The library itself lives inside the folder it imports.
    library = openLibrary(path.join(photos, 'my-library'), { workers: 2 });
    await importAndWait(library, photos);
  });
  afterAll(async () => {
    await library.close();
    execFileSync('rm', ['-rf', path.join(photos, 'deep')]);
    removeDir(dir);
  });

  it('records each real file once and nothing else', () => {
    const paths = allRows(library).map((r) => r.display_path).sort();
    expect(paths).toEqual(['a.jpg', 'caf\uFFFD-latin1.jpg', LONG_NAME].sort());
  });

  it('keeps the raw bytes of a name that is not UTF-8 and still reads the file', async () => {
    const row = allRows(library).find((r) => r.display_path.startsWith('caf'));
    expect(row?.rel_path.equals(NON_UTF8_NAME)).toBe(true);
    expect(row).toMatchObject({ file_state: 'ok', name: 'caf\uFFFD-latin1.jpg', original_name: 'caf\uFFFD-latin1.jpg', camera_model: 'Canon EOS 40D' });
    const thumbnail = await ensureThumbnail(library, row?.id ?? 0, 128);
    fs.rmSync(thumbnail);
    expect(await ensureThumbnail(library, row?.id ?? 0, 128)).toBe(thumbnail);
    expect(fs.existsSync(thumbnail)).toBe(true);
  });

  it('imports a file with a 255-byte name', () => {
    const row = allRows(library).find((r) => r.display_path === LONG_NAME);
    expect(row).toMatchObject({ file_state: 'ok', name: LONG_NAME });
    expect(thumbnailRows(library, row?.md5 ?? '')).toHaveLength(4);
  });

  it('records every link and path it could not follow, with the reason', () => {
    const byName = new Map(issues(library).map((i) => [path.basename(i.path), i.reason]));
    expect(byName.get('outside.jpg')).toMatch(/^It is a link to .*outside[/]secret\.jpg, outside the library folder; skipped$/);
    expect(byName.get('outdir')).toMatch(/outside the library folder; skipped/);
    expect(byName.get('dangling.jpg')).toBe('It is a link to something that does not exist; skipped');
    expect(byName.get('self1')).toMatch(/ELOOP/);
    expect(byName.get('self2')).toMatch(/ELOOP/);
    const deep = issues(library).find((i) => i.path.includes(DEEP_SEGMENT));
    expect(deep?.reason).toMatch(/ENAMETOOLONG/);
    // Links inside the folder (soft.jpg, sub/loop) are reached through their real paths: no issue.
    expect(byName.has('soft.jpg')).toBe(false);
    expect(byName.has('loop')).toBe(false);
    expect(issues(library)).toHaveLength(6);
  });

  it('answers import.issues through the service', async () => {
    const listed = await library.service.call('import.issues', { limit: 2 }, { actor: 'user', urls: { thumbnail: () => '', original: () => '' } });
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ path: expect.any(String), reason: expect.any(String), at: expect.any(String) });
  });
});

const isRoot = process.getuid?.() === 0;

describe('unreadable files', () => {
  let dir: string;
  let photos: string;

  beforeAll(() => {
    dir = makeTempDir();
    photos = path.join(dir, 'photos');
    fs.mkdirSync(path.join(photos, 'locked-folder'), { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(photos, 'locked.jpg'));
    fs.copyFileSync(SAMPLE, path.join(photos, 'open.jpg'));
    fs.copyFileSync(SAMPLE, path.join(photos, 'locked-folder', 'inside.jpg'));
    fs.chmodSync(path.join(photos, 'locked.jpg'), 0o000);
    fs.chmodSync(path.join(photos, 'locked-folder'), 0o000);
  });
  afterAll(() => {
    fs.chmodSync(path.join(photos, 'locked-folder'), 0o755);
    removeDir(dir);
  });

  it.runIf(isRoot)('as root, chmod 000 does not stop reading: the files are imported', async () => {
    const library = openLibrary(path.join(dir, 'root-library'), { workers: 1 });
    try {
      await importAndWait(library, photos);
      const states = Object.fromEntries(allRows(library).map((r) => [r.display_path, r.file_state]));
      expect(states).toEqual({ 'locked.jpg': 'ok', 'open.jpg': 'ok', 'locked-folder/inside.jpg': 'ok' });
    } finally {
      await library.close();
    }
  });

  // Root reads everything, so the real case runs the import in a child process as `nobody`.
  it('records a file it may not read as unreadable, and a folder it may not open as an issue', async () => {
    const libraryDir = path.join(dir, 'user-library');
    if (isRoot) {
      fs.mkdirSync(libraryDir);
      for (const target of [dir, photos, libraryDir]) fs.chownSync(target, 65534, 65534);
      fs.chmodSync(dir, 0o755);
      const child = path.join(import.meta.dirname, 'fixtures', 'import-child.ts');
      execFileSync(process.execPath, [path.resolve('bin/run-ts.mjs'), child, libraryDir, photos], {
        uid: 65534,
        gid: 65534,
        env: { ...process.env, HOME: dir },
        stdio: 'pipe',
      });
    }
    const library = openLibrary(libraryDir, { workers: 1 });
    try {
      if (!isRoot) await importAndWait(library, photos);
      const rows = new Map(allRows(library).map((r) => [r.display_path, r]));
      expect([...rows.keys()].sort()).toEqual(['locked.jpg', 'open.jpg']);
      expect(rows.get('open.jpg')?.file_state).toBe('ok');
      expect(rows.get('locked.jpg')).toMatchObject({ file_state: 'unreadable', state_reason: 'Cannot read it: permission denied (EACCES)', md5: null });
      expect(issues(library)).toEqual([
        { path: path.join(photos, 'locked-folder'), reason: 'This folder was skipped. Cannot open it: permission denied (EACCES)' },
      ]);
    } finally {
      await library.close();
    }
  });
});

describe('a file that vanishes between the scan and the read', () => {
  it('is recorded as an issue, gets no item, and the import goes on', async () => {
    const dir = makeTempDir();
    const photos = path.join(dir, 'photos');
    fs.mkdirSync(photos);
    // Enough slow files ahead of it that it is still waiting for a worker when it goes.
    const big = path.join(CORPUS_DIR, 'jpg/tests/42_IndexError.jpg');
    for (let i = 0; i < 30; i += 1) fs.copyFileSync(big, path.join(photos, `a${String(i).padStart(2, '0')}.jpg`));
    const victim = path.join(photos, 'zz.jpg');
    fs.copyFileSync(SAMPLE, victim);
    const library = openLibrary(path.join(dir, 'library'), { workers: 1 });
    try {
      let deletedWhilePending = false;
      library.events.on('library.changed', () => {
        const row = library.db.prepare(`SELECT file_state FROM media WHERE display_path = 'zz.jpg'`).get() as { file_state: string } | undefined;
        if (row?.file_state === 'pending' && fs.existsSync(victim)) {
          fs.rmSync(victim);
          deletedWhilePending = true;
        }
      });
      const final = await importAndWait(library, photos);
      expect(deletedWhilePending).toBe(true);
      expect(allRows(library).map((r) => r.display_path)).not.toContain('zz.jpg');
      expect(allRows(library).filter((r) => r.file_state === 'ok')).toHaveLength(30);
      expect(issues(library)).toEqual([{ path: victim, reason: 'It disappeared while the folder was being scanned (ENOENT)' }]);
      expect(final).toMatchObject({ state: 'done', total: 31, done: 31, errors: 1 });
    } finally {
      await library.close();
      removeDir(dir);
    }
  });
});
