/**
 * `duplicate:near` membership (db/near-duplicate-members.ts) on real pictures: a Tuscan
 * hillside (jpg/gps/DSCN0010.jpg), its resized and recompressed copies and a byte copy are
 * members; a different photo of the same shoot and an iguana are not; nor is a pair of exact
 * copies alone; an item in the trash leaves the set. The search term `duplicate:near` reads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearDuplicateIds } from '../../../electron/library/db/near-duplicate-members.js';
import { CORPUS_DIR, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt } from '../import/import-fixture.js';

let t: TempLibrary;
const idOf = (name: string) => rowAt(t.library, name).id;

beforeAll(async () => {
  t = openTempLibrary({ workers: 1, backgroundAnalysis: false });
  const folder = path.join(t.dir, 'photos');
  fs.mkdirSync(path.join(folder, 'backup'), { recursive: true });
  const hillside = path.join(CORPUS_DIR, 'jpg/gps/DSCN0010.jpg');
  fs.copyFileSync(hillside, path.join(folder, 'hillside.jpg'));
  fs.copyFileSync(hillside, path.join(folder, 'backup/hillside.jpg'));
  await sharp(hillside).resize(320).jpeg({ quality: 85 }).toFile(path.join(folder, 'hillside-small.jpg'));
  await sharp(hillside).jpeg({ quality: 35 }).toFile(path.join(folder, 'hillside-q35.jpg'));
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/gps/DSCN0012.jpg'), path.join(folder, 'park.jpg'));
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/Canon_40D.jpg'), path.join(folder, 'iguana.jpg'));
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/Canon_40D.jpg'), path.join(folder, 'backup/iguana.jpg'));
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
