/**
 * Near-duplicates found from the perceptual hash the import makes from its one decode.
 * jpg/gps/DSCN0010.jpg (a Tuscan hillside, 640×480) is copied as it is, resized to half and
 * recompressed at JPEG quality 35 with sharp; DSCN0012.jpg (a park path shot minutes later by
 * the same camera) and Canon_40D.jpg (an iguana) are different pictures.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt } from '../import/import-fixture.js';
import { writeNearDuplicatePhotos } from './near-duplicate-photos.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const idOf = (name: string) => rowAt(t.library, name).id;

beforeAll(async () => {
  t = openTempLibrary({ workers: 1 });
  const folder = path.join(t.dir, 'photos');
  await writeNearDuplicatePhotos(folder);
  await importAndWait(t.library, folder);
}, 60_000);
afterAll(async () => t.dispose());

describe('perceptual hashes at import', () => {
  it('stores one hash per picture content, made from the import decode', () => {
    const rows = t.library.db.prepare(`SELECT md5, dhash FROM perceptual_hashes ORDER BY md5`).all() as { md5: string; dhash: string }[];
    expect(rows).toHaveLength(5); // six files, two of them the same bytes
    for (const row of rows) expect(row.dhash).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('media.similar', () => {
  it('finds the resized, the recompressed and the copied file, and not the different photos', async () => {
    const answer = await call('media.similar', { id: idOf('hillside.jpg') });
    expect(answer.hashed).toBe(true);
    const byId = new Map(answer.items.map((item) => [item.id, item]));
    expect(byId.get(idOf('backup/hillside.jpg'))).toEqual({ id: idOf('backup/hillside.jpg'), distance: 0, sameFile: true });
    expect(byId.get(idOf('hillside-small.jpg'))?.distance).toBeLessThanOrEqual(4);
    expect(byId.get(idOf('hillside-q35.jpg'))?.distance).toBeLessThanOrEqual(4);
    expect(byId.has(idOf('park.jpg'))).toBe(false);
    expect(byId.has(idOf('iguana.jpg'))).toBe(false);
    expect(answer.items.map((item) => item.distance)).toEqual([...answer.items.map((item) => item.distance)].sort((a, b) => a - b));
    // Far apart in hash terms: the park and the iguana are nowhere near the hillside.
    const everything = await call('media.similar', { id: idOf('hillside.jpg'), maxDistance: 32 });
    const far = everything.items.filter((item) => [idOf('park.jpg'), idOf('iguana.jpg')].includes(item.id));
    for (const item of far) expect(item.distance).toBeGreaterThan(12);
  });

  it('refuses unknown ids and non-images, and says when an item has no hash', async () => {
    await expectFolioError(call('media.similar', { id: 999_999 }), 'NOT_FOUND', 'id');
    await expectFolioError(call('media.similar', { id: idOf('hillside.jpg'), maxDistance: 65 }), 'INVALID_ARGUMENT', 'maxDistance');
    const id = idOf('iguana.jpg');
    t.library.db.prepare(`DELETE FROM perceptual_hashes WHERE md5 = (SELECT md5 FROM media WHERE id = ?)`).run(id);
    expect(await call('media.similar', { id })).toEqual({ hashed: false, items: [] });
    expect((await call('duplicates.list', {})).unhashed).toBe(1);
  });
});

describe('duplicates.list', () => {
  it('groups exact copies and near duplicates, the largest picture first, and leaves different photos out', async () => {
    const { groups } = await call('duplicates.list', {});
    const exact = groups.filter((group) => group.kind === 'exact');
    expect(exact.map((group) => group.items.map((item) => item.id).sort())).toEqual([[idOf('hillside.jpg'), idOf('backup/hillside.jpg')].sort()]);
    const near = groups.filter((group) => group.kind === 'near');
    expect(near).toHaveLength(1);
    const members = near[0]?.items ?? [];
    expect(members.map((item) => item.id).sort()).toEqual(
      [idOf('hillside.jpg'), idOf('backup/hillside.jpg'), idOf('hillside-small.jpg'), idOf('hillside-q35.jpg')].sort(),
    );
    expect(members[0]).toMatchObject({ width: 640, height: 480, distance: 0 });
    expect(members.at(-1)).toMatchObject({ id: idOf('hillside-small.jpg'), width: 320, height: 240 });
  });

  it('leaves out items in the trash', async () => {
    await call('media.softDelete', { ids: [idOf('backup/hillside.jpg')] });
    const { groups } = await call('duplicates.list', {});
    expect(groups.filter((group) => group.kind === 'exact')).toEqual([]);
    await call('media.restore', { ids: [idOf('backup/hillside.jpg')] });
  });
});
