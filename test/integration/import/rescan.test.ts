import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from '../service/expect-error.js';
import { allRows, importAndWait, rescanAndWait, rowAt, writeImage } from './import-fixture.js';

describe('rescanning a library folder', () => {
  let t: TempLibrary;
  let folder: string;
  let folderId: number;
  const ids: Record<string, number> = {};
  const file = (rel: string): string => path.join(folder, rel);
  const get = (id: number) => t.library.service.call('media.get', { id }, t.ctx);

  beforeAll(async () => {
    t = openTempLibrary({ workers: 2 });
    folder = path.join(t.dir, 'photos');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    for (const [i, name] of ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'sub/e.jpg'].entries()) await writeImage(file(name), i + 1);
    await importAndWait(t.library, folder);
    folderId = (await t.library.service.call('folders.list', {}, t.ctx))[0]?.id ?? 0;
    for (const row of allRows(t.library)) ids[row.display_path] = row.id;
    await t.library.service.call('media.editTags', { ids: Object.values(ids), add: ['holiday'] }, t.ctx);
    await t.library.service.call('media.update', { id: ids['a.jpg'] ?? 0, patch: { description: 'the first one', metadata: { rating: 5 } } }, t.ctx);
    await t.library.service.call('media.rename', { id: ids['d.jpg'] ?? 0, name: 'My favourite' }, t.ctx);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('finds new files and leaves unchanged ones alone', async () => {
    const before = allRows(t.library);
    await writeImage(file('new.jpg'), 99);
    const result = await rescanAndWait(t.library);
    expect(result).toMatchObject({ state: 'done', total: 6, done: 6, errors: 0 });
    expect(rowAt(t.library, 'new.jpg')).toMatchObject({ file_state: 'ok', availability: 'present' });
    for (const row of before) expect(allRows(t.library).find((r) => r.id === row.id)).toEqual(row);
  });

  it('re-reads a changed file and keeps everything the user gave it', async () => {
    const oldMd5 = rowAt(t.library, 'a.jpg').md5;
    await writeImage(file('a.jpg'), 7, { width: 80, height: 20 });
    await rescanAndWait(t.library);
    const item = await get(ids['a.jpg'] ?? 0);
    expect(item.md5).not.toBe(oldMd5);
    expect(item).toMatchObject({ width: 80, height: 20, fileState: 'ok', tags: ['holiday'], description: 'the first one', metadata: { rating: 5 } });
    expect(item.thumbnails).toHaveLength(4);
  });

  it('marks a deleted file missing, tags kept, and gives the item back when the file returns', async () => {
    const bytes = fs.readFileSync(file('b.jpg'));
    fs.rmSync(file('b.jpg'));
    await rescanAndWait(t.library);
    expect(await get(ids['b.jpg'] ?? 0)).toMatchObject({ availability: 'missing', tags: ['holiday'], status: 'active' });
    fs.writeFileSync(file('b.jpg'), bytes);
    await rescanAndWait(t.library);
    expect(await get(ids['b.jpg'] ?? 0)).toMatchObject({ availability: 'present', tags: ['holiday'], fileState: 'ok' });
    expect(allRows(t.library).filter((r) => r.display_path === 'b.jpg')).toHaveLength(1);
  });

  it('follows a moved or renamed file by its content: same item, same tags, no duplicate', async () => {
    const count = allRows(t.library).length;
    fs.renameSync(file('c.jpg'), file('sub/c-renamed.jpg'));
    fs.renameSync(file('d.jpg'), file('sub/d-moved.jpg'));
    await rescanAndWait(t.library);
    expect(allRows(t.library)).toHaveLength(count);
    const c = await get(ids['c.jpg'] ?? 0);
    // The display name followed the file, as the user never chose one; d's chosen name stays.
    expect(c).toMatchObject({ availability: 'present', path: file('sub/c-renamed.jpg'), name: 'c-renamed.jpg', originalName: 'c-renamed.jpg', tags: ['holiday'] });
    const d = await get(ids['d.jpg'] ?? 0);
    expect(d).toMatchObject({ availability: 'present', path: file('sub/d-moved.jpg'), name: 'My favourite', tags: ['holiday'] });
  });

  it('scans only the part asked for when a folder inside a library folder is imported', async () => {
    await writeImage(file('sub/only-here.jpg'), 50);
    await writeImage(file('top-level-later.jpg'), 51);
    const { folder: returned } = await t.library.importer.start(file('sub'));
    await t.library.importer.whenIdle();
    expect(returned.id).toBe(folderId);
    expect(await t.library.service.call('folders.list', {}, t.ctx)).toHaveLength(1);
    const paths = allRows(t.library).map((r) => r.display_path);
    expect(paths).toContain('sub/only-here.jpg');
    expect(paths).not.toContain('top-level-later.jpg');
    // Files outside the part scanned were not marked missing.
    expect(allRows(t.library).every((r) => r.availability === 'present')).toBe(true);
  });

  it('marks an unreachable folder offline (not missing), and brings it back', async () => {
    const away = `${folder}-unplugged`;
    fs.renameSync(folder, away);
    const result = await rescanAndWait(t.library);
    expect(result.state).toBe('done');
    expect(result.message).toMatch(/cannot be reached/);
    const [info] = await t.library.service.call('folders.list', {}, t.ctx);
    expect(info?.state).toBe('offline');
    expect(allRows(t.library).every((r) => r.availability === 'offline')).toBe(true);
    expect(await get(ids['a.jpg'] ?? 0)).toMatchObject({ tags: ['holiday'], description: 'the first one' });
    fs.renameSync(away, folder);
    await rescanAndWait(t.library);
    expect((await t.library.service.call('folders.list', {}, t.ctx))[0]?.state).toBe('online');
    expect(allRows(t.library).filter((r) => r.availability !== 'present').map((r) => r.display_path)).toEqual([]);
  });

  it('treats a folder that suddenly holds nothing as an unmounted disk: offline, not missing', async () => {
    const stash = `${folder}-stash`;
    fs.renameSync(folder, stash);
    fs.mkdirSync(folder);
    const result = await rescanAndWait(t.library);
    expect(result.message).toMatch(/is empty now/);
    expect(allRows(t.library).every((r) => r.availability === 'offline')).toBe(true);
    fs.rmdirSync(folder);
    fs.renameSync(stash, folder);
    await rescanAndWait(t.library);
    expect(allRows(t.library).every((r) => r.availability === 'present')).toBe(true);
  });
});

describe('choosing what to import', () => {
  let t: TempLibrary;

  beforeAll(() => {
    t = openTempLibrary({ workers: 1 });
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('refuses a missing path, a file, and the library’s own folder, changing nothing', async () => {
    const photo = path.join(t.dir, 'photo.jpg');
    await writeImage(photo, 1);
    await expectFolioError(t.library.service.call('import.start', { path: path.join(t.dir, 'nope') }, t.ctx), 'NOT_FOUND', 'path');
    await expectFolioError(t.library.service.call('import.start', { path: photo }, t.ctx), 'INVALID_ARGUMENT', 'path');
    await expectFolioError(t.library.service.call('import.start', { path: t.libraryDir }, t.ctx), 'INVALID_ARGUMENT', 'path');
    await expectFolioError(t.library.service.call('import.start', { path: '' }, t.ctx), 'INVALID_ARGUMENT');
    await expectFolioError(t.library.service.call('import.rescan', { folderIds: [999] }, t.ctx), 'NOT_FOUND', 'folderIds');
    expect(await t.library.service.call('folders.list', {}, t.ctx)).toEqual([]);
    expect(await t.library.service.call('import.status', {}, t.ctx)).toBeNull();
    expect(await t.library.service.call('import.cancel', {}, t.ctx)).toEqual({ cancelled: false });
  });

  it('runs queued imports one after another, in order', async () => {
    const one = path.join(t.dir, 'one');
    const two = path.join(t.dir, 'two');
    fs.mkdirSync(one);
    fs.mkdirSync(two);
    for (let i = 0; i < 5; i += 1) {
      await writeImage(path.join(one, `${i}.jpg`), 10 + i);
      await writeImage(path.join(two, `${i}.jpg`), 20 + i);
    }
    const seen: string[] = [];
    t.library.events.on('import.progress', (p) => {
      if (seen.at(-1) !== p.jobId) seen.push(p.jobId);
    });
    const first = await t.library.service.call('import.start', { path: one }, t.ctx);
    const second = await t.library.service.call('import.start', { path: two }, t.ctx);
    await t.library.importer.whenIdle();
    expect(seen).toEqual([first.jobId, second.jobId]);
    expect(first.folder).toMatchObject({ path: fs.realpathSync(one), state: 'online', itemCount: 0 });
    const jobs = t.library.db.prepare(`SELECT id, kind, state, total, done FROM import_jobs ORDER BY started_at`).all();
    expect(jobs).toEqual([
      { id: first.jobId, kind: 'import', state: 'done', total: 5, done: 5 },
      { id: second.jobId, kind: 'import', state: 'done', total: 5, done: 5 },
    ]);
  });

  it('folds existing library folders into a parent folder that is imported, ids and tags intact', async () => {
    const parent = t.dir;
    const before = allRows(t.library);
    await t.library.service.call('media.editTags', { ids: before.map((r) => r.id), add: ['kept'] }, t.ctx);
    const { folder } = await t.library.importer.start(parent);
    await t.library.importer.whenIdle();
    const folders = await t.library.service.call('folders.list', {}, t.ctx);
    expect(folders.map((f) => f.path)).toEqual([fs.realpathSync(parent)]);
    expect(folder.id).toBe(folders[0]?.id);
    for (const row of before) {
      const now = allRows(t.library).find((r) => r.id === row.id);
      expect(now?.folder_id).toBe(folder.id);
      expect(['one/', 'two/'].some((prefix) => now?.display_path === `${prefix}${row.display_path}`)).toBe(true);
      const item = await t.library.service.call('media.get', { id: row.id }, t.ctx);
      expect(item).toMatchObject({ availability: 'present', tags: ['kept'] });
    }
    const paths = allRows(t.library).map((r) => r.display_path);
    expect(paths).toContain('photo.jpg');
    expect(paths.some((p) => p.startsWith('library/'))).toBe(false);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
