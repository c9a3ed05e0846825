import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../electron/library/db/migrations/index.js';
import { thumbnailPath } from '../../../electron/library/base/thumbnail-paths.js';
import { seedLibrary } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

beforeEach(() => {
  t = openTempLibrary();
});
afterEach(async () => t.dispose());

describe('library.info and folders', () => {
  it('reports where the library is and how much it holds', async () => {
    expect(await call('library.info', {})).toEqual({
      path: t.libraryDir,
      schemaVersion: SCHEMA_VERSION,
      itemCount: 0,
      trashCount: 0,
      tagCount: 0,
    });
    const a = await seedLibrary(t, ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg', 'jpg/Pentax_K10D.jpg'], { folderName: 'a', thumbnails: false });
    await call('media.editTags', { ids: [a.items[0]?.id], add: ['x', 'y'] });
    await call('media.softDelete', { ids: [a.items[1]?.id] });
    expect(await call('library.info', {})).toMatchObject({ itemCount: 2, trashCount: 1, tagCount: 2 });
    await expectFolioError(call('library.info', { verbose: true }), 'INVALID_ARGUMENT', 'verbose');
  });

  it('lists folders with their counts of active items', async () => {
    const a = await seedLibrary(t, ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg'], { folderName: 'a', thumbnails: false });
    const b = await seedLibrary(t, ['jpg/Pentax_K10D.jpg'], { folderName: 'b', thumbnails: false });
    await call('media.softDelete', { ids: [a.items[0]?.id] });
    const folders = await call('folders.list', {});
    expect(folders).toEqual([
      { id: a.folderId, path: a.folderPath, state: 'online', itemCount: 1, addedAt: expect.any(String), lastScanAt: null },
      { id: b.folderId, path: b.folderPath, state: 'online', itemCount: 1, addedAt: expect.any(String), lastScanAt: null },
    ]);
  });

  it('forgets a folder and its items, their links and thumbnails, never the files', async () => {
    const a = await seedLibrary(t, ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg'], { folderName: 'a' });
    const b = await seedLibrary(t, ['jpg/Pentax_K10D.jpg'], { folderName: 'b' });
    await call('media.editTags', { ids: [...a.items, ...b.items].map((item) => item.id), add: ['trip'] });
    const bytes = a.items.map((item) => fs.readFileSync(item.absPath));
    const changes: string[][] = [];
    t.library.events.on('library.changed', (change) => changes.push(change.aspects));
    expect(await call('folders.remove', { id: a.folderId })).toEqual({ id: a.folderId, removedItems: 2 });
    a.items.forEach((item, index) => expect(fs.readFileSync(item.absPath).equals(bytes[index] as Buffer)).toBe(true));
    expect(fs.existsSync(thumbnailPath(t.library.paths, a.items[0]?.md5 as string, 128))).toBe(false);
    expect(fs.existsSync(thumbnailPath(t.library.paths, b.items[0]?.md5 as string, 128))).toBe(true);
    expect((await call('folders.list', {})).map((folder) => folder.id)).toEqual([b.folderId]);
    expect((await call('tags.list', {})).map(({ path, count }) => ({ name: path, count }))).toEqual([{ name: 'trip', count: 1 }]);
    expect(changes).toEqual([['folders', 'items']]);
    await expectFolioError(call('folders.remove', { id: a.folderId }), 'NOT_FOUND', 'id');
  });
});
