/**
 * Distinct branch counts (issue 13, migration 017): a branch counts each active item once, however
 * many of its tags the item carries, and the kept count stays exact after every operation.
 * After each step the kept counts and the tree's closure are compared with a recount from the
 * links (wrongBranchCounts / wrongAncestries) on a real library file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wrongAncestries, wrongBranchCounts } from '../../../electron/library/db/tag-branch-counts.js';
import { insertFolder, insertSyntheticItems } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, writeImage } from '../import/import-fixture.js';
import { exiftoolWrite } from '../metadata/exiftool-files.js';

let t: TempLibrary;
let ids: number[];
let folderId: number;

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const branch = async (p: string): Promise<number | undefined> => (await call('tags.tree', {})).find((n) => n.path === p)?.branchCount;
const idOf = async (p: string): Promise<number> => {
  const node = (await call('tags.tree', {})).find((n) => n.path === p);
  if (!node) throw new Error(`no tag ${p}`);
  return node.id;
};
const expectExact = () => {
  expect(wrongBranchCounts(t.library.db)).toEqual([]);
  expect(wrongAncestries(t.library.db)).toEqual([]);
};

beforeEach(async () => {
  t = openTempLibrary();
  folderId = insertFolder(t.library.db, `${t.dir}/f`);
  ids = insertSyntheticItems(t.library.db, { count: 60, folderId });
  const [a, b, c] = ids as [number, number, number];
  await call('media.editTags', { ids: [a], add: ['Animals/cat', 'Animals/dog'] });
  await call('media.editTags', { ids: [b], add: ['Animals/cat'] });
  await call('media.editTags', { ids: [c], add: ['Animals', 'Animals/dog/puppy'] });
});
afterEach(async () => t.dispose());

describe('branch counts are distinct items', () => {
  it('counts an item with two tags of a branch once, and a tag on the branch itself with them', async () => {
    expect(await branch('Animals')).toBe(3);
    expect(await branch('Animals/dog')).toBe(2);
    expect(await branch('Animals/cat')).toBe(2);
    expect((await call('tags.list', { prefix: 'anim' })).find((n) => n.path === 'Animals')?.branchCount).toBe(3);
    expectExact();
  });

  it('follows tag and untag, one item and many, and a PATCH that replaces the tags', async () => {
    const [a, b, c] = ids as [number, number, number];
    await call('media.editTags', { ids: [a], remove: ['Animals/cat'] });
    expect(await branch('Animals')).toBe(3);
    await call('media.editTags', { ids: [a], remove: ['Animals/dog'] });
    expect(await branch('Animals')).toBe(2);
    await call('media.editTags', { ids: ids.slice(10, 50), add: ['Animals/bird', 'Animals/cat'] });
    expect(await branch('Animals')).toBe(42);
    expect(await branch('Animals/cat')).toBe(41);
    await call('media.editTags', { ids: ids.slice(10, 30), remove: ['Animals/cat'] });
    expect(await branch('Animals')).toBe(42);
    await call('media.update', { id: b, patch: { tags: ['Plants/fern'] } });
    expect(await branch('Animals')).toBe(41);
    await call('media.update', { id: c, patch: { tags: [] } });
    expect(await branch('Animals')).toBe(40);
    expect(await branch('Animals/dog')).toBe(0);
    expectExact();
  });

  it('follows trash, restore, emptying the trash and forgetting a folder', async () => {
    const [a, b] = ids as [number, number];
    await call('media.softDelete', { ids: [a] });
    expect(await branch('Animals')).toBe(2);
    expect(await branch('Animals/dog')).toBe(1);
    expectExact();
    // A link added or removed while the item is in the trash does not count.
    await call('media.editTags', { ids: [a], add: ['Animals/fish'] });
    expectExact();
    await call('media.restore', { ids: [a] });
    expect(await branch('Animals')).toBe(3);
    expect(await branch('Animals/fish')).toBe(1);
    expectExact();
    await call('media.softDelete', { ids: [b] });
    await call('trash.empty', {});
    expect(await branch('Animals')).toBe(2);
    expectExact();
    await call('folders.remove', { id: folderId });
    // Forgetting the items also forgets the tags nothing holds any more.
    expect((await branch('Animals')) ?? 0).toBe(0);
    expectExact();
  });

  it('follows a rename, a move, a merge and a delete of branches, and their undo', async () => {
    const [a, , , d] = ids as [number, number, number, number];
    await call('media.editTags', { ids: [a, d], add: ['Pets/dog'] });
    expect(await branch('Pets')).toBe(2);
    const rename = await call('tags.update', { id: await idOf('Animals'), path: 'Fauna' });
    expect(await branch('Fauna')).toBe(3);
    expectExact();
    await call('tags.undo', { token: rename.undo });
    expectExact();
    // Moving Animals/dog under Pets: Animals loses c's puppy only through dog? c keeps `Animals` itself.
    const move = await call('tags.update', { id: await idOf('Animals/dog'), path: 'Pets/Dogs' });
    expect(await branch('Animals')).toBe(3); // a (cat), b (cat), c (Animals itself)
    expect(await branch('Pets')).toBe(3); // a, d (Pets/dog) and c (Pets/Dogs/puppy)
    expectExact();
    await call('tags.undo', { token: move.undo });
    expect(await branch('Pets')).toBe(2);
    expect(await branch('Animals')).toBe(3);
    expectExact();
    // Merging Animals into Pets: a carries cat, dog and Pets/dog; every item once.
    const merge = await call('tags.merge', { from: ['Animals'], into: 'Pets' });
    expect(await branch('Pets')).toBe(4);
    expect(await branch('Pets/dog')).toBe(3); // a (both dogs, once), c (puppy), d
    expectExact();
    await call('tags.undo', { token: merge.undo });
    expect(await branch('Pets')).toBe(2);
    expectExact();
    const deleted = await call('tags.delete', { id: await idOf('Animals/dog') });
    expect(deleted.removedFrom).toBe(2);
    expect(await branch('Animals')).toBe(3);
    expectExact();
    await call('tags.undo', { token: deleted.undo });
    expect(await branch('Animals/dog')).toBe(2);
    expectExact();
  });

  it('follows an alias that merges a used tag in', async () => {
    await call('media.editTags', { ids: [ids[5], ids[0]], add: ['doggo'] });
    await call('tags.setAliases', { id: await idOf('Animals/dog'), add: ['doggo'], confirmMerge: true });
    expect(await branch('Animals/dog')).toBe(3);
    expect(await branch('Animals')).toBe(4);
    expectExact();
  });

  it('library.check reports a wrong branch count and repair recounts it', async () => {
    t.library.db.prepare(`UPDATE tags SET branch_count = 99 WHERE name = 'Animals'`).run();
    const report = await call('library.check', {});
    expect(report.findings.some((f) => f.kind === 'tag-count' && f.subject === 'Animals' && /branch/.test(f.message))).toBe(true);
    await call('library.repair', {});
    expect(await branch('Animals')).toBe(3);
    expectExact();
  });
});

describe('branch counts after an import', () => {
  it('counts the hierarchical keywords a real import brings in', async () => {
    const folder = path.join(t.dir, 'photos');
    fs.mkdirSync(folder, { recursive: true });
    await writeImage(path.join(folder, 'one.jpg'), 1);
    await writeImage(path.join(folder, 'two.jpg'), 2);
    exiftoolWrite(path.join(folder, 'one.jpg'), ['-XMP-lr:HierarchicalSubject=Animals|cat', '-XMP-lr:HierarchicalSubject=Animals|dog']);
    exiftoolWrite(path.join(folder, 'two.jpg'), ['-XMP-lr:HierarchicalSubject=Animals|dog|puppy']);
    await importAndWait(t.library, folder);
    expect(await branch('Animals')).toBe(5);
    expect(await branch('Animals/dog')).toBe(4);
    expectExact();
  });
});
