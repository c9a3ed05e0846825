import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseDriver, listAllIds, type ListSpec } from '../../../electron/library/db/media-list-query.js';
import { SORT_FIELDS, type SortField } from '../../../shared/media.js';
import type { MediaFilter } from '../../../shared/schemas.js';
import { insertFolder, insertSyntheticItems } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let ids: number[];
let folderId: number;

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

beforeEach(async () => {
  t = openTempLibrary();
  folderId = insertFolder(t.library.db, `${t.dir}/synthetic`);
  ids = insertSyntheticItems(t.library.db, { count: 230, folderId });
  // Tags with a known pattern: "even" on even positions, "third" on every third, "rare" on two.
  const db = t.library.db;
  await call('media.editTags', { ids: ids.filter((_, i) => i % 2 === 0), add: ['even'] });
  await call('media.editTags', { ids: ids.filter((_, i) => i % 3 === 0), add: ['third'] });
  await call('media.editTags', { ids: [ids[7], ids[200]], add: ['Rare'] });
  db.prepare(`UPDATE media SET type = 'video' WHERE id IN (?, ?, ?)`).run(ids[1], ids[2], ids[3]);
  db.prepare(`UPDATE media SET availability = 'missing' WHERE id = ?`).run(ids[4]);
  db.prepare(`UPDATE media SET file_state = 'damaged', state_reason = 'truncated' WHERE id = ?`).run(ids[5]);
});
afterEach(async () => t.dispose());

/** Walks every page with a small limit and returns the ids in order. */
async function walk(filter: MediaFilter | undefined, sort: { field: SortField; direction: 'asc' | 'desc' }, limit = 17) {
  const seen: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page += 1) {
    const result = await call('media.list', { filter, sort, limit, ...(cursor ? { cursor } : {}) });
    expect(result.items.length).toBeLessThanOrEqual(limit);
    seen.push(...result.items.map((item) => item.id));
    if (result.nextCursor === null) return seen;
    expect(result.items).toHaveLength(limit);
    cursor = result.nextCursor;
  }
  throw new Error('paging did not end');
}

/** The expected order, computed in JavaScript from the rows. */
const ACTIVE = `id NOT IN (SELECT media_id FROM trash)`;

function expectedOrder(column: string, direction: 'asc' | 'desc', where = ACTIVE): number[] {
  const rows = t.library.db.prepare(`SELECT id, ${column} AS v FROM media WHERE ${where}`).all() as { id: number; v: string | number }[];
  const sign = direction === 'asc' ? 1 : -1;
  rows.sort((a, b) => (a.v < b.v ? -sign : a.v > b.v ? sign : sign * (a.id - b.id)));
  return rows.map((row) => row.id);
}

const COLUMNS: Record<SortField, string> = { name: 'name_key', takenAt: 'sort_date', addedAt: 'created_at', size: 'file_size', rating: 'rating' };

describe('media.list keyset paging', () => {
  for (const field of SORT_FIELDS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`visits every item exactly once, in order, sorted by ${field} ${direction}`, async () => {
        const seen = await walk(undefined, { field, direction });
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual(expectedOrder(COLUMNS[field], direction));
        expect(seen).toHaveLength(230);
      });
    }
  }

  it('pages a tag filter the same way under both query plans', async () => {
    const filter = { tagsAll: ['even'], tagsNone: ['third'] };
    const seen = await walk(filter, { field: 'takenAt', direction: 'desc' }, 9);
    const expected = expectedOrder(
      'sort_date',
      'desc',
      `${ACTIVE} AND id IN (${ids.filter((_, i) => i % 2 === 0 && i % 3 !== 0).join(',')})`,
    );
    expect(seen).toEqual(expected);
    // The same query driven by the tag's links and by the sort index gives the same ids.
    const evenId = (t.library.db.prepare(`SELECT id FROM tags WHERE key = 'even'`).get() as { id: number }).id;
    const thirdId = (t.library.db.prepare(`SELECT id FROM tags WHERE key = 'third'`).get() as { id: number }).id;
    const spec: ListSpec = {
      status: 'active', column: 'sort_date', direction: 'desc', after: null, tagsAll: [[evenId]], tagsNone: [thirdId],
      tagsAny: null, untagged: false, types: null, availability: null, fileStates: null, folderId: null, textMatch: null, textLike: [],
    };
    expect(listAllIds(t.library.db, spec, { kind: 'tag', setIndex: 0, tagIds: [evenId] })).toEqual(expected);
    expect(listAllIds(t.library.db, spec, { kind: 'index' })).toEqual(expected);
  });

  it('has no cursor on the last page, even when it is exactly full', async () => {
    const result = await call('media.list', { filter: { tagsAll: ['rare'] }, limit: 2 });
    expect(result.items).toHaveLength(2);
    expect(result.nextCursor).toBeNull();
  });

  it('refuses a cursor of another sort and a forged one', async () => {
    const first = await call('media.list', { sort: { field: 'name', direction: 'asc' }, limit: 5 });
    const cursor = first.nextCursor as string;
    await expectFolioError(call('media.list', { sort: { field: 'size', direction: 'asc' }, cursor }), 'INVALID_ARGUMENT', 'cursor');
    await expectFolioError(call('media.list', { sort: { field: 'name', direction: 'desc' }, cursor }), 'INVALID_ARGUMENT', 'cursor');
    await expectFolioError(call('media.list', { cursor: 'not-a-cursor' }), 'INVALID_ARGUMENT', 'cursor');
    const forged = Buffer.from(JSON.stringify(['takenAt', 'desc', { $gt: 1 }, 1])).toString('base64url');
    await expectFolioError(call('media.list', { cursor: forged }), 'INVALID_ARGUMENT', 'cursor');
    await expectFolioError(call('media.list', { limit: 501 }), 'INVALID_ARGUMENT', 'limit');
    await expectFolioError(call('media.list', { sort: { field: 'colour', direction: 'asc' } }), 'INVALID_ARGUMENT');
  });
});

describe('media.list filters', () => {
  const idsOf = async (filter: MediaFilter) => (await call('media.listIds', { filter, sort: { field: 'addedAt', direction: 'asc' } })).ids;
  const sorted = (list: number[]) => [...list].sort((a, b) => a - b);

  it('tagsAll, tagsNone, tagsAny and untagged, by any spelling of the tag', async () => {
    expect(sorted(await idsOf({ tagsAll: ['EVEN', 'Third'] }))).toEqual(ids.filter((_, i) => i % 6 === 0));
    expect(sorted(await idsOf({ tagsAny: ['rare', 'third'] }))).toEqual(ids.filter((_, i) => i % 3 === 0 || i === 7 || i === 200));
    expect(sorted(await idsOf({ tagsNone: ['even', 'third'] }))).toEqual(ids.filter((_, i) => i % 2 !== 0 && i % 3 !== 0));
    expect(sorted(await idsOf({ untagged: true }))).toEqual(ids.filter((_, i) => i % 2 !== 0 && i % 3 !== 0 && i !== 7));
    expect(await idsOf({ tagsAll: ['even', 'no such tag'] })).toEqual([]);
    expect(await idsOf({ tagsAny: ['no such tag'] })).toEqual([]);
    expect(sorted(await idsOf({ tagsNone: ['no such tag'] }))).toEqual(ids);
  });

  it('type, availability, fileState and folder', async () => {
    expect(sorted(await idsOf({ type: ['video'] }))).toEqual([ids[1], ids[2], ids[3]]);
    expect(await idsOf({ availability: ['missing'] })).toEqual([ids[4]]);
    expect(await idsOf({ fileState: ['damaged', 'unsupported'] })).toEqual([ids[5]]);
    expect(await idsOf({ folderId })).toHaveLength(230);
    expect(await idsOf({ folderId: folderId + 1 })).toEqual([]);
  });

  it('text in name and description: any part of a word, any case, accents ignored, every word', async () => {
    await call('media.update', { id: ids[10], patch: { name: 'Sunset over Lake Geneva.jpg' } });
    await call('media.update', { id: ids[11], patch: { description: 'A café in Montréal at sunset' } });
    await call('media.update', { id: ids[12], patch: { name: '100% done_ok.png' } });
    expect(sorted(await idsOf({ text: 'SUNSET' }))).toEqual([ids[10], ids[11]]);
    expect(await idsOf({ text: 'sunset cafe' })).toEqual([ids[11]]);
    expect(await idsOf({ text: 'montreal' })).toEqual([ids[11]]);
    expect(await idsOf({ text: 'eneva' })).toEqual([ids[10]]);
    // Short words are matched too (without the index), and LIKE wildcards are literal.
    expect(await idsOf({ text: '0%' })).toEqual([ids[12]]);
    expect(await idsOf({ text: 'e_o' })).toEqual([ids[12]]);
    expect(await idsOf({ text: '"quoted' })).toEqual([]);
  });

  it('status deleted lists the trash; withTotal counts every match', async () => {
    await call('media.softDelete', { ids: [ids[0], ids[6]] });
    const trash = await call('media.list', { filter: { status: 'deleted' }, withTotal: true });
    expect(trash.total).toBe(2);
    expect(sorted(trash.items.map((item) => item.id))).toEqual([ids[0], ids[6]]);
    expect(trash.items.every((item) => item.status === 'deleted' && item.deletedAt !== null)).toBe(true);
    const active = await call('media.list', { filter: { tagsAll: ['even'] }, limit: 3, withTotal: true });
    expect(active.total).toBe(113);
    expect(active.items).toHaveLength(3);
    expect((await call('media.list', { filter: { tagsAll: ['nope'] }, withTotal: true })).total).toBe(0);
  });

  it('listIds gives the same order as paging through media.list', async () => {
    for (const field of SORT_FIELDS) {
      const sort = { field, direction: 'desc' as const };
      const filter = { tagsNone: ['third'] };
      expect((await call('media.listIds', { filter, sort })).ids).toEqual(await walk(filter, sort, 50));
    }
  });
});

describe('chooseDriver', () => {
  const base: ListSpec = {
    status: 'active', column: 'sort_date', direction: 'desc', after: null, tagsAll: [[5], [9]], tagsNone: [], tagsAny: null,
    untagged: false, types: null, availability: null, fileStates: null, folderId: null, textMatch: null, textLike: [],
  };
  it('starts from a rare tag, walks the index for common ones, reads the trash from its table, and always uses text when given', () => {
    expect(chooseDriver(base, { tagCounts: [50_000, 40], itemCount: 1_000_000 }, 100)).toEqual({ kind: 'tag', setIndex: 1, tagIds: [9] });
    expect(chooseDriver(base, { tagCounts: [300_000, 200_000], itemCount: 1_000_000 }, 100)).toEqual({ kind: 'index' });
    expect(chooseDriver(base, { tagCounts: [300_000, 200_000], itemCount: 1_000_000 }, null)).toEqual({ kind: 'tag', setIndex: 1, tagIds: [9] });
    // Every id (the grid's list): the tag's links, however common it is.
    expect(chooseDriver(base, { tagCounts: [900_000, 800_000], itemCount: 1_000_000 }, null)).toEqual({ kind: 'tag', setIndex: 1, tagIds: [9] });
    expect(chooseDriver({ ...base, status: 'deleted' }, { tagCounts: [1, 1], itemCount: 1_000_000 }, 100)).toEqual({ kind: 'trash' });
    expect(chooseDriver({ ...base, status: 'deleted', tagsAll: [] }, { tagCounts: [], itemCount: 10 }, null)).toEqual({ kind: 'trash' });
    expect(chooseDriver({ ...base, textMatch: '"abc"' }, { tagCounts: [1, 1], itemCount: 10 }, 100)).toEqual({ kind: 'text' });
  });
});
