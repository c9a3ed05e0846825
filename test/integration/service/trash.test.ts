import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { thumbnailPath } from '../../../electron/library/base/thumbnail-paths.js';
import type { LibraryChange } from '../../../shared/events.js';
import { seedLibrary, type SeededLibrary } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let seeded: SeededLibrary;
let changes: LibraryChange[];
let ids: number[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const statusOf = async (id: number) => (await call('media.get', { id })).status;
/** Every file of the folder and its bytes. */
function filesOf(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(folder, file)] = fs.readFileSync(file).toString('base64');
  }
  return out;
}

beforeEach(async () => {
  t = openTempLibrary();
  seeded = await seedLibrary(t, ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg', 'jpg/Pentax_K10D.jpg', 'jpg/Kodak_CX7530.jpg', 'jpg/Sony_HDR-HC3.jpg']);
  ids = seeded.items.map((item) => item.id);
  changes = [];
  t.library.events.on('library.changed', (change) => changes.push(change));
});
afterEach(async () => t.dispose());

describe('media.softDelete and media.restore', () => {
  it('moves an item with its derived versions (and theirs) to the trash and counts them', async () => {
    const [parent, child, grandchild, other] = ids as [number, number, number, number];
    await call('media.setParent', { ids: [child], parentId: parent });
    await call('media.setParent', { ids: [grandchild], parentId: child });
    expect(await call('media.softDelete', { ids: [parent] })).toEqual({ ids: [parent], deletedCount: 3 });
    for (const id of [parent, child, grandchild]) expect(await statusOf(id)).toBe('deleted');
    expect(await statusOf(other)).toBe('active');
    expect(changes.at(-1)).toMatchObject({ aspects: ['trash'], actor: 'user' });
    const trash = await call('media.list', { filter: { status: 'deleted' } });
    expect(trash.items.map((item) => item.id).sort()).toEqual([parent, child, grandchild].sort());
    expect((await call('media.list', {})).items.map((item) => item.id)).not.toContain(child);
    // Deleting again moves nothing more.
    expect(await call('media.softDelete', { ids: [parent, child] })).toEqual({ ids: [parent, child], deletedCount: 0 });
  });

  it('restores the versions that went with an item, not the ones trashed on their own before', async () => {
    const [parent, early, withIt] = ids as [number, number, number];
    await call('media.setParent', { ids: [early, withIt], parentId: parent });
    expect(await call('media.softDelete', { ids: [early] })).toMatchObject({ deletedCount: 1 });
    expect(await call('media.softDelete', { ids: [parent] })).toMatchObject({ deletedCount: 2 });
    expect(await call('media.restore', { ids: [parent] })).toEqual({ ids: [parent], restoredCount: 2 });
    expect(await statusOf(withIt)).toBe('active');
    expect(await statusOf(early)).toBe('deleted');
    expect((await call('media.get', { id: parent })).derivedCount).toBe(1);
  });

  it('a family trashed together comes back together from its top item', async () => {
    const [parent, child, grandchild] = ids as [number, number, number];
    await call('media.setParent', { ids: [child], parentId: parent });
    await call('media.setParent', { ids: [grandchild], parentId: child });
    await call('media.softDelete', { ids: [grandchild, child, parent] });
    expect(await call('media.restore', { ids: [parent] })).toMatchObject({ restoredCount: 3 });
  });

  it('restoring one version alone leaves its parent in the trash', async () => {
    const [parent, child] = ids as [number, number];
    await call('media.setParent', { ids: [child], parentId: parent });
    await call('media.softDelete', { ids: [parent] });
    expect(await call('media.restore', { ids: [child] })).toMatchObject({ restoredCount: 1 });
    expect(await statusOf(parent)).toBe('deleted');
    // …and restoring the parent later brings nothing else back twice.
    expect(await call('media.restore', { ids: [parent] })).toMatchObject({ restoredCount: 1 });
  });

  it('is all or nothing with an unknown id', async () => {
    await expectFolioError(call('media.softDelete', { ids: [ids[0], 9_999_999] }), 'NOT_FOUND', 'ids[1]');
    expect(await statusOf(ids[0] as number)).toBe('active');
    await call('media.softDelete', { ids: [ids[0]] });
    await expectFolioError(call('media.restore', { ids: [9_999_999, ids[0]] }), 'NOT_FOUND', 'ids[0]');
    expect(await statusOf(ids[0] as number)).toBe('deleted');
    expect(changes.filter((c) => c.aspects.includes('trash'))).toHaveLength(1);
  });
});

describe('trash.empty', () => {
  it('forgets trashed items and their unshared thumbnails, never touching the files', async () => {
    const [gone, shared, kept] = seeded.items as [(typeof seeded.items)[0], (typeof seeded.items)[0], (typeof seeded.items)[0]];
    // Another item with the same bytes as `shared` (a copy elsewhere) keeps its thumbnails alive.
    const copy = path.join(seeded.folderPath, 'copy-of-nikon.jpg');
    fs.copyFileSync(shared.absPath, copy);
    const copyId = Number(
      t.library.db
        .prepare(
          `INSERT INTO media (folder_id, rel_path, display_path, original_name, file_size, mtime, md5, name, name_key, created_at, updated_at, updated_by, type, file_state)
           SELECT folder_id, ?, 'copy-of-nikon.jpg', 'copy-of-nikon.jpg', file_size, mtime, md5, 'copy', 'copy', created_at, updated_at, 'import', type, file_state FROM media WHERE id = ?`,
        )
        .run(Buffer.from('copy-of-nikon.jpg'), shared.id).lastInsertRowid,
    );
    await call('media.editTags', { ids: [gone.id], add: ['only on trashed'] });
    await call('media.editTags', { ids: [gone.id, kept.id], add: ['on both'] });
    const filesBefore = filesOf(seeded.folderPath);
    await call('media.softDelete', { ids: [gone.id, shared.id] });
    expect(await call('trash.empty', {})).toEqual({ removedCount: 2 });

    expect(filesOf(seeded.folderPath)).toEqual(filesBefore);
    await expectFolioError(call('media.get', { id: gone.id }), 'NOT_FOUND');
    await expectFolioError(call('media.get', { id: shared.id }), 'NOT_FOUND');
    expect((await call('media.list', { filter: { status: 'deleted' } })).items).toEqual([]);
    for (const size of [64, 128, 512, 1080] as const) {
      expect(fs.existsSync(thumbnailPath(t.library.paths, gone.md5, size))).toBe(false);
      expect(fs.existsSync(thumbnailPath(t.library.paths, shared.md5, size))).toBe(true);
      expect(fs.existsSync(thumbnailPath(t.library.paths, kept.md5, size))).toBe(true);
    }
    expect((await call('media.get', { id: copyId })).thumbnails).toHaveLength(4);
    expect(t.library.db.prepare(`SELECT count(*) AS n FROM thumbnails WHERE md5 = ?`).get(gone.md5)).toEqual({ n: 0 });
    expect((await call('tags.list', {})).map(({ path, count }) => ({ name: path, count }))).toEqual([{ name: 'on both', count: 1 }]);
    expect(t.library.db.prepare(`SELECT count(*) AS n FROM tags WHERE key = 'only on trashed'`).get()).toEqual({ n: 0 });
    expect(t.library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.library.db.prepare(`SELECT count(*) AS n FROM media_text WHERE media_text MATCH 'Canon'`).get()).toEqual({ n: 0 });
  });

  it('leaves active derived versions of a purged item as items of their own', async () => {
    const [parent, child] = ids as [number, number];
    await call('media.setParent', { ids: [child], parentId: parent });
    await call('media.softDelete', { ids: [parent] });
    await call('media.restore', { ids: [child] });
    expect(await call('trash.empty', {})).toEqual({ removedCount: 1 });
    expect((await call('media.get', { id: child })).parentId).toBeNull();
    expect(await call('trash.empty', {})).toEqual({ removedCount: 0 });
  });
});
