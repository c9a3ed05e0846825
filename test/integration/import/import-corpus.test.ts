import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thumbnailPath } from '../../../electron/library/base/thumbnail-paths.js';
import type { ImportProgress } from '../../../shared/media.js';
import type { LibraryChange } from '../../../shared/events.js';
import { copyCorpus, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { allRows, importAndWait, rowAt, thumbnailRows } from './import-fixture.js';

describe('importing a copy of the whole corpus', () => {
  let t: TempLibrary;
  let folder: string;
  let final: ImportProgress;
  const progress: ImportProgress[] = [];
  const changes: LibraryChange[] = [];

  beforeAll(async () => {
    t = openTempLibrary({ workers: 2 });
    folder = copyCorpus(path.join(t.dir, 'photos'));
    t.library.events.on('import.progress', (p) => progress.push(p));
    t.library.events.on('library.changed', (c) => changes.push(c));
    final = await importAndWait(t.library, folder);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('records every file once, with a state per file, and finishes', () => {
    const rows = allRows(t.library);
    const onDisk = fs.readdirSync(folder, { recursive: true }).filter((p) => fs.statSync(path.join(folder, String(p))).isFile());
    expect(rows).toHaveLength(onDisk.length);
    expect(new Set(rows.map((r) => r.display_path)).size).toBe(rows.length);
    const byState: Record<string, number> = {};
    for (const row of rows) byState[`${row.type}/${row.file_state}`] = (byState[`${row.type}/${row.file_state}`] ?? 0) + 1;
    // 87 .jpg + 1 .jpeg + 8 TIFF + the five HEVC HEIF/HEIC (libheif) decode; corrupted.jpg is
    // damaged; the READMEs are text, recorded as `other`.
    expect(byState).toEqual({ 'image/ok': 100, 'image/damaged': 1, 'other/ok': 8 });
    expect(rows.every((r) => r.availability === 'present' && r.updated_by === 'import')).toBe(true);
    expect(final).toMatchObject({ state: 'done', total: rows.length, done: rows.length, errors: 1, scanning: false, currentFile: null });
  });

  it('stores the detected fields of known files', () => {
    const gps = rowAt(t.library, 'jpg/gps/DSCN0010.jpg');
    expect(gps).toMatchObject({
      type: 'image',
      mime: 'image/jpeg',
      format: 'jpeg',
      width: 640,
      height: 480,
      mode: 'srgb',
      has_alpha: 0,
      orientation: 1,
      taken_at: '2008-10-22T16:28:39',
      camera_make: 'NIKON',
      camera_model: 'COOLPIX P6000',
      name: 'DSCN0010.jpg',
      original_name: 'DSCN0010.jpg',
    });
    expect(gps.gps_lat).toBeCloseTo(43.4674483, 6);
    expect(gps.gps_lon).toBeCloseTo(11.8851267, 6);
    expect(gps.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(gps.file_size).toBe(fs.statSync(path.join(folder, 'jpg/gps/DSCN0010.jpg')).size);

    // Orientation 6 is stored 450×600 but seen 600×450.
    expect(rowAt(t.library, 'jpg/orientation/landscape_6.jpg')).toMatchObject({ width: 600, height: 450, orientation: 6 });
    expect(rowAt(t.library, 'jpg/hdr/canon_hdr_NO.jpg')).toMatchObject({ orientation: 6, camera_model: 'Canon PowerShot SX60 HS' });
    expect(rowAt(t.library, 'jpg/Kodak_CX7530.jpg').gps_lat).toBeCloseTo(-0.3713, 4);
    expect(rowAt(t.library, 'jpg/WWL_(Polaroid)_ION230.jpg')).toMatchObject({ camera_make: 'WWL', camera_model: 'ION230' });
    expect(rowAt(t.library, 'tiff/Arbitro.tiff')).toMatchObject({ format: 'tiff', has_alpha: 1, mode: 'srgb' });
    expect(rowAt(t.library, 'tiff/Crémieux11.tiff')).toMatchObject({ type: 'image', file_state: 'ok' });
    expect(rowAt(t.library, 'README.rst')).toMatchObject({ type: 'other', mime: 'text/plain', file_state: 'ok', state_reason: null });
    const heic = rowAt(t.library, 'heic/IMG_5195.HEIC');
    expect(heic).toMatchObject({ type: 'image', format: 'heic', file_state: 'ok', state_reason: null, camera_model: 'iPhone 11 Pro Max', width: 2566, height: 3313 });
    const damaged = rowAt(t.library, 'jpg/corrupted.jpg');
    expect(damaged).toMatchObject({ type: 'image', file_state: 'damaged', camera_make: 'OLYMPUS IMAGING CORP.' });
    // The sentence is fixed; libvips' detail follows when it gave one ("Corrupt JPEG data: …").
    expect(damaged.state_reason, String(damaged.state_reason)).toMatch(/^The JPEG image data is damaged and cannot be decoded( \(.*Corrupt JPEG data.*\))?$/);
    expect(damaged.state_reason).not.toMatch(/failOn/);
  });

  it('writes four upright WebP thumbnails per decodable image, never upscaled', async () => {
    for (const row of allRows(t.library).filter((r) => r.type === 'image' && r.file_state === 'ok')) {
      const thumbs = thumbnailRows(t.library, row.md5 as string);
      expect(thumbs.map((th) => th.size), row.display_path).toEqual([64, 128, 512, 1080]);
      for (const th of thumbs) {
        const long = Math.max(th.width, th.height);
        expect(long, row.display_path).toBe(Math.min(th.size, Math.max(row.width ?? 0, row.height ?? 0)));
        // The upright original's shape, to within a pixel of rounding.
        const [w, h] = [row.width ?? 0, row.height ?? 0];
        expect(Math.abs(th.width * h - th.height * w), row.display_path).toBeLessThanOrEqual(Math.max(w, h));
      }
    }
    const small = rowAt(t.library, 'jpg/invalid/image01551.jpg');
    expect(small).toMatchObject({ width: 61, height: 58 });
    expect(thumbnailRows(t.library, small.md5 as string).every((th) => th.width === 61 && th.height === 58)).toBe(true);
    const big = rowAt(t.library, 'jpg/tests/42_IndexError.jpg');
    const file = thumbnailPath(t.library.paths, big.md5 as string, 512);
    const meta = await sharp(file).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 384 });
    expect(fs.statSync(file).size).toBe(thumbnailRows(t.library, big.md5 as string)[2]?.bytes);
  });

  it('makes no thumbnails for what cannot be decoded', () => {
    for (const name of ['jpg/corrupted.jpg', 'README.rst']) {
      const row = rowAt(t.library, name);
      if (row.md5 !== null) expect(thumbnailRows(t.library, row.md5), name).toEqual([]);
    }
  });

  it('reported progress while it ran, throttled, ending with the final state', () => {
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual(final);
    const running = progress.filter((p) => p.state === 'running');
    expect(running.some((p) => p.currentFile !== null)).toBe(true);
    for (let i = 1; i < running.length; i += 1) {
      expect((running[i] as ImportProgress).done).toBeGreaterThanOrEqual((running[i - 1] as ImportProgress).done);
    }
    expect(changes.some((c) => c.aspects.includes('items') && c.actor === 'import')).toBe(true);
    expect(changes.some((c) => c.aspects.includes('thumbnails'))).toBe(true);
    expect(changes.some((c) => c.aspects.includes('folders'))).toBe(true);
    expect(changes.some((c) => c.aspects.includes('files'))).toBe(true);
  });

  it('serves the items through the service: list, get, folders', async () => {
    const { service } = t.library;
    const page = await service.call('media.list', { limit: 500, withTotal: true }, t.ctx);
    expect(page.total).toBe(allRows(t.library).length);
    const id = rowAt(t.library, 'jpg/gps/DSCN0010.jpg').id;
    const item = await service.call('media.get', { id }, t.ctx);
    expect(item).toMatchObject({ takenAt: '2008-10-22T16:28:39', cameraMake: 'NIKON', width: 640, height: 480, fileState: 'ok' });
    expect(item.gps?.latitude).toBeCloseTo(43.4674483, 6);
    expect(item.thumbnails.map((th) => th.size)).toEqual([64, 128, 512, 1080]);
    const folders = await service.call('folders.list', {}, t.ctx);
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatchObject({ path: fs.realpathSync(folder), state: 'online', itemCount: allRows(t.library).length });
    expect(folders[0]?.lastScanAt).not.toBeNull();
    expect(await service.call('import.status', {}, t.ctx)).toEqual(final);
  });

  it('re-importing the same folder reads nothing again and duplicates nothing', async () => {
    const before = allRows(t.library);
    const again = await importAndWait(t.library, folder);
    expect(again).toMatchObject({ state: 'done', total: before.length, done: before.length });
    expect(allRows(t.library)).toEqual(before);
  });
});
