/**
 * actions/tag-vocabulary.ts against a real library: a move, a rename, a colour, a merge and a
 * delete are each undone with the token the library returned and redone by running again;
 * aliases and implications are undone by the opposite edit of what really changed; the store's
 * tag tree follows. The server and library are real.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refreshTagTree } from '../../../../renderer/src/actions/tag-tree-data.js';
import {
  addAlias,
  addImplied,
  deleteTag,
  deleteTags,
  listDelta,
  mergeTags,
  moveTag,
  removeAlias,
  renameTag,
  setTagColour,
} from '../../../../renderer/src/actions/tag-vocabulary.js';
import { redo, undo } from '../../../../renderer/src/actions/undo.js';
import { useStore } from '../../../../renderer/src/store/store.js';
import type { TagNode } from '../../../../renderer/src/store/tag-tree-slice.js';
import { testContext } from '../../../helpers/temp-library.js';
import { pageAgainstServer, type PageAgainstServer } from './page-against-server.js';

const initial = useStore.getState();
let page: PageAgainstServer;
let a: number;
let b: number;

beforeAll(async () => {
  page = await pageAgainstServer(['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg']);
  a = page.idOf('Canon_40D.jpg');
  b = page.idOf('Nikon_D70.jpg');
});
afterAll(async () => page.close());
beforeEach(async () => {
  useStore.setState(initial, true);
  // Each test starts from an empty vocabulary.
  const ctx = testContext();
  for (const id of [a, b]) await page.server.library.service.call('media.update', { id, patch: { tags: [] } }, ctx);
  for (const tag of await page.server.library.service.call('tags.tree', {}, ctx)) {
    if (tag.parentId === null) await page.server.library.service.call('tags.delete', { id: tag.id }, ctx).catch(() => undefined);
  }
});

const tagsOf = async (id: number) => (await page.server.library.service.call('media.get', { id }, testContext())).tags;
async function node(path: string): Promise<TagNode> {
  await refreshTagTree();
  const found = useStore.getState().tagNodes.find((t) => t.path.toLowerCase() === path.toLowerCase());
  if (!found) throw new Error(`no tag ${path} in the store`);
  return found;
}
const paths = async () => {
  await refreshTagTree();
  return useStore
    .getState()
    .tagNodes.map((t) => t.path)
    .sort();
};

describe('vocabulary changes and their undo', () => {
  it('a move under another tag, undone and redone', async () => {
    await page.elsewhere('media.editTags', { ids: [a], add: ['Paris'], remove: [] });
    await page.elsewhere('media.editTags', { ids: [b], add: ['France'], remove: [] });
    expect(await moveTag(await node('Paris'), await node('France'))).toBe(true);
    expect(await tagsOf(a)).toEqual(['France/Paris']);
    expect(useStore.getState().history.past.at(-1)?.label).toBe('Move tag “Paris” to “France/Paris”');
    await undo();
    expect(await tagsOf(a)).toEqual(['Paris']);
    await redo();
    expect(await tagsOf(a)).toEqual(['France/Paris']);
    expect((await node('France')).branchCount).toBe(2);
  });

  it('a rename in place keeps the parent, and a plain slash adds a level', async () => {
    await page.elsewhere('media.editTags', { ids: [a], add: ['Places/France'], remove: [] });
    expect(await renameTag(await node('Places/France'), 'Frankreich')).toBe(true);
    expect(await tagsOf(a)).toEqual(['Places/Frankreich']);
    expect(await renameTag(await node('Places/Frankreich'), 'Europe/France')).toBe(true);
    expect(await tagsOf(a)).toEqual(['Places/Europe/France']);
    await undo();
    await undo();
    expect(await tagsOf(a)).toEqual(['Places/France']);
    expect(await renameTag(await node('Places/France'), '  ')).toBe(false);
  });

  it('a colour, then none; undo brings the colour back', async () => {
    await page.elsewhere('media.editTags', { ids: [a], add: ['sea'], remove: [] });
    await setTagColour(await node('sea'), '#3e63dd');
    expect((await node('sea')).colour).toBe('#3e63dd');
    expect(useStore.getState().tagColours.size).toBe(1);
    await setTagColour(await node('sea'), null);
    expect((await node('sea')).colour).toBeNull();
    await undo();
    expect((await node('sea')).colour).toBe('#3e63dd');
  });

  it('a merge of two tags into one, undone', async () => {
    await page.elsewhere('media.editTags', { ids: [a], add: ['kitty'], remove: [] });
    await page.elsewhere('media.editTags', { ids: [b], add: ['cat'], remove: [] });
    expect(await mergeTags([await node('kitty'), await node('cat')], await node('cat'))).toBe(true);
    expect(await tagsOf(a)).toEqual(['cat']);
    expect(await paths()).toEqual(['cat']);
    await undo();
    expect(await tagsOf(a)).toEqual(['kitty']);
    expect(await paths()).toEqual(['cat', 'kitty']);
  });

  it('a delete says how many items lost the tag; undo restores every link', async () => {
    await page.elsewhere('media.editTags', { ids: [a, b], add: ['draft'], remove: [] });
    expect(await deleteTag(await node('draft'))).toBe(2);
    expect(await tagsOf(a)).toEqual([]);
    await undo();
    expect(await tagsOf(a)).toEqual(['draft']);
    expect(await tagsOf(b)).toEqual(['draft']);
  });

  it('several unused tags deleted at once are one undo step', async () => {
    await page.elsewhere('media.editTags', { ids: [a], add: ['old', 'older'], remove: [] });
    await page.elsewhere('media.editTags', { ids: [a], add: [], remove: ['old', 'older'] });
    const unused = [await node('old'), await node('older')];
    expect(await deleteTags(unused)).toBe(2);
    expect(await paths()).toEqual([]);
    expect(useStore.getState().history.past.at(-1)?.label).toBe('Delete 2 unused tags');
    await undo();
    expect(await paths()).toEqual(['old', 'older']);
    await redo();
    expect(await paths()).toEqual([]);
  });

  it('aliases and implications: undo is the opposite of what really changed', async () => {
    await page.elsewhere('media.editTags', { ids: [a], add: ['New York'], remove: [] });
    expect(await addAlias(await node('New York'), 'nyc')).toBe(true);
    expect((await node('New York')).aliases).toEqual(['nyc']);
    // Already there: nothing to do, nothing recorded.
    const before = useStore.getState().history.past.length;
    expect(await addAlias(await node('New York'), 'NYC')).toBe(false);
    expect(useStore.getState().history.past.length).toBe(before);
    await page.elsewhere('media.editTags', { ids: [b], add: ['nyc'], remove: [] });
    expect(await tagsOf(b)).toEqual(['New York']);
    expect(await removeAlias(await node('New York'), 'nyc')).toBe(true);
    await undo();
    expect((await node('New York')).aliases).toEqual(['nyc']);

    expect(await addImplied(await node('New York'), 'city')).toBe(true);
    expect((await page.server.library.service.call('media.get', { id: a }, testContext())).impliedTags).toEqual(['city']);
    await undo();
    expect((await node('New York')).implies).toEqual([]);
  });

  it('a refused change is reported and records nothing', async () => {
    await page.elsewhere('media.editTags', { ids: [a], add: ['Places/France'], remove: [] });
    const before = useStore.getState().history.past.length;
    // Straight into its own branch (the drop check would not allow it; the library refuses too).
    expect(await moveTag(await node('Places'), await node('Places/France'))).toBe(false);
    expect(useStore.getState().history.past.length).toBe(before);
    expect(useStore.getState().toasts.at(-1)?.kind).toBe('error');
    expect(await tagsOf(a)).toEqual(['Places/France']);
  });
});

describe('listDelta', () => {
  it('keeps only adds that are new and removes that are there, folding case', () => {
    expect(listDelta(['nyc'], ['NYC', 'big apple'], ['gotham', 'Nyc'])).toEqual({ add: ['big apple'], remove: ['Nyc'] });
  });
});

describe('a rename onto an existing tag', () => {
  it('merges the two, says so, and undo separates them', async () => {
    await page.elsewhere('media.editTags', { ids: [a], add: ['sea'], remove: [] });
    await page.elsewhere('media.editTags', { ids: [b], add: ['ocean'], remove: [] });
    expect(await renameTag(await node('sea'), 'ocean')).toBe(true);
    expect(await tagsOf(a)).toEqual(['ocean']);
    expect((await node('ocean')).count).toBe(2);
    expect(useStore.getState().toasts.map((t) => t.title)).toContain('“sea” merged into “ocean”');
    await undo();
    expect(await tagsOf(a)).toEqual(['sea']);
    expect(await tagsOf(b)).toEqual(['ocean']);
  });

  it('a gallery showing the tag follows the rename and its undo', async () => {
    await page.elsewhere('media.editTags', { ids: [a], add: ['Places/France'], remove: [] });
    useStore.getState().setView({ kind: 'tag', name: 'Places/France' });
    await renameTag(await node('Places'), 'Travel');
    expect(useStore.getState().view).toEqual({ kind: 'tag', name: 'Travel/France' });
    await undo();
    expect(useStore.getState().view).toEqual({ kind: 'tag', name: 'Places/France' });
  });
});
