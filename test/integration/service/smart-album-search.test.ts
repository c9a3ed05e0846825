/**
 * `album:"Name"` against a real library: a hand-made album, a smart album (its saved search
 * expanded, nested through other smart albums), a folder of albums (everything inside it), and
 * the loops a smart album's search can make, refused with the loop named and nothing changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedLibrary } from '../../helpers/seed-library.js';
import { openTempLibrary, testContext, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let ids: number[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, testContext('user'));

const FILES = ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg', 'jpg/Fujifilm_FinePix_E500.jpg', 'jpg/Kodak_CX7530.jpg', 'jpg/Olympus_C8080WZ.jpg'];
const at = (index: number) => ids[index] as number;

/** The ids the search finds (sorted) and the total the gallery shows with them. */
async function found(query: string): Promise<{ ids: number[]; total: number | undefined }> {
  const result = await call('media.list', { filter: { query }, limit: 100, withTotal: true });
  return { ids: result.items.map((item) => item.id).sort((a, b) => a - b), total: result.total };
}
const sorted = (...list: number[]) => [...list].sort((a, b) => a - b);
const albumRows = () => t.library.db.prepare(`SELECT * FROM albums ORDER BY id`).all();

beforeEach(async () => {
  t = openTempLibrary();
  ids = (await seedLibrary(t, FILES, { thumbnails: false })).items.map((item) => item.id);
  await call('media.setCurating', { ids: [at(0), at(1)], rating: 5 });
  await call('media.setCurating', { ids: [at(2)], label: 'red' });
});
afterEach(async () => t.dispose());

describe('album: finds smart albums, folders and hand-made albums', () => {
  it('a smart album finds what its saved search finds, with the same total', async () => {
    await call('albums.create', { name: 'Best', query: 'rating:5' });
    expect(await found('album:Best')).toEqual({ ids: sorted(at(0), at(1)), total: 2 });
    expect(await found('album:"best" -tag:nothing')).toEqual({ ids: sorted(at(0), at(1)), total: 2 });
    expect(await found('-album:Best')).toEqual({ ids: sorted(at(2), at(3), at(4)), total: 3 });
  });

  it('expands a smart album that names another, and one that names a hand-made album', async () => {
    const keep = await call('albums.create', { name: 'Keep' });
    await call('albums.editItems', { id: keep.id, add: [at(3)] });
    await call('albums.create', { name: 'Best', query: 'rating:5' });
    await call('albums.create', { name: 'Shortlist', query: 'album:Best OR album:Keep OR label:red' });
    expect(await found('album:Shortlist')).toEqual({ ids: sorted(at(0), at(1), at(2), at(3)), total: 4 });
    // The smart album's own view agrees with the search.
    const list = await call('albums.list', {});
    expect(list.find((album) => album.name === 'Shortlist')).toMatchObject({ count: 4 });
  });

  it('follows a smart album\'s search as it changes (live, not a copy)', async () => {
    await call('albums.create', { name: 'Best', query: 'rating:5' });
    await call('albums.create', { name: 'Wrapper', query: 'album:Best' });
    await call('media.setCurating', { ids: [at(4)], rating: 5 });
    expect((await found('album:Wrapper')).total).toBe(3);
  });

  it('a folder\'s name finds the items of every album and smart album inside it, at any depth', async () => {
    const trips = await call('albums.create', { name: 'Trips', kind: 'folder' });
    const inner = await call('albums.create', { name: '2024', kind: 'folder', parentId: trips.id });
    const iceland = await call('albums.create', { name: 'Iceland', parentId: inner.id });
    await call('albums.editItems', { id: iceland.id, add: [at(4)] });
    await call('albums.create', { name: 'Red ones', query: 'label:red', parentId: trips.id });
    const elsewhere = await call('albums.create', { name: 'Elsewhere' });
    await call('albums.editItems', { id: elsewhere.id, add: [at(0)] });
    expect(await found('album:Trips')).toEqual({ ids: sorted(at(2), at(4)), total: 2 });
    expect(await found('album:2024')).toEqual({ ids: [at(4)], total: 1 });
  });

  it('a name that is no album finds nothing, as a missing tag does', async () => {
    expect(await found('album:"No such album"')).toEqual({ ids: [], total: 0 });
  });
});

describe('a smart album that refers to itself', () => {
  it('refuses a search that names its own album, directly, and says so on `query`; nothing changes', async () => {
    const before = albumRows();
    const error = await expectFolioError(call('albums.create', { name: 'Me', query: 'album:Me OR rating:5' }), 'INVALID_ARGUMENT', 'query');
    expect(error.message).toContain('"Me" → "Me"');
    expect(albumRows()).toEqual(before);
  });

  it('refuses a loop through another smart album, made by a new search or by a rename', async () => {
    const a = await call('albums.create', { name: 'A', query: 'album:B' });
    const before = albumRows();
    const error = await expectFolioError(call('albums.create', { name: 'B', query: 'album:A rating:5' }), 'INVALID_ARGUMENT', 'query');
    expect(error.message).toContain('"B" → "A" → "B"');
    expect(albumRows()).toEqual(before);
    const c = await call('albums.create', { name: 'C', query: 'album:A' });
    const beforeRename = albumRows();
    await expectFolioError(call('albums.update', { id: c.id, name: 'B' }), 'INVALID_ARGUMENT', 'query');
    expect(albumRows()).toEqual(beforeRename);
    await expectFolioError(call('albums.update', { id: a.id, query: 'album:C' }), 'INVALID_ARGUMENT', 'query');
    expect(albumRows()).toEqual(beforeRename);
  });

  it('refuses moving a smart album into a folder its own search names', async () => {
    const folder = await call('albums.create', { name: 'Picks', kind: 'folder' });
    const smart = await call('albums.create', { name: 'Picked', query: 'album:Picks' });
    await expectFolioError(call('albums.update', { id: smart.id, parentId: folder.id }), 'INVALID_ARGUMENT', 'query');
    expect((await call('albums.list', {})).find((album) => album.id === smart.id)).toMatchObject({ parentId: null });
  });

  it('a loop saved by an older version is INVALID_ARGUMENT naming it when searched, and the sidebar still loads', async () => {
    const now = new Date().toISOString();
    const insert = t.library.db.prepare(`INSERT INTO albums (kind, name, name_key, query, created_at) VALUES ('smart', ?, ?, ?, ?)`);
    insert.run('Ping', 'ping', 'album:Pong', now);
    insert.run('Pong', 'pong', 'album:Ping OR rating:5', now);
    const error = await expectFolioError(call('media.list', { filter: { query: 'label:red album:Ping' } }), 'INVALID_ARGUMENT', 'filter.query');
    expect(error.message).toContain('"Ping" → "Pong" → "Ping"');
    expect(error.message).toContain('at character 11');
    expect(error.details).toEqual({ position: 10, length: 'album:Ping'.length });
    expect((await call('albums.list', {})).map((album) => album.name)).toEqual(['Ping', 'Pong']);
    // An unrelated change is not blocked by the old loop; breaking the loop is allowed.
    await call('albums.create', { name: 'Fine', query: 'rating:5' });
    const pong = (await call('albums.list', {})).find((album) => album.name === 'Pong');
    await call('albums.update', { id: pong?.id, query: 'rating:5' });
    expect((await found('album:Ping')).total).toBe(2);
  });
});
