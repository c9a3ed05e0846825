import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Album } from '../../../shared/albums.js';
import type { LibraryChange } from '../../../shared/events.js';
import { seedLibrary } from '../../helpers/seed-library.js';
import { openTempLibrary, testContext, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let ids: number[];
let changes: LibraryChange[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown, actor = 'user') =>
  t.library.service.call(method, args, testContext(actor));

const FILES = ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg', 'jpg/Fujifilm_FinePix_E500.jpg', 'jpg/Kodak_CX7530.jpg', 'jpg/Olympus_C8080WZ.jpg'];

beforeEach(async () => {
  t = openTempLibrary();
  const seeded = await seedLibrary(t, FILES, { thumbnails: false });
  ids = seeded.items.map((item) => item.id);
  changes = [];
  t.library.events.on('library.changed', (change) => changes.push(change));
});
afterEach(async () => t.dispose());

/** Both album tables exactly as stored, to prove a refused call changed nothing. */
const albumRows = () => ({
  albums: t.library.db.prepare(`SELECT * FROM albums ORDER BY id`).all(),
  items: t.library.db.prepare(`SELECT * FROM album_items ORDER BY album_id, media_id`).all(),
});
const itemIds = async (id: number) => (await call('albums.items', { id })).items.map((item) => item.id);
const at = (index: number) => ids[index] as number;
const byName = (albums: Album[], name: string) => albums.find((album) => album.name === name);

describe('albums: make, rename, move, delete', () => {
  it('creates an album, a folder and a smart album, lists them with counts and says "albums"', async () => {
    const folder = await call('albums.create', { name: 'Trips', kind: 'folder' });
    const album = await call('albums.create', { name: 'Iceland', parentId: folder.id });
    const smart = await call('albums.create', { name: 'Nikons', query: 'Nikon' });
    expect(folder).toMatchObject({ kind: 'folder', name: 'Trips', parentId: null, count: 0 });
    expect(album).toEqual({ id: album.id, kind: 'album', name: 'Iceland', parentId: folder.id, count: 0 });
    expect(smart).toMatchObject({ kind: 'smart', name: 'Nikons', query: 'Nikon', count: 1 });
    expect(changes.at(-1)).toMatchObject({ aspects: ['albums'], actor: 'user' });
    const list = await call('albums.list', {});
    expect(byName(list, 'Trips')).toMatchObject({ count: 1 });
    expect(list.map((a) => a.name)).toEqual(['Iceland', 'Nikons', 'Trips']);
  });

  it('renames and moves an album into a folder and back to the top', async () => {
    const folder = await call('albums.create', { name: 'Trips', kind: 'folder' });
    const album = await call('albums.create', { name: 'Iceland' });
    expect(await call('albums.update', { id: album.id, name: 'Iceland 2024', parentId: folder.id })).toMatchObject({
      name: 'Iceland 2024',
      parentId: folder.id,
    });
    expect(await call('albums.update', { id: album.id, parentId: null })).toMatchObject({ parentId: null });
  });

  it('refuses an unknown album, a duplicate name, an album as parent, a folder into itself or below itself; nothing changes', async () => {
    const outer = await call('albums.create', { name: 'Outer', kind: 'folder' });
    const inner = await call('albums.create', { name: 'Inner', kind: 'folder', parentId: outer.id });
    const album = await call('albums.create', { name: 'Keepers' });
    await call('albums.create', { name: 'Smart', query: 'canon' });
    const before = albumRows();
    await expectFolioError(call('albums.update', { id: 9999, name: 'X' }), 'NOT_FOUND', 'id');
    await expectFolioError(call('albums.delete', { id: 9999 }), 'NOT_FOUND', 'id');
    await expectFolioError(call('albums.create', { name: 'keepers' }), 'CONFLICT', 'name');
    // Smart albums and albums share one name space: `album:"Name"` names one of them.
    await expectFolioError(call('albums.create', { name: 'SMART', query: 'x' }), 'CONFLICT', 'name');
    await expectFolioError(call('albums.update', { id: album.id, name: 'Smart' }), 'CONFLICT', 'name');
    await expectFolioError(call('albums.create', { name: 'Child', parentId: album.id }), 'INVALID_ARGUMENT', 'parentId');
    await expectFolioError(call('albums.create', { name: 'Child', parentId: 9999 }), 'NOT_FOUND', 'parentId');
    await expectFolioError(call('albums.update', { id: outer.id, parentId: outer.id }), 'INVALID_ARGUMENT', 'parentId');
    await expectFolioError(call('albums.update', { id: outer.id, parentId: inner.id }), 'INVALID_ARGUMENT', 'parentId');
    await expectFolioError(call('albums.update', { id: album.id, query: 'x' }), 'INVALID_ARGUMENT', 'query');
    await expectFolioError(call('albums.create', { name: 'No search', kind: 'smart' }), 'INVALID_ARGUMENT', 'query');
    await expectFolioError(call('albums.create', { name: '  ' }), 'INVALID_ARGUMENT', 'name');
    await expectFolioError(call('albums.update', { id: album.id }), 'INVALID_ARGUMENT');
    expect(albumRows()).toEqual(before);
  });

  it('folders of the same name may sit in different folders, not side by side', async () => {
    const a = await call('albums.create', { name: 'A', kind: 'folder' });
    const b = await call('albums.create', { name: 'B', kind: 'folder' });
    await call('albums.create', { name: '2024', kind: 'folder', parentId: a.id });
    await call('albums.create', { name: '2024', kind: 'folder', parentId: b.id });
    await expectFolioError(call('albums.create', { name: '2024', kind: 'folder', parentId: b.id }), 'CONFLICT', 'name');
  });

  it('deleting an album keeps its items; deleting a folder moves its albums up a level', async () => {
    const folder = await call('albums.create', { name: 'Trips', kind: 'folder' });
    const album = await call('albums.create', { name: 'Iceland', parentId: folder.id });
    await call('albums.editItems', { id: album.id, add: [at(0), at(1)] });
    expect(await call('albums.delete', { id: folder.id })).toEqual({ id: folder.id });
    expect(byName(await call('albums.list', {}), 'Iceland')).toMatchObject({ parentId: null, count: 2 });
    await call('albums.delete', { id: album.id });
    expect(await call('albums.list', {})).toEqual([]);
    expect((await call('media.getMany', { ids })).length).toBe(FILES.length);
  });
});

describe('album items', () => {
  it('appends in the order given, lists in album order with a cursor, and the item lists its albums', async () => {
    const album = await call('albums.create', { name: 'Keepers' });
    const order = [at(3), at(0), at(4), at(1)];
    expect(await call('albums.editItems', { id: album.id, add: order })).toEqual({ added: 4, removed: 0, moved: 0, count: 4 });
    expect(changes.at(-1)).toMatchObject({ aspects: ['albums'], ids: order });
    const first = await call('albums.items', { id: album.id, limit: 3 });
    expect(first.items.map((item) => item.id)).toEqual(order.slice(0, 3));
    expect(first.total).toBe(4);
    const second = await call('albums.items', { id: album.id, limit: 3, cursor: first.nextCursor });
    expect(second.items.map((item) => item.id)).toEqual(order.slice(3));
    expect(second.nextCursor).toBeNull();
    expect((await call('media.get', { id: at(3) })).albums).toEqual([{ id: album.id, name: 'Keepers' }]);
    expect((await call('media.get', { id: at(2) })).albums).toEqual([]);
    // Adding again keeps each item where it was.
    await call('albums.editItems', { id: album.id, add: [at(2), at(0)] });
    expect(await itemIds(album.id)).toEqual([...order, at(2)]);
    expect(await call('albums.itemIds', { id: album.id })).toEqual({ ids: [...order, at(2)] });
  });

  it('moveBefore places items (new or already there) before another, in the order given; null moves them to the end', async () => {
    const album = await call('albums.create', { name: 'Keepers' });
    await call('albums.editItems', { id: album.id, add: [at(0), at(1), at(2)] });
    expect(await call('albums.editItems', { id: album.id, add: [at(2), at(3)], moveBefore: at(1) })).toEqual({
      added: 1,
      removed: 0,
      moved: 1,
      count: 4,
    });
    expect(await itemIds(album.id)).toEqual([at(0), at(2), at(3), at(1)]);
    await call('albums.editItems', { id: album.id, add: [at(1)], moveBefore: at(0) });
    expect(await itemIds(album.id)).toEqual([at(1), at(0), at(2), at(3)]);
    await call('albums.editItems', { id: album.id, add: [at(1)], moveBefore: null });
    expect(await itemIds(album.id)).toEqual([at(0), at(2), at(3), at(1)]);
  });

  it('keeps its order through many moves into the same gap (the album is spread out again)', async () => {
    const album = await call('albums.create', { name: 'Keepers' });
    await call('albums.editItems', { id: album.id, add: [at(0), at(1), at(2)] });
    // Moving the two last items before the second, alternately, halves the same gap each time.
    for (let round = 0; round < 80; round += 1) {
      const mover = round % 2 === 0 ? at(2) : at(1);
      const before = round % 2 === 0 ? at(1) : at(2);
      await call('albums.editItems', { id: album.id, add: [mover], moveBefore: before });
    }
    expect(await itemIds(album.id)).toEqual([at(0), at(1), at(2)]);
  });

  it('removes items; a trashed item leaves the view and the count, and comes back in its place on restore', async () => {
    const album = await call('albums.create', { name: 'Keepers' });
    await call('albums.editItems', { id: album.id, add: [at(0), at(1), at(2)] });
    expect(await call('albums.editItems', { id: album.id, remove: [at(0)] })).toMatchObject({ removed: 1, count: 2 });
    await call('media.softDelete', { ids: [at(1)] });
    expect(await itemIds(album.id)).toEqual([at(2)]);
    expect(byName(await call('albums.list', {}), 'Keepers')).toMatchObject({ count: 1, coverId: at(2) });
    await call('media.restore', { ids: [at(1)] });
    expect(await itemIds(album.id)).toEqual([at(1), at(2)]);
    expect(byName(await call('albums.list', {}), 'Keepers')).toMatchObject({ count: 2, coverId: at(1) });
  });

  it('refuses unknown items, a smart album or a folder, a bad moveBefore, a foreign cursor; nothing changes', async () => {
    const album = await call('albums.create', { name: 'Keepers' });
    const other = await call('albums.create', { name: 'Other' });
    const smart = await call('albums.create', { name: 'Smart', query: 'canon' });
    const folder = await call('albums.create', { name: 'Folder', kind: 'folder' });
    await call('albums.editItems', { id: album.id, add: [at(0), at(1), at(2)] });
    await call('albums.editItems', { id: other.id, add: [at(0), at(1)] });
    const before = albumRows();
    await expectFolioError(call('albums.editItems', { id: album.id, add: [at(3), 9999] }), 'NOT_FOUND', 'add[1]');
    await expectFolioError(call('albums.editItems', { id: 9999, add: [at(0)] }), 'NOT_FOUND', 'id');
    await expectFolioError(call('albums.editItems', { id: smart.id, add: [at(0)] }), 'INVALID_ARGUMENT', 'id');
    await expectFolioError(call('albums.editItems', { id: folder.id, add: [at(0)] }), 'INVALID_ARGUMENT', 'id');
    await expectFolioError(call('albums.editItems', { id: album.id, add: [at(3)], moveBefore: at(4) }), 'NOT_FOUND', 'moveBefore');
    await expectFolioError(call('albums.editItems', { id: album.id, add: [at(3)], moveBefore: at(3) }), 'INVALID_ARGUMENT', 'moveBefore');
    await expectFolioError(call('albums.editItems', { id: album.id, add: [at(3)], remove: [at(3)] }), 'INVALID_ARGUMENT', 'remove');
    await expectFolioError(call('albums.editItems', { id: album.id }), 'INVALID_ARGUMENT');
    expect(albumRows()).toEqual(before);
    const page = await call('albums.items', { id: other.id, limit: 1 });
    await expectFolioError(call('albums.items', { id: album.id, cursor: page.nextCursor }), 'INVALID_ARGUMENT', 'cursor');
    await expectFolioError(call('albums.items', { id: album.id, cursor: 'garbage' }), 'INVALID_ARGUMENT', 'cursor');
    await expectFolioError(call('albums.items', { id: folder.id }), 'INVALID_ARGUMENT', 'id');
  });

  it('forgetting an item (empty trash) takes it out of its albums', async () => {
    const album = await call('albums.create', { name: 'Keepers' });
    await call('albums.editItems', { id: album.id, add: [at(0), at(1)] });
    await call('media.softDelete', { ids: [at(0)] });
    await call('trash.empty', {});
    expect(t.library.db.prepare(`SELECT media_id FROM album_items`).pluck().all()).toEqual([at(1)]);
  });
});

describe('smart albums', () => {
  it('count and list what the search finds, live, in the search order; their query can change', async () => {
    await call('media.editTags', { ids: [at(0), at(2)], add: ['keeper'] });
    const smart = await call('albums.create', { name: 'Keepers', query: 'tag:keeper' });
    expect(smart.count).toBe(2);
    const listed = await call('media.list', { filter: { tagsAll: ['keeper'] } });
    expect(await itemIds(smart.id)).toEqual(listed.items.map((item) => item.id));
    expect((await call('albums.itemIds', { id: smart.id })).ids).toEqual(listed.items.map((item) => item.id));
    await call('media.editTags', { ids: [at(4)], add: ['keeper'] });
    expect(byName(await call('albums.list', {}), 'Keepers')).toMatchObject({ count: 3 });
    await call('media.softDelete', { ids: [at(0)] });
    expect(byName(await call('albums.list', {}), 'Keepers')).toMatchObject({ count: 2 });
    expect(await call('albums.update', { id: smart.id, query: 'tag:keeper -tag:nothing' })).toMatchObject({ query: 'tag:keeper -tag:nothing', count: 2 });
    // A smart album is not listed in an item's albums: it holds nothing by hand.
    expect((await call('media.get', { id: at(2) })).albums).toEqual([]);
  });
});
