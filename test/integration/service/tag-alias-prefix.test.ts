/**
 * An alias as a path prefix (issue 13): with `nyc` → `Places/USA/New York`, `nyc/Brooklyn`
 * written anywhere (tag edits, a PATCH, a rename's target, a search, a filter, autocomplete)
 * means `Places/USA/New York/Brooklyn`. Resolved in tag-repo's resolveTagKey / ensureTagPath,
 * the one place written paths become tags.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertFolder, insertSyntheticItems } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let ids: number[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const tagsOf = async (id: number) => (await call('media.get', { id })).tags;
const paths = async () => (await call('tags.tree', {})).map((n) => n.path);
const listed = async (query: string) => (await call('media.listIds', { filter: { query } })).ids.slice().sort((a: number, b: number) => a - b);

beforeEach(async () => {
  t = openTempLibrary();
  ids = insertSyntheticItems(t.library.db, { count: 20, folderId: insertFolder(t.library.db, `${t.dir}/f`) });
  await call('media.editTags', { ids: [ids[0]], add: ['Places/USA/New York'] });
  const ny = (await call('tags.tree', {})).find((n) => n.path === 'Places/USA/New York');
  await call('tags.setAliases', { id: ny?.id, add: ['nyc', 'Big/Apple'] });
});
afterEach(async () => t.dispose());

describe('an alias at the start of a path', () => {
  it('stores the tag it stands for, with the new levels below it, from a tag edit and a PATCH', async () => {
    const [a, b, c] = ids as [number, number, number];
    await call('media.editTags', { ids: [a], add: ['nyc/Brooklyn'] });
    expect(await tagsOf(a)).toEqual(['Places/USA/New York', 'Places/USA/New York/Brooklyn']);
    await call('media.update', { id: b, patch: { tags: ['NYC/brooklyn', 'nyc/Queens/Astoria'] } });
    expect(await tagsOf(b)).toEqual(['Places/USA/New York/Brooklyn', 'Places/USA/New York/Queens/Astoria']);
    // A multi-level alias works the same; the longest leading alias wins.
    await call('media.editTags', { ids: [c], add: ['big/apple/Harlem'] });
    expect(await tagsOf(c)).toEqual(['Places/USA/New York/Harlem']);
    expect(await paths()).not.toContain('nyc');
    expect((await paths()).some((p) => p.startsWith('nyc/') || p.startsWith('Big'))).toBe(false);
    await call('media.editTags', { ids: [b], remove: ['nyc/queens/astoria'] });
    expect(await tagsOf(b)).toEqual(['Places/USA/New York/Brooklyn']);
  });

  it('finds the tag in a search and a filter, and autocomplete for "nyc/" offers New York’s branch', async () => {
    const [a, b] = ids as [number, number];
    await call('media.editTags', { ids: [a, b], add: ['Places/USA/New York/Brooklyn'] });
    await call('media.editTags', { ids: [ids[2]], add: ['Places/USA/New York/Queens'] });
    expect(await listed('tag:nyc/Brooklyn')).toEqual([a, b].sort((x, y) => x - y));
    expect(await listed('tag:"nyc/brooklyn" -tag:nyc/queens')).toEqual([a, b].sort((x, y) => x - y));
    expect((await call('media.listIds', { filter: { tagsAll: ['nyc/Queens'] } })).ids).toEqual([ids[2]]);
    const offered = await call('tags.list', { prefix: 'nyc/' });
    expect(offered.map((n) => n.path)).toEqual(['Places/USA/New York/Brooklyn', 'Places/USA/New York/Queens']);
    expect((await call('tags.list', { prefix: 'NYC/bro' })).map((n) => n.path)).toEqual(['Places/USA/New York/Brooklyn']);
    // Without a slash the alias itself is offered, as before.
    expect((await call('tags.list', { prefix: 'ny' })).map((n) => [n.path, n.viaAlias])).toContainEqual(['Places/USA/New York', 'nyc']);
  });

  it('moves a tag below an alias’s tag, and refuses what is wrong there as anywhere else', async () => {
    await call('media.editTags', { ids: [ids[3]], add: ['Parks/Central Park'] });
    const park = (await call('tags.tree', {})).find((n) => n.path === 'Parks/Central Park');
    const { tag } = await call('tags.update', { id: park?.id, path: 'nyc/Central Park' });
    expect(tag.path).toBe('Places/USA/New York/Central Park');
    await expectFolioError(call('media.editTags', { ids: [ids[4]], add: ['nyc//Brooklyn'] }), 'INVALID_ARGUMENT');
    await expectFolioError(call('media.editTags', { ids: [ids[4]], add: ['nyc/'] }), 'INVALID_ARGUMENT');
    expect(await tagsOf(ids[4] as number)).toEqual([]);
  });
});
