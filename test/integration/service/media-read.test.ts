import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedLibrary, type SeededLibrary } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let seeded: SeededLibrary;

beforeEach(async () => {
  t = openTempLibrary();
  seeded = await seedLibrary(t);
});
afterEach(async () => t.dispose());

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

describe('media.get', () => {
  it('returns every field of a real photo: detected, editable, thumbnails with URL and bytes', async () => {
    const source = seeded.item('jpg/gps/DSCN0010.jpg');
    const item = await call('media.get', { id: source.id });
    expect(item).toMatchObject({
      id: source.id,
      type: 'image',
      mime: 'image/jpeg',
      format: 'jpeg',
      size: fs.statSync(source.absPath).size,
      width: 640,
      height: 480,
      md5: source.md5,
      takenAt: '2008-10-22T16:28:39',
      cameraMake: 'NIKON',
      cameraModel: 'COOLPIX P6000',
      originalName: 'DSCN0010.jpg',
      path: source.absPath,
      folderId: seeded.folderId,
      name: 'DSCN0010.jpg',
      description: '',
      tags: [],
      metadata: {},
      customCoordinates: null,
      aiTags: [],
      extensionStatus: [],
      originalUrl: `/media/${source.id}/original`,
      parentId: null,
      derivedCount: 0,
      status: 'active',
      availability: 'present',
      fileState: 'ok',
      deletedAt: null,
      updatedBy: 'import',
    });
    expect(item.humanSize).toMatch(/^\d+(\.\d+)? KB$/);
    expect(item.gps?.latitude).toBeCloseTo(43.467, 2);
    expect(item.gps?.longitude).toBeCloseTo(11.885, 2);
    expect(item.thumbnails.map((thumb) => thumb.size)).toEqual([64, 128, 512, 1080]);
    const t512 = item.thumbnails.find((thumb) => thumb.size === 512);
    expect(t512).toMatchObject({ width: 512, height: 384, url: `/media/${source.id}/thumb/512` });
    expect(t512?.bytes).toBeGreaterThan(1000);
    // Never upscaled: the 1080 slot of a 640 px photo is 640 px.
    expect(item.thumbnails.find((thumb) => thumb.size === 1080)).toMatchObject({ width: 640, height: 480 });
  });

  it('gives width and height of the upright image for a rotated photo', async () => {
    const item = await call('media.get', { id: seeded.item('jpg/orientation/portrait_6.jpg').id });
    expect(item.orientation).toBe(6);
    expect(item.height).toBeGreaterThan(item.width ?? Infinity);
  });

  it('is NOT_FOUND for an unknown id and INVALID_ARGUMENT for a bad one', async () => {
    await expectFolioError(call('media.get', { id: 999_999 }), 'NOT_FOUND', 'id');
    await expectFolioError(call('media.get', { id: -1 }), 'INVALID_ARGUMENT', 'id');
    await expectFolioError(call('media.get', { id: '1' }), 'INVALID_ARGUMENT', 'id');
    await expectFolioError(call('media.get', { id: 1, extra: true }), 'INVALID_ARGUMENT', 'extra');
  });

  it('reads stored metadata back as a plain object that cannot pollute prototypes', async () => {
    const id = seeded.items[0]?.id as number;
    // A library file edited by hand: the schema never lets these keys in through the service.
    t.library.db
      .prepare(`UPDATE media SET metadata = ? WHERE id = ?`)
      .run('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"ok":{"nested":[1,{"__proto__":{"x":1}}]}}', id);
    const item = await call('media.get', { id });
    expect(Object.getPrototypeOf(item.metadata)).toBe(Object.prototype);
    expect(Object.keys(item.metadata)).toEqual(['ok']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const merged = Object.assign({}, item.metadata) as Record<string, unknown>;
    expect(merged.polluted).toBeUndefined();
    expect(JSON.stringify(item.metadata)).toBe('{"ok":{"nested":[1,{}]}}');
  });

  it('reads metadata that is not a JSON object as {}', async () => {
    const id = seeded.items[0]?.id as number;
    t.library.db.prepare(`UPDATE media SET metadata = ? WHERE id = ?`).run('[1,2', id);
    expect((await call('media.get', { id })).metadata).toEqual({});
  });
});

describe('media.getMany and media.tiles', () => {
  it('answers in the order asked and leaves unknown ids out', async () => {
    const [a, b, c] = seeded.items.map((item) => item.id) as [number, number, number];
    const items = await call('media.getMany', { ids: [c, 424_242, a, b] });
    expect(items.map((item) => item.id)).toEqual([c, a, b]);
  });

  it('gives tiles with the thumbnail sizes already made', async () => {
    const [a, b] = seeded.items.map((item) => item.id) as [number, number];
    t.library.db.prepare(`DELETE FROM thumbnails WHERE md5 = ? AND size IN (512, 1080)`).run(seeded.items[1]?.md5);
    const tiles = await call('media.tiles', { ids: [b, 999_999, a] });
    expect(tiles).toHaveLength(2);
    expect(tiles[0]).toMatchObject({ id: b, type: 'image', status: 'active', availability: 'present', fileState: 'ok', thumbnailSizes: [64, 128] });
    expect(tiles[1]?.thumbnailSizes).toEqual([64, 128, 512, 1080]);
    expect(tiles[1]?.md5).toBe(seeded.items[0]?.md5);
    await expectFolioError(call('media.tiles', { ids: [] }), 'INVALID_ARGUMENT', 'ids');
  });
});
