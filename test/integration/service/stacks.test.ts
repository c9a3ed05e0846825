/**
 * Stacks on a real library: pairs made in the test (a RAW and its JPEG, an Apple edit, an
 * Android edit, a Live Photo still and video) stacked at import, trashed and restored as one,
 * stacked and taken apart by hand, and the per-library switches.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTiffRaw } from '../../helpers/make-raw.js';
import { CORPUS_DIR, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt, writeImage } from '../import/import-fixture.js';
import { expectFolioError } from './expect-error.js';

function video(file: string, seconds: number): void {
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=160x120:rate=10`, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', file]);
}

/** The pairs a camera and two phones leave in a folder, plus files that must stay alone. */
async function writePairs(folder: string): Promise<void> {
  fs.mkdirSync(folder, { recursive: true });
  const preview = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
  fs.writeFileSync(path.join(folder, 'DSC_0042.NEF'), makeTiffRaw({ make: 'NIKON CORPORATION', model: 'NIKON D850', orientation: 1, width: 8256, height: 5504, preview }));
  await writeImage(path.join(folder, 'DSC_0042.JPG'), 1);
  fs.copyFileSync(path.join(CORPUS_DIR, 'heic/samplefilehub.heif'), path.join(folder, 'IMG_1234.HEIC'));
  await writeImage(path.join(folder, 'IMG_E1234.JPG'), 2);
  await writeImage(path.join(folder, 'PXL_20240101_120000000.jpg'), 3);
  await writeImage(path.join(folder, 'PXL_20240101_120000000-edited.jpg'), 4);
  await writeImage(path.join(folder, 'IMG_2000.JPG'), 5);
  video(path.join(folder, 'IMG_2000.MOV'), 2);
  await writeImage(path.join(folder, 'holiday.jpg'), 6);
  await writeImage(path.join(folder, 'IMG_3000.JPG'), 7);
  video(path.join(folder, 'IMG_3000.MOV'), 8); // too long for a Live Photo: a video of its own
}

describe('stacks', () => {
  let t: TempLibrary;
  let folder: string;
  const id = (name: string) => rowAt(t.library, name).id;
  const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(
    method: M,
    args: Parameters<TempLibrary['library']['service']['call']>[1] & object,
  ) => t.library.service.call(method, args as never, t.ctx);

  beforeAll(async () => {
    t = openTempLibrary({ workers: 2 });
    folder = path.join(t.dir, 'photos');
    await writePairs(folder);
    await importAndWait(t.library, folder);
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  });

  it('stacks each pair at import, with the documented cover', async () => {
    const expected: [string, string][] = [
      ['DSC_0042.JPG', 'DSC_0042.NEF'],
      ['IMG_E1234.JPG', 'IMG_1234.HEIC'],
      ['PXL_20240101_120000000-edited.jpg', 'PXL_20240101_120000000.jpg'],
      ['IMG_2000.JPG', 'IMG_2000.MOV'],
    ];
    for (const [cover, version] of expected) {
      expect(await call('media.stackMembers', { id: id(version) }), cover).toEqual({ coverId: id(cover), versionIds: [id(version)] });
      const item = await call('media.get', { id: id(cover) });
      expect(item, cover).toMatchObject({ parentId: null, derivedCount: 1 });
    }
    for (const alone of ['holiday.jpg', 'IMG_3000.JPG', 'IMG_3000.MOV']) {
      expect(await call('media.stackMembers', { id: id(alone) }), alone).toEqual({ coverId: id(alone), versionIds: [] });
    }
  });

  it('lists a stack as its cover when versions are left out', async () => {
    const names = async (filter: object) =>
      (await call('media.list', { filter, limit: 100 })).items.map((item: { originalName: string }) => item.originalName).sort();
    const collapsed = await names({ versions: false });
    expect(collapsed).toEqual(['DSC_0042.JPG', 'IMG_2000.JPG', 'IMG_3000.JPG', 'IMG_3000.MOV', 'IMG_E1234.JPG', 'PXL_20240101_120000000-edited.jpg', 'holiday.jpg']);
    expect(await names({})).toHaveLength(11);
  });

  it('moves every version to the trash with the cover, and brings them back together', async () => {
    const cover = id('DSC_0042.JPG');
    const raw = id('DSC_0042.NEF');
    const trashed = await call('media.softDelete', { ids: [cover] });
    expect(trashed).toEqual({ ids: [cover], deletedCount: 2 });
    expect((await call('media.get', { id: raw })).status).toBe('deleted');
    const restored = await call('media.restore', { ids: [cover] });
    expect(restored).toMatchObject({ restoredCount: 2 });
    expect((await call('media.get', { id: raw })).status).toBe('active');
    expect(await call('media.stackMembers', { id: raw })).toEqual({ coverId: cover, versionIds: [raw] });
  });

  it('lets the user choose the cover', async () => {
    const still = id('IMG_2000.JPG');
    const clip = id('IMG_2000.MOV');
    expect(await call('media.setStackCover', { id: clip })).toEqual({ coverId: clip, versionIds: [still] });
    expect((await call('media.get', { id: still })).parentId).toBe(clip);
    expect(await call('media.setStackCover', { id: still })).toEqual({ coverId: still, versionIds: [clip] });
  });

  it('stacks selected items by hand (their stacks merge) and takes a stack apart', async () => {
    const holiday = id('holiday.jpg');
    const edit = id('IMG_E1234.JPG');
    const heic = id('IMG_1234.HEIC');
    const stacked = await call('media.stack', { ids: [edit, holiday], coverId: holiday });
    expect(stacked).toEqual({ coverId: holiday, versionIds: [heic, edit].sort((a, b) => a - b) });
    const apart = await call('media.unstack', { id: heic });
    expect(apart.coverId).toBe(holiday);
    for (const member of [holiday, edit, heic]) {
      expect(await call('media.stackMembers', { id: member })).toEqual({ coverId: member, versionIds: [] });
    }
  });

  it('refuses a stack of one and trashed members, changing nothing', async () => {
    await expectFolioError(call('media.stack', { ids: [id('holiday.jpg')] }), 'INVALID_ARGUMENT', 'ids');
    const lone = id('IMG_3000.JPG');
    await call('media.softDelete', { ids: [lone] });
    await expectFolioError(call('media.stack', { ids: [id('IMG_3000.MOV'), lone] }), 'CONFLICT', 'ids');
    expect(await call('media.stackMembers', { id: id('IMG_3000.MOV') })).toEqual({ coverId: id('IMG_3000.MOV'), versionIds: [] });
    await expectFolioError(call('media.stackMembers', { id: 999_999 }), 'NOT_FOUND');
  });

  it('does not stack again on a rescan what the user took apart', async () => {
    await t.library.importer.rescan();
    await t.library.importer.whenIdle();
    expect((await call('media.stackMembers', { id: id('IMG_1234.HEIC') })).versionIds).toEqual([]);
  });
});

describe('stack rules switched off for a library', () => {
  let t: TempLibrary;

  beforeAll(async () => {
    t = openTempLibrary({ workers: 2 });
    expect(await t.library.service.call('library.stackRules', {}, t.ctx)).toEqual({ rawJpeg: true, appleEdits: true, androidEdited: true, livePhotos: true });
    const rules = await t.library.service.call('library.setStackRules', { rawJpeg: false, livePhotos: false }, t.ctx);
    expect(rules).toEqual({ rawJpeg: false, appleEdits: true, androidEdited: true, livePhotos: false });
    const folder = path.join(t.dir, 'photos');
    await writePairs(folder);
    await importAndWait(t.library, folder);
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  });

  it('stacks only by the rules that are on, and remembers them', async () => {
    const stackOf = async (name: string) => t.library.service.call('media.stackMembers', { id: rowAt(t.library, name).id }, t.ctx);
    expect((await stackOf('DSC_0042.NEF')).versionIds).toEqual([]);
    expect((await stackOf('IMG_2000.JPG')).versionIds).toEqual([]);
    expect((await stackOf('IMG_E1234.JPG')).versionIds).toEqual([rowAt(t.library, 'IMG_1234.HEIC').id]);
    expect(await t.library.service.call('library.stackRules', {}, t.ctx)).toMatchObject({ rawJpeg: false, livePhotos: false });
  });
});
