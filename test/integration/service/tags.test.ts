import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../../shared/events.js';
import { insertFolder, insertSyntheticItems } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let ids: number[];
let changes: LibraryChange[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const tagsOf = async (id: number) => (await call('media.get', { id })).tags;
// tags.list answers TagNodes (tag tree); these tests look at the path and the count.
const listed = async (args: unknown) => (await call('tags.list', args)).map((tag) => ({ name: tag.path, count: tag.count }));
const linkCount = () => (t.library.db.prepare(`SELECT count(*) AS n FROM media_tags`).get() as { n: number }).n;

beforeEach(() => {
  t = openTempLibrary();
  ids = insertSyntheticItems(t.library.db, { count: 1_000, folderId: insertFolder(t.library.db, `${t.dir}/f`) });
  changes = [];
  t.library.events.on('library.changed', (change) => changes.push(change));
});
afterEach(async () => t.dispose());

describe('media.editTags', () => {
  it('adds and removes on many items at once and reports exactly what changed', async () => {
    const [a, b, c] = ids as [number, number, number];
    await call('media.editTags', { ids: [a], add: ['old', 'keep'] });
    const result = await call('media.editTags', { ids: [a, b, c, a], add: ['Beach', 'keep'], remove: ['old', 'never had'] });
    expect(result).toEqual({
      updated: 3,
      changes: {
        added: [
          { tag: 'Beach', ids: [a, b, c] },
          { tag: 'keep', ids: [b, c] },
        ],
        removed: [{ tag: 'old', ids: [a] }],
      },
      // A remove that matched nothing says so.
      unmatched: ['never had'],
    });
    expect(await tagsOf(a)).toEqual(['Beach', 'keep']);
    expect(await tagsOf(b)).toEqual(['Beach', 'keep']);
    expect(changes.at(-1)).toEqual({ aspects: ['tags'], ids: [a, b, c], actor: 'user' });
    // Doing it again changes nothing and says so.
    expect(await call('media.editTags', { ids: [a, b, c], add: ['beach'] })).toEqual({ updated: 0, changes: { added: [], removed: [] }, unmatched: [] });
  });

  it('the changes invert exactly: applying them backwards restores every item', async () => {
    const some = ids.slice(0, 50);
    await call('media.editTags', { ids: some.filter((_, i) => i % 2 === 0), add: ['x'] });
    const before = await call('media.getMany', { ids: some });
    const { changes: edit } = await call('media.editTags', { ids: some, add: ['x', 'y'], remove: ['z'] });
    for (const added of edit.added) await call('media.editTags', { ids: added.ids, remove: [added.tag] });
    for (const removed of edit.removed) await call('media.editTags', { ids: removed.ids, add: [removed.tag] });
    expect((await call('media.getMany', { ids: some })).map((item) => item.tags)).toEqual(before.map((item) => item.tags));
  });

  it('is all or nothing: one unknown id among 1,000 and nothing changes', async () => {
    await call('media.editTags', { ids: ids.slice(0, 10), add: ['existing'] });
    const links = linkCount();
    const tagsBefore = await listed({});
    const stamps = async () => (await call('media.getMany', { ids: ids.slice(0, 500) })).map((item) => [item.updatedAt, item.updatedBy]);
    const updatedBefore = await stamps();
    const withUnknown = [...ids.slice(0, 500), 9_999_999, ...ids.slice(500, 999)];
    expect(withUnknown).toHaveLength(1_000);
    await expectFolioError(call('media.editTags', { ids: withUnknown, add: ['brand new'], remove: ['existing'] }), 'NOT_FOUND', 'ids[500]');
    expect(linkCount()).toBe(links);
    expect(await listed({})).toEqual(tagsBefore);
    expect(t.library.db.prepare(`SELECT count(*) AS n FROM tags WHERE key = 'brand new'`).get()).toEqual({ n: 0 });
    expect(await stamps()).toEqual(updatedBefore);
  });

  it('refuses bad tags, naming the one at fault, and changes nothing', async () => {
    const cases: [string[], string][] = [
      [['ok', ''], 'add[1]'],
      [['   '], 'add[0]'],
      [['tab\tok', 'nul\u0000'], 'add[1]'],
      [['esc\u001b[31m'], 'add[0]'],
      [['x'.repeat(101)], 'add[0]'],
    ];
    for (const [add, field] of cases) await expectFolioError(call('media.editTags', { ids: [ids[0]], add }), 'INVALID_ARGUMENT', field);
    await expectFolioError(call('media.editTags', { ids: [ids[0]], remove: [''] }), 'INVALID_ARGUMENT', 'remove[0]');
    await expectFolioError(call('media.editTags', { ids: [ids[0]] }), 'INVALID_ARGUMENT', 'add');
    await expectFolioError(call('media.editTags', { ids: [ids[0]], add: [], remove: [] }), 'INVALID_ARGUMENT', 'add');
    await expectFolioError(call('media.editTags', { ids: [ids[0]], add: ['Sea'], remove: ['SEA'] }), 'INVALID_ARGUMENT', 'remove[0]');
    await expectFolioError(call('media.editTags', { ids: [], add: ['a'] }), 'INVALID_ARGUMENT', 'ids');
    await expectFolioError(call('media.editTags', { ids: [ids[0]], add: Array.from({ length: 1_001 }, (_, i) => `t${i}`) }), 'INVALID_ARGUMENT', 'add');
    expect(linkCount()).toBe(0);
  });

  it('one tag per key: whitespace, NFC/NFD and case twins in every script keep the first spelling', async () => {
    const [a, b, c, d] = ids as [number, number, number, number];
    await call('media.editTags', { ids: [a], add: ['  New \t York ', 'Cafe\u0301', 'Straße', 'ΣΊΣΥΦΟΣ', 'İstanbul'] });
    await call('media.editTags', { ids: [b], add: ['new york', 'Café', 'STRASSE', 'σίσυφος', 'i̇stanbul'] });
    await call('media.editTags', { ids: [c], add: ['NEW YORK', 'CAFÉ', 'strasse', 'Σίσυφος'] });
    expect(await tagsOf(b)).toEqual(await tagsOf(a));
    expect(await listed({})).toEqual(
      expect.arrayContaining([
        { name: 'New York', count: 3 },
        { name: 'Café', count: 3 },
        { name: 'Straße', count: 3 },
        { name: 'ΣΊΣΥΦΟΣ', count: 3 },
      ]),
    );
    expect((await listed({})).find((tag) => tag.name === 'İstanbul')?.count).toBe(2);
    // Removing by another spelling removes the same tag.
    await call('media.editTags', { ids: [a, b, c, d], remove: ['STRASSE', 'cafe\u0301'] });
    expect(await tagsOf(a)).not.toContain('Straße');
    expect(await tagsOf(c)).toEqual(['New York', 'ΣΊΣΥΦΟΣ']);
  });

  it('edits 100,000 ids in one call', async () => {
    const many = insertSyntheticItems(t.library.db, { count: 99_000, folderId: insertFolder(t.library.db, `${t.dir}/g`) });
    const all = [...ids, ...many];
    expect(all).toHaveLength(100_000);
    const result = await call('media.editTags', { ids: all, add: ['bulk'] });
    expect(result.updated).toBe(100_000);
    expect(result.changes.added[0]?.ids).toHaveLength(100_000);
    expect(await listed({ prefix: 'bul' })).toEqual([{ name: 'bulk', count: 100_000 }]);
    expect(changes.at(-1)).toEqual({ aspects: ['tags'], actor: 'user' });
    await expectFolioError(call('media.editTags', { ids: [...all, 1], add: ['x'] }), 'INVALID_ARGUMENT', 'ids');
  });
});

describe('media.tagSummary', () => {
  it('says which tags all and which only some of the items have', async () => {
    const [a, b, c] = ids as [number, number, number];
    await call('media.editTags', { ids: [a, b, c], add: ['all'] });
    await call('media.editTags', { ids: [a], add: ['some'] });
    expect(await call('media.tagSummary', { ids: [a, b, c, c] })).toEqual({
      total: 3,
      tags: [{ name: 'all', count: 3 }, { name: 'some', count: 1 }],
    });
    await expectFolioError(call('media.tagSummary', { ids: [a, 9_999_999] }), 'NOT_FOUND', 'ids[1]');
  });
});

describe('tags.list', () => {
  it('counts active items only, following trash, restore, AI tags and forgetting a folder', async () => {
    const [a, b, c] = ids as [number, number, number];
    await call('media.editTags', { ids: [a, b, c], add: ['x'] });
    await call('media.softDelete', { ids: [b] });
    expect(await listed({})).toEqual([{ name: 'x', count: 2 }]);
    await call('media.restore', { ids: [b] });
    expect(await listed({})).toEqual([{ name: 'x', count: 3 }]);
    t.library.db
      .prepare(`INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at) SELECT ?, id, 'local-analysis', 0.5, 'now' FROM tags`)
      .run(ids[9]);
    expect(await listed({})).toEqual([{ name: 'x', count: 3 }]);
    const folder = (await call('folders.list', {}))[0];
    await call('folders.remove', { id: folder?.id });
    expect(await listed({})).toEqual([]);
    expect(t.library.db.prepare(`SELECT count(*) AS n FROM tags`).get()).toEqual({ n: 0 });
  });

  it('autocompletes by key prefix, most used first, in any case and script', async () => {
    await call('media.editTags', { ids: ids.slice(0, 5), add: ['Street'] });
    await call('media.editTags', { ids: ids.slice(0, 9), add: ['Straße'] });
    await call('media.editTags', { ids: ids.slice(0, 2), add: ['stray cat'] });
    await call('media.editTags', { ids: ids.slice(0, 7), add: ['sea'] });
    await call('media.editTags', { ids: ids.slice(0, 3), add: ['new york', 'newt'] });
    expect(await listed({ prefix: 'STR' })).toEqual([
      { name: 'Straße', count: 9 },
      { name: 'Street', count: 5 },
      { name: 'stray cat', count: 2 },
    ]);
    expect(await listed({ prefix: 'strass' })).toEqual([{ name: 'Straße', count: 9 }]);
    expect(await listed({ prefix: 'straß' })).toEqual([{ name: 'Straße', count: 9 }]);
    expect(await listed({ prefix: 'new ' })).toEqual([{ name: 'new york', count: 3 }]);
    expect(await listed({ prefix: 's', limit: 2 })).toEqual([
      { name: 'Straße', count: 9 },
      { name: 'sea', count: 7 },
    ]);
    expect(await listed({ prefix: 'zzz' })).toEqual([]);
    expect(await listed({ prefix: '%' })).toEqual([]);
    expect((await listed({ prefix: '' })).length).toBe(6);
    await expectFolioError(call('tags.list', { limit: 0 }), 'INVALID_ARGUMENT', 'limit');
  });
});

describe('tags.rename', () => {
  it('renames a tag everywhere, and changes only the spelling when the key is the same', async () => {
    await call('media.editTags', { ids: ids.slice(0, 4), add: ['nyc'] });
    expect(await call('tags.rename', { from: 'NYC', to: 'New York' })).toEqual({ name: 'New York', count: 4 });
    expect(await tagsOf(ids[0] as number)).toEqual(['New York']);
    expect(await call('tags.rename', { from: 'new york', to: 'NEW YORK' })).toEqual({ name: 'NEW YORK', count: 4 });
    expect(await tagsOf(ids[3] as number)).toEqual(['NEW YORK']);
  });

  it('merges into an existing tag: an item with both keeps one', async () => {
    await call('media.editTags', { ids: ids.slice(0, 3), add: ['NYC'] });
    await call('media.editTags', { ids: ids.slice(2, 6), add: ['New York'] });
    expect(await call('tags.rename', { from: 'nyc', to: 'new york' })).toEqual({ name: 'New York', count: 6 });
    expect(await tagsOf(ids[2] as number)).toEqual(['New York']);
    expect(await listed({})).toEqual([{ name: 'New York', count: 6 }]);
  });

  // One vocabulary (tag tree): AI links name the same tag row, so they follow a rename.
  it('renames the tag for AI links too', async () => {
    await call('media.editTags', { ids: [ids[0]], add: ['blue'] });
    const tagId = (t.library.db.prepare(`SELECT id FROM tags WHERE key = 'blue'`).get() as { id: number }).id;
    t.library.db.prepare(`INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at) VALUES (?, ?, 'local-analysis', 0.4, 'now')`).run(ids[1], tagId);
    await call('tags.rename', { from: 'blue', to: 'azure' });
    expect((await call('media.get', { id: ids[1] })).aiTags).toEqual([{ name: 'azure', confidence: 0.4, source: 'local-analysis' }]);
    expect(await tagsOf(ids[0] as number)).toEqual(['azure']);
  });

  it('is NOT_FOUND for a tag no item has and INVALID_ARGUMENT for a bad name', async () => {
    await expectFolioError(call('tags.rename', { from: 'nothing', to: 'x' }), 'NOT_FOUND', 'from');
    await call('media.editTags', { ids: [ids[0]], add: ['a'] });
    await expectFolioError(call('tags.rename', { from: 'a', to: ' ' }), 'INVALID_ARGUMENT', 'to');
    await expectFolioError(call('tags.rename', { from: 'a', to: 'a\u0085' }), 'INVALID_ARGUMENT', 'to');
    expect(await tagsOf(ids[0] as number)).toEqual(['a']);
  });
});
