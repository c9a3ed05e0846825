import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../../shared/events.js';
import { seedLibrary, type SeededLibrary } from '../../helpers/seed-library.js';
import { openTempLibrary, testContext, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let seeded: SeededLibrary;
let ids: number[];
let changes: LibraryChange[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown, actor = 'user') =>
  t.library.service.call(method, args, testContext(actor));

beforeEach(async () => {
  t = openTempLibrary();
  seeded = await seedLibrary(t, ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg', 'jpg/Fujifilm_FinePix_E500.jpg'], { thumbnails: false });
  ids = seeded.items.map((item) => item.id);
  changes = [];
  t.library.events.on('library.changed', (change) => changes.push(change));
});
afterEach(async () => t.dispose());

/** Every media row exactly as stored, to prove a refused call changed nothing. */
const allRows = () => t.library.db.prepare(`SELECT * FROM media ORDER BY id`).all();
const curatingOf = async (id: number) => {
  const item = await call('media.get', { id });
  return { rating: item.rating, label: item.label, flag: item.flag };
};

describe('curating fields', () => {
  it('a new item is unrated, unlabelled and unflagged, on the item and its tile', async () => {
    expect(await curatingOf(ids[0] as number)).toEqual({ rating: 0, label: 'none', flag: 'none' });
    const [tile] = await call('media.tiles', { ids: [ids[0]] });
    expect(tile).toMatchObject({ rating: 0, label: 'none', flag: 'none' });
  });

  it('media.update sets them, says "fields", and PUT clears those left out', async () => {
    const id = ids[0] as number;
    const item = await call('media.update', { id, patch: { rating: 4, label: 'green', flag: 'pick' } });
    expect(item).toMatchObject({ rating: 4, label: 'green', flag: 'pick', updatedBy: 'user' });
    expect(changes.at(-1)).toMatchObject({ aspects: ['fields'], ids: [id] });
    const replaced = await call('media.replace', { id, fields: { name: 'Kept', rating: 2 } });
    expect(replaced).toMatchObject({ name: 'Kept', rating: 2, label: 'none', flag: 'none' });
  });

  it('media.update refuses a bad rating, label or flag and changes nothing', async () => {
    const before = allRows();
    const id = ids[0] as number;
    await expectFolioError(call('media.update', { id, patch: { rating: 6 } }), 'INVALID_ARGUMENT', 'patch.rating');
    await expectFolioError(call('media.update', { id, patch: { rating: 2.5 } }), 'INVALID_ARGUMENT', 'patch.rating');
    await expectFolioError(call('media.update', { id, patch: { label: 'pink' } }), 'INVALID_ARGUMENT', 'patch.label');
    await expectFolioError(call('media.update', { id, patch: { flag: 'maybe' } }), 'INVALID_ARGUMENT', 'patch.flag');
    expect(allRows()).toEqual(before);
  });
});

describe('media.setCurating', () => {
  it('sets the named fields on every item in one call, leaves the others, and tells open UIs', async () => {
    await call('media.update', { id: ids[2], patch: { label: 'blue' } });
    changes = [];
    const result = await call('media.setCurating', { ids: [ids[2], ids[0], ids[0]], rating: 5, flag: 'reject' }, 'cli');
    expect(result).toEqual({ updated: 2 });
    expect(await curatingOf(ids[0] as number)).toEqual({ rating: 5, label: 'none', flag: 'reject' });
    expect(await curatingOf(ids[2] as number)).toEqual({ rating: 5, label: 'blue', flag: 'reject' });
    expect(await curatingOf(ids[1] as number)).toEqual({ rating: 0, label: 'none', flag: 'none' });
    expect((await call('media.get', { id: ids[0] })).updatedBy).toBe('cli');
    expect(changes).toEqual([{ aspects: ['fields'], ids: [ids[2], ids[0]], actor: 'cli' }]);
  });

  it('counts only the items whose values changed, and does not restamp the others', async () => {
    await call('media.setCurating', { ids: [ids[0]], label: 'red' }, 'user');
    const stamp = (await call('media.get', { id: ids[0] })).updatedBy;
    expect(await call('media.setCurating', { ids: [ids[0], ids[1]], label: 'red' }, 'api')).toEqual({ updated: 1 });
    expect((await call('media.get', { id: ids[0] })).updatedBy).toBe(stamp);
    expect((await call('media.get', { id: ids[1] })).updatedBy).toBe('api');
  });

  it('unrates, unlabels and unflags with 0 and none', async () => {
    await call('media.setCurating', { ids, rating: 3, label: 'purple', flag: 'pick' });
    await call('media.setCurating', { ids, rating: 0, label: 'none', flag: 'none' });
    for (const id of ids) expect(await curatingOf(id)).toEqual({ rating: 0, label: 'none', flag: 'none' });
  });

  it('refuses rating 6, label "pink", an empty edit, no ids and an unknown id, and changes nothing', async () => {
    const before = allRows();
    await expectFolioError(call('media.setCurating', { ids, rating: 6 }), 'INVALID_ARGUMENT', 'rating');
    await expectFolioError(call('media.setCurating', { ids, rating: -1 }), 'INVALID_ARGUMENT', 'rating');
    await expectFolioError(call('media.setCurating', { ids, label: 'pink' }), 'INVALID_ARGUMENT', 'label');
    await expectFolioError(call('media.setCurating', { ids, flag: 'keep' }), 'INVALID_ARGUMENT', 'flag');
    await expectFolioError(call('media.setCurating', { ids }), 'INVALID_ARGUMENT', 'rating');
    await expectFolioError(call('media.setCurating', { ids: [], rating: 1 }), 'INVALID_ARGUMENT', 'ids');
    await expectFolioError(call('media.setCurating', { ids, rating: 1, colour: 'red' }), 'INVALID_ARGUMENT');
    const unknown = await expectFolioError(call('media.setCurating', { ids: [ids[0], 999_999], rating: 4 }), 'NOT_FOUND', 'ids[1]');
    expect(unknown.message).toContain('nothing was changed');
    expect(allRows()).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('sorts by rating, best first, with the id as tie-breaker, across pages', async () => {
    await call('media.setCurating', { ids: [ids[1]], rating: 5 });
    await call('media.setCurating', { ids: [ids[2]], rating: 2 });
    const first = await call('media.list', { sort: { field: 'rating', direction: 'desc' }, limit: 2 });
    expect(first.items.map((item) => item.id)).toEqual([ids[1], ids[2]]);
    const next = await call('media.list', { sort: { field: 'rating', direction: 'desc' }, limit: 2, cursor: first.nextCursor });
    expect(next.items.map((item) => item.id)).toEqual([ids[0]]);
  });
});

describe('migration 008', () => {
  it('the database refuses a rating or label outside the ranges even past the service', () => {
    expect(() => t.library.db.prepare(`UPDATE media SET rating = 7 WHERE id = ?`).run(ids[0])).toThrow(/CHECK/);
    expect(() => t.library.db.prepare(`UPDATE media SET label = 'pink' WHERE id = ?`).run(ids[0])).toThrow(/CHECK/);
  });
});
