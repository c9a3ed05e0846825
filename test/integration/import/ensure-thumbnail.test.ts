import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureThumbnail } from '../../../electron/library/thumbnails/ensure-thumbnail.js';
import { thumbnailPath } from '../../../electron/library/base/thumbnail-paths.js';
import { THUMBNAIL_SIZES } from '../../../shared/media.js';
import { copyCorpus, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from '../service/expect-error.js';
import { importAndWait, rowAt, thumbnailRows } from './import-fixture.js';

describe('ensureThumbnail', () => {
  let t: TempLibrary;
  let folder: string;

  beforeAll(async () => {
    t = openTempLibrary({ workers: 1 });
    folder = copyCorpus(path.join(t.dir, 'photos'), ['jpg/gps', 'jpg/orientation/portrait_6.jpg', 'heic/samplefilehub.heif', 'README.rst']);
    await importAndWait(t.library, folder);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('returns the cached file when it is there', async () => {
    const row = rowAt(t.library, 'jpg/gps/DSCN0012.jpg');
    const file = await ensureThumbnail(t.library, row.id, 512);
    expect(file).toBe(thumbnailPath(t.library.paths, row.md5 as string, 512));
    expect(fs.existsSync(file)).toBe(true);
  });

  it('rebuilds all four sizes, upright, after the whole cache was deleted', async () => {
    fs.rmSync(t.library.paths.thumbnails, { recursive: true });
    const row = rowAt(t.library, 'jpg/orientation/portrait_6.jpg');
    // A grid asking for every size at once gets one rebuild.
    const files = await Promise.all(THUMBNAIL_SIZES.map((size) => ensureThumbnail(t.library, row.id, size)));
    for (const [i, size] of THUMBNAIL_SIZES.entries()) {
      const meta = await sharp(files[i] as string).metadata();
      const long = Math.min(size, Math.max(row.width ?? 0, row.height ?? 0));
      expect(meta.format).toBe('webp');
      expect(Math.max(meta.width, meta.height)).toBe(long);
      expect(meta.height).toBeGreaterThan(meta.width); // portrait, upright
    }
  });

  it('rebuilds the records too when they were dropped', async () => {
    const row = rowAt(t.library, 'jpg/gps/DSCN0021.jpg');
    t.library.db.prepare(`DELETE FROM thumbnails WHERE md5 = ?`).run(row.md5);
    await ensureThumbnail(t.library, row.id, 64);
    expect(thumbnailRows(t.library, row.md5 as string).map((th) => th.size)).toEqual([64, 128, 512, 1080]);
  });

  it('rebuilds the thumbnail of a HEVC HEIC with libheif', async () => {
    const row = rowAt(t.library, 'heic/samplefilehub.heif');
    expect(row.file_state).toBe('ok');
    fs.rmSync(thumbnailPath(t.library.paths, row.md5 as string, 128), { force: true });
    const meta = await sharp(await ensureThumbnail(t.library, row.id, 128)).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 128, height: 85 });
  });

  it('is NOT_FOUND for unknown items and items that cannot have thumbnails', async () => {
    await expectFolioError(ensureThumbnail(t.library, 999_999, 128), 'NOT_FOUND', 'id');
    await expectFolioError(ensureThumbnail(t.library, rowAt(t.library, 'README.rst').id, 128), 'NOT_FOUND', 'id');
  });

  it('is NOT_FOUND when the original is gone or changed since the import, and writes nothing', async () => {
    const gone = rowAt(t.library, 'jpg/gps/DSCN0025.jpg');
    fs.rmSync(thumbnailPath(t.library.paths, gone.md5 as string, 128), { force: true });
    fs.rmSync(path.join(folder, 'jpg/gps/DSCN0025.jpg'));
    await expectFolioError(ensureThumbnail(t.library, gone.id, 128), 'NOT_FOUND');

    const changed = rowAt(t.library, 'jpg/gps/DSCN0027.jpg');
    fs.rmSync(thumbnailPath(t.library.paths, changed.md5 as string, 128), { force: true });
    fs.copyFileSync(path.join(folder, 'jpg/gps/DSCN0029.jpg'), path.join(folder, 'jpg/gps/DSCN0027.jpg'));
    const error = await expectFolioError(ensureThumbnail(t.library, changed.id, 128), 'NOT_FOUND');
    expect(error.message).toMatch(/rescan/);
    expect(fs.existsSync(thumbnailPath(t.library.paths, changed.md5 as string, 128))).toBe(false);
  });
});
