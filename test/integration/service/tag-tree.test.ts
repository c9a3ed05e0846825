import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../../shared/events.js';
import { tagMatchIds } from '../../../electron/library/db/tag-match.js';
import { insertFolder, insertSyntheticItems } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let ids: number[];
let changes: LibraryChange[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const tagsOf = async (id: number) => (await call('media.get', { id })).tags;
const tree = async () => (await call('tags.tree', {})).map((n) => `${n.path} ${n.count}/${n.branchCount}`);
const nodeAt = async (path: string) => {
  const node = (await call('tags.tree', {})).find((n) => n.path === path);
  if (!node) throw new Error(`no tag ${path}`);
  return node;
};
const filtered = async (filter: Record<string, unknown>) =>
  (await call('media.listIds', { filter })).ids.slice().sort((a: number, b: number) => a - b);
const snapshot = () =>
  JSON.stringify({
    tags: t.library.db.prepare(`SELECT id, name, key, parent_id, level, level_key, colour, item_count FROM tags ORDER BY id`).all(),
    links: t.library.db.prepare(`SELECT media_id, tag_id, source FROM media_tags ORDER BY tag_id, source, media_id`).all(),
    aliases: t.library.db.prepare(`SELECT * FROM tag_aliases ORDER BY key`).all(),
    implies: t.library.db.prepare(`SELECT * FROM tag_implies ORDER BY tag_id, implied_id`).all(),
  });

beforeEach(async () => {
  t = openTempLibrary();
  ids = insertSyntheticItems(t.library.db, { count: 200, folderId: insertFolder(t.library.db, `${t.dir}/f`) });
  changes = [];
  t.library.events.on('library.changed', (change) => changes.push(change));
  const [a, b, c, d] = ids as [number, number, number, number];
  await call('media.editTags', { ids: [a], add: ['Places/France/Paris'] });
  await call('media.editTags', { ids: [b], add: ['Places/France/Lyon', 'Places/France/Paris'] });
  await call('media.editTags', { ids: [c], add: ['Places/Italy'] });
  await call('media.editTags', { ids: [d], add: ['Animals/cat'] });
});
afterEach(async () => t.dispose());

describe('paths on items', () => {
  it('creates the missing levels and keeps the full path on the item', async () => {
    expect(await tagsOf(ids[1] as number)).toEqual(['Places/France/Lyon', 'Places/France/Paris']);
    expect(await tree()).toEqual([
      'Animals 0/1',
      'Animals/cat 1/1',
      // Item b carries Lyon and Paris: it counts once in France and in Places.
      'Places 0/3',
      'Places/France 0/2',
      'Places/France/Lyon 1/1',
      'Places/France/Paris 2/2',
      'Places/Italy 1/1',
    ]);
    const paris = await nodeAt('Places/France/Paris');
    const france = await nodeAt('Places/France');
    expect(paris).toMatchObject({ name: 'Paris', parentId: france.id, colour: null, aliases: [], implies: [] });
  });

  it('folds case and Unicode form at every level, and writes a slash inside a level as \\/', async () => {
    await call('media.editTags', { ids: [ids[5]], add: ['PLACES/france/PARIS', 'Music/AC\\/DC'] });
    expect(await tagsOf(ids[5] as number)).toEqual(['Music/AC\\/DC', 'Places/France/Paris']);
    expect((await nodeAt('Music/AC\\/DC')).name).toBe('AC/DC');
    expect((await nodeAt('Places/France/Paris')).count).toBe(3);
  });

  it('refuses an empty level, control characters and over-long levels, changing nothing', async () => {
    const before = snapshot();
    await expectFolioError(call('media.editTags', { ids: [ids[0]], add: ['a//b'] }), 'INVALID_ARGUMENT');
    await expectFolioError(call('media.editTags', { ids: [ids[0]], add: ['a/b/'] }), 'INVALID_ARGUMENT');
    await expectFolioError(call('media.editTags', { ids: [ids[0]], add: ['a/\u0007b'] }), 'INVALID_ARGUMENT');
    await expectFolioError(call('media.editTags', { ids: [ids[0]], add: [`a/${'x'.repeat(101)}`] }), 'INVALID_ARGUMENT');
    expect(snapshot()).toBe(before);
  });
});

describe('filters on the tree', () => {
  it('a parent finds its branch; a level below the top does not match by itself', async () => {
    const [a, b, c] = ids as [number, number, number];
    expect(await filtered({ tagsAll: ['Places'] })).toEqual([a, b, c].sort((x, y) => x - y));
    expect(await filtered({ tagsAll: ['places/france'] })).toEqual([a, b].sort((x, y) => x - y));
    expect(await filtered({ tagsAll: ['France'] })).toEqual([]);
    expect(await filtered({ tagsAll: ['Places'], tagsNone: ['Places/France/Lyon'] })).toEqual([a, c].sort((x, y) => x - y));
    expect(await filtered({ tagsAny: ['Places/Italy', 'Animals'] })).toEqual([c, ids[3]].sort((x, y) => (x as number) - (y as number)));
    // A tag inside the none-of branch: nothing can match (answered without walking the library).
    expect(await filtered({ tagsAll: ['Places/France/Paris'], tagsNone: ['Places'] })).toEqual([]);
    expect(await filtered({ tagsAny: ['Places/Italy', 'Places/France'], tagsNone: ['Places'] })).toEqual([]);
    expect(await call('media.list', { filter: { query: 'tag:Places/France -tag:Places' }, withTotal: true })).toMatchObject({ items: [], total: 0 });
    // …while one tag of the set outside the none-of tags still matches.
    expect(await filtered({ tagsAny: ['Places/Italy', 'Animals'], tagsNone: ['Places'] })).toEqual([ids[3]]);
    // A large library picks the driver by the branch's count: both drivers agree.
    expect((await call('media.list', { filter: { tagsAll: ['Places', 'Places/France'] }, limit: 1 })).items.map((i) => i.id)).toHaveLength(1);
  });

  it('an alias finds its tag, and an implication counts as the implied tag (chains included)', async () => {
    const [a, b, , d] = ids as [number, number, number, number];
    const paris = await nodeAt('Places/France/Paris');
    await call('tags.setAliases', { id: paris.id, add: ['City of Light'] });
    expect(await filtered({ tagsAll: ['city of light'] })).toEqual([a, b].sort((x, y) => x - y));
    const cat = await nodeAt('Animals/cat');
    await call('media.editTags', { ids: [ids[6]], add: ['kitten'] });
    const kitten = await nodeAt('kitten');
    await call('tags.setImplies', { id: kitten.id, add: ['Animals/cat'] });
    await call('tags.setImplies', { id: cat.id, add: ['Pets'] });
    expect(await filtered({ tagsAll: ['Pets'] })).toEqual([d, ids[6]].sort((x, y) => (x as number) - (y as number)));
    expect(await filtered({ tagsAll: ['Animals'] })).toEqual([d, ids[6]].sort((x, y) => (x as number) - (y as number)));
    expect(await filtered({ tagsAll: ['Pets'], tagsNone: ['kitten'] })).toEqual([d]);
    const item = await call('media.get', { id: ids[6] });
    expect(item.tags).toEqual(['kitten']);
    expect(item.impliedTags).toEqual(['Animals/cat', 'Pets']);
    expect(tagMatchIds(t.library.db, 'Pets').length).toBe(3);
    expect(tagMatchIds(t.library.db, 'nothing here')).toEqual([]);
    expect(tagMatchIds(t.library.db, 'a//b')).toEqual([]);
  });

  it('typing an alias stores the tag it stands for; autocomplete offers levels and aliases', async () => {
    const paris = await nodeAt('Places/France/Paris');
    await call('tags.setAliases', { id: paris.id, add: ['pa-ris'] });
    await call('media.editTags', { ids: [ids[9]], add: ['PA-RIS'] });
    expect(await tagsOf(ids[9] as number)).toEqual(['Places/France/Paris']);
    const found = await call('tags.list', { prefix: 'pa' });
    expect(found.map((n) => [n.path, n.viaAlias])).toEqual([['Places/France/Paris', undefined]]);
    const viaAlias = await call('tags.list', { prefix: 'pa-' });
    expect(viaAlias.map((n) => [n.path, n.viaAlias])).toEqual([['Places/France/Paris', 'pa-ris']]);
    expect((await call('tags.list', { prefix: 'places/f' })).map((n) => n.path)).toEqual(['Places/France/Paris', 'Places/France/Lyon', 'Places/France']);
    await call('media.editTags', { ids: [ids[9]], remove: ['pa-ris'] });
    expect(await tagsOf(ids[9] as number)).toEqual([]);
  });
});

describe('tags.update: rename and move', () => {
  it('renames a branch in one go, keeps every link, and undoes exactly', async () => {
    const before = snapshot();
    const places = await nodeAt('Places');
    const { tag, merged, undo } = await call('tags.update', { id: places.id, path: 'Travel' });
    expect(merged).toBe(false);
    expect(tag).toMatchObject({ id: places.id, path: 'Travel', name: 'Travel', branchCount: 3 });
    expect(await tagsOf(ids[1] as number)).toEqual(['Travel/France/Lyon', 'Travel/France/Paris']);
    expect(await filtered({ tagsAll: ['Travel/France'] })).toHaveLength(2);
    expect(await filtered({ tagsAll: ['Places'] })).toEqual([]);
    expect(changes.at(-1)?.aspects).toEqual(['tags']);
    await call('tags.undo', { token: undo });
    expect(snapshot()).toBe(before);
    await expectFolioError(call('tags.undo', { token: undo }), 'NOT_FOUND', 'token');
  });

  it('moves a branch under another (creating it) and back by undo', async () => {
    const before = snapshot();
    const france = await nodeAt('Places/France');
    const { tag, undo } = await call('tags.update', { id: france.id, path: 'Europe/France' });
    expect(tag.path).toBe('Europe/France');
    expect(await tree()).toContain('Europe 0/2');
    expect(await tagsOf(ids[0] as number)).toEqual(['Europe/France/Paris']);
    await call('tags.undo', { token: undo });
    expect(snapshot()).toBe(before);
  });

  it('onto an existing tag merges: counts add up, no item gets the tag twice; undo splits them again', async () => {
    const [a, b] = ids as [number, number];
    await call('media.editTags', { ids: [a, ids[7]], add: ['Cities/Paris', 'Cities/Paris/Louvre'] });
    const before = snapshot();
    const paris = await nodeAt('Places/France/Paris');
    const { tag, merged, undo } = await call('tags.update', { id: paris.id, path: 'cities/paris' });
    expect(merged).toBe(true);
    expect(tag.path).toBe('Cities/Paris');
    expect(tag.count).toBe(3);
    expect(await tagsOf(a)).toEqual(['Cities/Paris', 'Cities/Paris/Louvre']);
    expect(await tagsOf(b)).toEqual(['Cities/Paris', 'Places/France/Lyon']);
    await call('tags.undo', { token: undo });
    expect(snapshot()).toBe(before);
  });

  it('sets and clears a colour; refuses bad colours and moves under itself, changing nothing', async () => {
    const places = await nodeAt('Places');
    expect((await call('tags.update', { id: places.id, colour: '#F0A' })).tag.colour).toBe('#ff00aa');
    expect((await call('tags.update', { id: places.id, colour: null })).tag.colour).toBe(null);
    const before = snapshot();
    await expectFolioError(call('tags.update', { id: places.id, colour: 'red' }), 'INVALID_ARGUMENT');
    await expectFolioError(call('tags.update', { id: places.id, path: 'Places/France/Sub' }), 'INVALID_ARGUMENT', 'path');
    await expectFolioError(call('tags.update', { id: places.id, path: 'Places/New' }), 'INVALID_ARGUMENT', 'path');
    await expectFolioError(call('tags.update', { id: places.id, path: 'a//b' }), 'INVALID_ARGUMENT');
    await expectFolioError(call('tags.update', { id: 99_999, path: 'x' }), 'NOT_FOUND', 'id');
    await expectFolioError(call('tags.update', { id: places.id }), 'INVALID_ARGUMENT');
    expect(snapshot()).toBe(before);
  });
});

describe('tags.merge and tags.delete', () => {
  it('merges a selection into one, refuses its own descendant, and undoes', async () => {
    const before = snapshot();
    const { tag, undo } = await call('tags.merge', { from: ['Places/France/Lyon', (await nodeAt('Places/Italy')).id], into: 'Elsewhere' });
    expect(tag).toMatchObject({ path: 'Elsewhere', count: 2 });
    expect(await tagsOf(ids[2] as number)).toEqual(['Elsewhere']);
    await call('tags.undo', { token: undo });
    expect(snapshot()).toBe(before);
    await expectFolioError(call('tags.merge', { from: ['Places'], into: 'Places/France' }), 'INVALID_ARGUMENT', 'into');
    await expectFolioError(call('tags.merge', { from: ['no such'], into: 'x' }), 'NOT_FOUND', 'from[0]');
    expect(snapshot()).toBe(before);
  });

  it('deletes a branch from every item, counting them, and undo restores every link', async () => {
    const before = snapshot();
    const france = await nodeAt('Places/France');
    const result = await call('tags.delete', { id: france.id });
    expect(result).toMatchObject({ id: france.id, removedFrom: 2 });
    expect(await tagsOf(ids[1] as number)).toEqual([]);
    expect(await tree()).not.toContain('Places/France 0/3');
    await call('tags.undo', { token: result.undo });
    expect(snapshot()).toBe(before);
  });

  it('undo restores 20,000 links of a deleted tag', async () => {
    const many = insertSyntheticItems(t.library.db, { count: 20_000, folderId: insertFolder(t.library.db, `${t.dir}/g`) });
    for (let i = 0; i < many.length; i += 10_000) await call('media.editTags', { ids: many.slice(i, i + 10_000), add: ['Big/one'] });
    const before = snapshot();
    const big = await nodeAt('Big/one');
    const { undo, removedFrom } = await call('tags.delete', { id: big.id });
    expect(removedFrom).toBe(20_000);
    await call('tags.undo', { token: undo });
    expect(snapshot()).toBe(before);
  });
});

describe('aliases and implications: bad input', () => {
  it('refuses alias cycles, an alias taken elsewhere and a used tag as alias unless the merge is confirmed', async () => {
    const paris = await nodeAt('Places/France/Paris');
    const lyon = await nodeAt('Places/France/Lyon');
    await call('tags.setAliases', { id: paris.id, add: ['paname'] });
    const before = snapshot();
    await expectFolioError(call('tags.setAliases', { id: paris.id, add: ['places/france/paris'] }), 'INVALID_ARGUMENT', 'add[0]');
    await expectFolioError(call('tags.setAliases', { id: lyon.id, add: ['Paname'] }), 'CONFLICT', 'add[0]');
    await expectFolioError(call('tags.setAliases', { id: paris.id, add: ['Animals/cat'] }), 'CONFLICT', 'add[0]');
    await expectFolioError(call('tags.setAliases', { id: paris.id, remove: ['nope'] }), 'NOT_FOUND', 'remove[0]');
    expect(snapshot()).toBe(before);
    const node = await call('tags.setAliases', { id: paris.id, add: ['Animals/cat'], confirmMerge: true });
    expect(node.aliases).toEqual(['Animals/cat', 'paname']);
    expect(await tagsOf(ids[3] as number)).toEqual(['Places/France/Paris']);
  });

  it('refuses implication cycles, implying itself or its own branch', async () => {
    const cat = await nodeAt('Animals/cat');
    const animals = await nodeAt('Animals');
    await call('tags.setImplies', { id: cat.id, add: ['Pets'] });
    const pets = await nodeAt('Pets');
    const before = snapshot();
    await expectFolioError(call('tags.setImplies', { id: pets.id, add: ['Animals/cat'] }), 'INVALID_ARGUMENT', 'add[0]');
    // Pets under Animals is no cycle (cat ⊂ Pets ⊂ Animals), but Pets → its own implier is.
    await expectFolioError(call('tags.setImplies', { id: cat.id, add: ['animals/cat'] }), 'INVALID_ARGUMENT', 'add[0]');
    await expectFolioError(call('tags.setImplies', { id: animals.id, add: ['Animals/cat'] }), 'INVALID_ARGUMENT', 'add[0]');
    await expectFolioError(call('tags.setImplies', { id: cat.id, remove: ['Places'] }), 'NOT_FOUND', 'remove[0]');
    expect(snapshot()).toBe(before);
    expect((await call('tags.setImplies', { id: cat.id, remove: ['pets'] })).implies).toEqual([]);
  });
});

describe('tags.undo latest', () => {
  it('undoes the most recent change, then the one before', async () => {
    const before = snapshot();
    await call('tags.update', { id: (await nodeAt('Places/Italy')).id, path: 'Italia' });
    const middle = snapshot();
    await call('tags.delete', { id: (await nodeAt('Animals')).id });
    await call('tags.undo', { token: 'latest' });
    expect(snapshot()).toBe(middle);
    await call('tags.undo', { token: 'latest' });
    expect(snapshot()).toBe(before);
  });
});
