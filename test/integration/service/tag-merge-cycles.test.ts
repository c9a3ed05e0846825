/**
 * Merging tags never closes an implication cycle (issue 13). The rule: a merge of `a` into `b`
 * where `b` implies `a` drops that rule (it would make `b` imply itself, which says nothing);
 * a merge that would make a longer cycle (`b` → `c` → `a`, then `b` → `c` → `b`), directly or
 * through the tree (`b` implies a tag below `a`, which would land below `b`), is an
 * INVALID_ARGUMENT naming the cycle, and nothing changes. The same holds for a rename onto an
 * existing tag and an alias that merges a used tag in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertFolder, insertSyntheticItems } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let ids: number[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const idOf = async (p: string): Promise<number> => {
  const node = (await call('tags.tree', {})).find((n) => n.path === p);
  if (!node) throw new Error(`no tag ${p}`);
  return node.id;
};
const snapshot = () =>
  JSON.stringify({
    tags: t.library.db.prepare(`SELECT id, name, key, parent_id, colour, item_count, branch_count FROM tags ORDER BY id`).all(),
    links: t.library.db.prepare(`SELECT media_id, tag_id, source FROM media_tags ORDER BY tag_id, source, media_id`).all(),
    aliases: t.library.db.prepare(`SELECT * FROM tag_aliases ORDER BY key`).all(),
    implies: t.library.db.prepare(`SELECT * FROM tag_implies ORDER BY tag_id, implied_id`).all(),
    undo: t.library.db.prepare(`SELECT count(*) FROM tag_undo`).pluck().get(),
  });

beforeEach(async () => {
  t = openTempLibrary();
  ids = insertSyntheticItems(t.library.db, { count: 10, folderId: insertFolder(t.library.db, `${t.dir}/f`) });
  await call('media.editTags', { ids: [ids[0]], add: ['kitten'] });
  await call('media.editTags', { ids: [ids[1]], add: ['cat'] });
  await call('media.editTags', { ids: [ids[2]], add: ['feline', 'Wild/lynx'] });
});
afterEach(async () => t.dispose());

describe('merging and implications', () => {
  it('drops the rule between the two: merging kitten into cat, which implies kitten', async () => {
    await call('tags.setImplies', { id: await idOf('cat'), add: ['kitten', 'feline'] });
    const { tag } = await call('tags.merge', { from: ['kitten'], into: 'cat' });
    expect(tag.implies).toEqual(['feline']);
    expect((await call('media.get', { id: ids[0] })).tags).toEqual(['cat']);
    expect((await call('media.listIds', { filter: { tagsAll: ['feline'] } })).ids.sort()).toEqual([ids[0], ids[1], ids[2]].sort());
  });

  it('refuses a merge that would close a longer chain, naming it, and changes nothing', async () => {
    await call('tags.setImplies', { id: await idOf('cat'), add: ['feline'] });
    await call('tags.setImplies', { id: await idOf('feline'), add: ['kitten'] });
    const before = snapshot();
    const error = await expectFolioError(call('tags.merge', { from: ['kitten'], into: 'cat' }), 'INVALID_ARGUMENT', 'into');
    expect(error.message).toContain('implication cycle');
    expect(error.message).toMatch(/"cat" → "feline" → "cat"|"feline" → "cat" → "feline"/);
    expect(snapshot()).toBe(before);
    // A rename onto the existing tag is the same merge.
    await expectFolioError(call('tags.update', { id: await idOf('kitten'), path: 'CAT' }), 'INVALID_ARGUMENT', 'into');
    expect(snapshot()).toBe(before);
    // And an alias that merges the used tag in.
    await expectFolioError(call('tags.setAliases', { id: await idOf('cat'), add: ['kitten'], confirmMerge: true }), 'INVALID_ARGUMENT', 'into');
    expect(snapshot()).toBe(before);
  });

  it('refuses a merge whose moved branch closes a cycle through the tree', async () => {
    // feline implies Wild/lynx; merging Wild into feline puts lynx below feline: feline → lynx → (parent) feline.
    await call('tags.setImplies', { id: await idOf('feline'), add: ['Wild/lynx'] });
    const before = snapshot();
    const error = await expectFolioError(call('tags.merge', { from: ['Wild'], into: 'feline' }), 'INVALID_ARGUMENT', 'into');
    expect(error.message).toContain('"feline/lynx"');
    expect(snapshot()).toBe(before);
    // Without the rule the same merge goes through.
    await call('tags.setImplies', { id: await idOf('feline'), remove: ['Wild/lynx'] });
    const { tag } = await call('tags.merge', { from: ['Wild'], into: 'feline' });
    expect(tag.path).toBe('feline');
    expect((await call('media.get', { id: ids[2] })).tags).toEqual(['feline', 'feline/lynx']);
  });
});
