/**
 * The kept shape of `tags.tree` (migration 018): after every kind of change, whoever makes it,
 * the tree the library answers is the tree a fresh connection builds from the rows. A fresh
 * connection has nothing kept, so it is the reference.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tagTree } from '../../../electron/library/db/tag-tree-query.js';
import { insertFolder, insertSyntheticItems } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';

let t: TempLibrary;
let ids: number[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const libraryFile = (): string => path.join(t.libraryDir, 'library.sqlite');

function freshTree(): ReturnType<typeof tagTree> {
  const db = new Database(libraryFile(), { readonly: true });
  try {
    return tagTree(db);
  } finally {
    db.close();
  }
}
const shapeVersion = (): number => t.library.db.prepare(`SELECT version FROM tag_shape`).pluck().get() as number;
const idOf = async (p: string): Promise<number> => {
  const node = (await call('tags.tree', {})).find((n) => n.path === p);
  if (!node) throw new Error(`no tag ${p}`);
  return node.id;
};
async function expectFresh(): Promise<void> {
  expect(await call('tags.tree', {})).toEqual(freshTree());
}

beforeEach(async () => {
  t = openTempLibrary();
  ids = insertSyntheticItems(t.library.db, { count: 20, folderId: insertFolder(t.library.db, `${t.dir}/f`) });
  await call('media.editTags', { ids: ids.slice(0, 5), add: ['Places/France/Paris', 'Animals/cat'] });
  await call('tags.tree', {}); // the shape is now kept
});
afterEach(async () => t.dispose());

describe('the kept shape of the tag tree', () => {
  it('reads new counts without building the shape again, and a new tag moves the version', async () => {
    const before = shapeVersion();
    await call('media.editTags', { ids: ids.slice(5, 12), add: ['Animals/cat'] });
    expect(shapeVersion()).toBe(before); // counts only
    const tree = await call('tags.tree', {});
    expect(tree.find((n) => n.path === 'Animals/cat')).toMatchObject({ count: 12, branchCount: 12 });
    expect(tree.find((n) => n.path === 'Animals')).toMatchObject({ count: 0, branchCount: 12 });
    await expectFresh();
    await call('media.editTags', { ids: [ids[0] as number], add: ['Animals/bird'] });
    expect(shapeVersion()).toBeGreaterThan(before);
    await expectFresh();
  });

  it('follows a rename, a move, a colour, aliases, implications, a merge, a delete and their undos', async () => {
    const places = await idOf('Places');
    const rename = await call('tags.update', { id: places, path: 'Travel' });
    await expectFresh();
    await call('tags.update', { id: await idOf('Travel/France'), path: 'Europe/France', colour: '#aa3300' });
    await expectFresh();
    await call('tags.setAliases', { id: await idOf('Animals/cat'), add: ['kitty', 'chat'] });
    await expectFresh();
    await call('tags.setImplies', { id: await idOf('Animals/cat'), add: ['Pets'] });
    await expectFresh();
    await call('tags.setImplies', { id: await idOf('Animals/cat'), remove: ['Pets'] });
    await call('tags.setAliases', { id: await idOf('Animals/cat'), remove: ['chat'] });
    await expectFresh();
    const merge = await call('tags.merge', { from: ['Animals/cat'], into: 'Animals/feline' });
    await expectFresh();
    const removed = await call('tags.delete', { id: await idOf('Europe') });
    await expectFresh();
    for (const token of [removed.undo, merge.undo, rename.undo]) {
      await call('tags.undo', { token });
      await expectFresh();
    }
    expect((await call('tags.tree', {})).map((n) => n.path)).toContain('Places/France/Paris');
  });

  it('sees a change made through another connection (another process on the same library)', async () => {
    const other = new Database(libraryFile());
    try {
      other.prepare(`UPDATE tags SET colour = '#00ff00' WHERE name = 'Animals'`).run();
    } finally {
      other.close();
    }
    expect((await call('tags.tree', {})).find((n) => n.path === 'Animals')?.colour).toBe('#00ff00');
    await expectFresh();
  });

  it('answers with lists no caller can change', async () => {
    await call('tags.setAliases', { id: await idOf('Animals/cat'), add: ['kitty'] });
    const node = (await call('tags.tree', {})).find((n) => n.path === 'Animals/cat');
    expect(() => node?.aliases.push('changed')).toThrow(TypeError);
    expect((await call('tags.tree', {})).find((n) => n.path === 'Animals/cat')?.aliases).toEqual(['kitty']);
  });
});
