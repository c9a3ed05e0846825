/**
 * `duplicate:near` membership (db/near-duplicate-members.ts) on real pictures: a Tuscan
 * hillside (jpg/gps/DSCN0010.jpg), its resized and recompressed copies and a byte copy are
 * members; a different photo of the same shoot and an iguana are not; nor is a pair of exact
 * copies alone; an item in the trash leaves the set. The search term `duplicate:near` reads it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearDuplicateIds } from '../../../electron/library/db/near-duplicate-members.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt } from '../import/import-fixture.js';
import { writeNearDuplicatePhotos } from '../service/near-duplicate-photos.js';

let t: TempLibrary;
const idOf = (name: string) => rowAt(t.library, name).id;

beforeAll(async () => {
  t = openTempLibrary({ workers: 1, backgroundAnalysis: false });
  const folder = path.join(t.dir, 'photos');
  await writeNearDuplicatePhotos(folder, { iguanaCopy: true });
  await importAndWait(t.library, folder);
}, 60_000);
afterAll(async () => t.dispose());

describe('nearDuplicateIds', () => {
  it('holds the pictures that have a near duplicate within 8 bits, and their byte copies', () => {
    const hillsides = ['hillside.jpg', 'backup/hillside.jpg', 'hillside-small.jpg', 'hillside-q35.jpg'].map(idOf).sort((a, b) => a - b);
    expect(nearDuplicateIds(t.library.db)).toEqual(hillsides);
    // At distance 0 only byte-identical hashes count: the resized copies drop out unless they hash the same.
    expect(nearDuplicateIds(t.library.db, 0).every((id) => hillsides.includes(id))).toBe(true);
  });

  it('leaves out an item in the trash', async () => {
    await t.library.service.call('media.softDelete', { ids: [idOf('hillside-q35.jpg')] }, t.ctx);
    expect(nearDuplicateIds(t.library.db)).not.toContain(idOf('hillside-q35.jpg'));
    expect(nearDuplicateIds(t.library.db)).toContain(idOf('hillside-small.jpg'));
    await t.library.service.call('media.restore', { ids: [idOf('hillside-q35.jpg')] }, t.ctx);
  });

  it('is the search term duplicate:near, alone and combined with others', async () => {
    const hillsides = ['hillside.jpg', 'backup/hillside.jpg', 'hillside-small.jpg', 'hillside-q35.jpg'].map(idOf).sort((a, b) => a - b);
    const listed = async (query: string) =>
      ((await t.library.service.call('media.listIds', { filter: { query } }, t.ctx)) as { ids: number[] }).ids.sort((a, b) => a - b);
    expect(await listed('duplicate:near')).toEqual(hillsides);
    expect(await listed('duplicate:near -duplicate:exact')).toEqual(['hillside-small.jpg', 'hillside-q35.jpg'].map(idOf).sort((a, b) => a - b));
    expect((await listed('-duplicate:near')).some((id) => hillsides.includes(id))).toBe(false);
  });
});
