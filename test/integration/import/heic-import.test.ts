/**
 * HEVC-coded HEIC/HEIF from phones, decoded with libheif (WebAssembly): every HEIC of the
 * corpus, a JPEG named `.heic`, a damaged HEIC, and what the media routes serve for them.
 * Each HEIC is decoded once, by the import; the routes serve the thumbnails it wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thumbnailPath } from '../../../electron/library/base/thumbnail-paths.js';
import { copyCorpus } from '../../helpers/temp-library.js';
import { importFolder, rawRequest, startTestServer, TEST_TOKEN, type TestServer } from '../http/http-fixture.js';
import { rowAt, thumbnailRows } from './import-fixture.js';

// Upright sizes. The Nokia photo is stored 4608×3456 with an `irot` of 270° (so portrait), the
// iPhone 13 one 4032×3024 with both an `irot` and EXIF orientation 6: turned once, not twice.
const CORPUS_HEIC: Record<string, { width: number; height: number }> = {
  'heic/IMG_5195.HEIC': { width: 2566, height: 3313 },
  'heic/samplefilehub.heif': { width: 640, height: 426 },
  'heic/mobile/HMD_Nokia_8.3_5G.heif': { width: 3456, height: 4608 },
  'heic/mobile/HMD_Nokia_8.3_5G_hdr.heif': { width: 4608, height: 3456 },
  'heic/mobile/iphone_13_pro_max.HEIC': { width: 3024, height: 4032 },
};

let t: TestServer;
let folder: string;

beforeAll(async () => {
  t = await startTestServer();
  folder = copyCorpus(path.join(t.temp.dir, 'photos'), ['heic', 'jpg/gps/DSCN0010.jpg']);
  const heic = fs.readFileSync(path.join(folder, 'heic/samplefilehub.heif'));
  fs.writeFileSync(path.join(folder, 'damaged.heic'), heic.subarray(0, Math.floor(heic.length * 0.7)));
  fs.copyFileSync(path.join(folder, 'jpg/gps/DSCN0010.jpg'), path.join(folder, 'really-a-jpeg.heic'));
  await importFolder(t.library, folder);
}, 120_000);

afterAll(() => t.close());

const get = (requestPath: string) => rawRequest(t.port, { method: 'GET', path: requestPath, headers: { 'X-Api-Key': TEST_TOKEN } });

describe('HEVC HEIC/HEIF import', () => {
  it('decodes every HEIC of the corpus, recording the upright size', () => {
    for (const [file, size] of Object.entries(CORPUS_HEIC)) {
      const row = rowAt(t.library, file);
      expect(row, file).toMatchObject({ type: 'image', format: 'heic', mime: 'image/heic', file_state: 'ok', state_reason: null, ...size });
    }
  });

  it('writes four upright thumbnails for each, shaped like the upright photo', async () => {
    for (const [file, { width, height }] of Object.entries(CORPUS_HEIC)) {
      const row = rowAt(t.library, file);
      const thumbs = thumbnailRows(t.library, row.md5 as string);
      expect(thumbs.map((th) => th.size), file).toEqual([64, 128, 512, 1080]);
      for (const th of thumbs) {
        expect(Math.max(th.width, th.height), file).toBe(Math.min(th.size, Math.max(width, height)));
        expect(th.height > th.width, `${file} ${th.size}`).toBe(height > width);
        expect(Math.abs(th.width * height - th.height * width), file).toBeLessThanOrEqual(Math.max(width, height));
      }
      const meta = await sharp(thumbnailPath(t.library.paths, row.md5 as string, 512)).metadata();
      expect(meta.format, file).toBe('webp');
      expect(meta.height > meta.width, file).toBe(height > width);
    }
  });

  it('reads EXIF and GPS from HEIC', () => {
    const iphone11 = rowAt(t.library, 'heic/IMG_5195.HEIC');
    expect(iphone11).toMatchObject({ camera_make: 'Apple', camera_model: 'iPhone 11 Pro Max', taken_at: '2021-04-11T15:47:53' });
    expect(iphone11.gps_lat).toBeCloseTo(39.0513444, 5);
    expect(iphone11.gps_lon).toBeCloseTo(-94.2887722, 5);
    // EXIF's orientation is kept as written; the size is already the upright one.
    expect(rowAt(t.library, 'heic/mobile/iphone_13_pro_max.HEIC')).toMatchObject({
      camera_make: 'Apple',
      camera_model: 'iPhone 13 Pro Max',
      taken_at: '2022-02-16T12:55:41',
      orientation: 6,
    });
    expect(rowAt(t.library, 'heic/mobile/HMD_Nokia_8.3_5G.heif').gps_lat).toBeCloseTo(40.7886852, 5);
  });

  it('types a JPEG named .heic by its bytes', () => {
    const row = rowAt(t.library, 'really-a-jpeg.heic');
    expect(row).toMatchObject({ type: 'image', format: 'jpeg', mime: 'image/jpeg', file_state: 'ok', width: 640, height: 480, camera_model: 'COOLPIX P6000' });
    expect(thumbnailRows(t.library, row.md5 as string)).toHaveLength(4);
  });

  it('records a damaged HEIC with libheif’s reason, and the import goes on', () => {
    const row = rowAt(t.library, 'damaged.heic');
    expect(row).toMatchObject({ type: 'image', format: 'heic', file_state: 'damaged' });
    expect(row.state_reason).toMatch(/^The HEIC\/HEIF image data is damaged and cannot be decoded \(.+\)$/);
    expect(thumbnailRows(t.library, row.md5 as string)).toEqual([]);
    expect(rowAt(t.library, 'jpg/gps/DSCN0010.jpg').file_state).toBe('ok');
  });
});

describe('serving HEIC', () => {
  it('answers the original route with a WebP rendition a browser can show', async () => {
    const row = rowAt(t.library, 'heic/mobile/iphone_13_pro_max.HEIC');
    const response = await get(`/media/${row.id}/original`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/webp');
    const meta = await sharp(response.body).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 810, height: 1080 });
  });

  it('sends the untouched file with ?download, as an attachment', async () => {
    const row = rowAt(t.library, 'heic/mobile/iphone_13_pro_max.HEIC');
    const response = await get(`/media/${row.id}/original?download`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/heic');
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(response.body.equals(fs.readFileSync(path.join(folder, 'heic/mobile/iphone_13_pro_max.HEIC')))).toBe(true);
  });

  it('serves a JPEG named .heic as the JPEG it is', async () => {
    const response = await get(`/media/${rowAt(t.library, 'really-a-jpeg.heic').id}/original`);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.body.equals(fs.readFileSync(path.join(folder, 'really-a-jpeg.heic')))).toBe(true);
  });

  it('answers a damaged HEIC’s original route with NOT_FOUND for the rendition, and still serves the download', async () => {
    const row = rowAt(t.library, 'damaged.heic');
    expect((await get(`/media/${row.id}/original`)).status).toBe(404);
    expect((await get(`/media/${row.id}/original?download`)).status).toBe(200);
  });
});
