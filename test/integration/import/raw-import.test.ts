/**
 * Camera RAW import on ExifTool's sample RAWs from nine makers (real headers, stripped sensor
 * data) and on a RAW built in the test with a real 300×200 preview and orientation 6.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPath } from '../../../electron/library/tools/run-tool.js';
import { ensureThumbnail } from '../../../electron/library/thumbnails/ensure-thumbnail.js';
import { thumbnailPath } from '../../../electron/library/base/thumbnail-paths.js';
import { makeTiffRaw, RAW_CORPUS_DIR } from '../../helpers/make-raw.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from '../service/expect-error.js';
import { importAndWait, rowAt, thumbnailRows } from './import-fixture.js';

// MIME, upright size and camera of each corpus RAW (ExifTool reports the same size and camera).
const CORPUS_RAW = {
  'CanonRaw.cr2': { mime: 'image/x-canon-cr2', width: 3456, height: 2304, camera_make: 'Canon', camera_model: 'Canon EOS 350D DIGITAL' },
  'CanonRaw.cr3': { mime: 'image/x-canon-cr3', width: 6000, height: 4000, camera_make: 'Canon', camera_model: 'Canon EOS M50' },
  'CanonRaw.crw': { mime: 'image/x-canon-crw', width: 3072, height: 2048, camera_make: 'Canon', camera_model: 'Canon EOS DIGITAL REBEL' },
  'DNG.dng': { mime: 'image/x-adobe-dng', width: 3516, height: 2328, camera_make: 'Canon', camera_model: 'Canon EOS 350D DIGITAL' },
  'FujiFilm.raf': { mime: 'image/x-fujifilm-raf', width: 4256, height: 1424, camera_make: 'FUJIFILM', camera_model: 'FinePix S5Pro' },
  'Nikon.nef': { mime: 'image/x-nikon-nef', width: 3040, height: 2014, camera_make: 'NIKON CORPORATION', camera_model: 'NIKON D70' },
  'Panasonic.rw2': { mime: 'image/x-panasonic-rw2', width: 3648, height: 2736, camera_make: 'Panasonic', camera_model: 'DMC-LX3' },
  'PhaseOne.iiq': { mime: 'image/x-phaseone-iiq', width: 7320, height: 5484, camera_make: 'Leaf', camera_model: 'Credo 40' },
  // The header's rotation is 90°: seen upright, the 2268×1512 sensor image is portrait.
  'Sigma.x3f': { mime: 'image/x-sigma-x3f', width: 1512, height: 2268, camera_make: 'SIGMA', camera_model: 'SIGMA SD10' },
};
const WITH_PREVIEW = new Set(['FujiFilm.raf', 'Panasonic.rw2']);

describe('camera RAW import', () => {
  let t: TempLibrary;
  let folder: string;

  beforeAll(async () => {
    // Without LibRaw: what the files themselves hold (the describe below develops them).
    t = openTempLibrary({ workers: 2, dcrawPath: null });
    folder = path.join(t.dir, 'photos');
    fs.mkdirSync(folder);
    for (const file of Object.keys(CORPUS_RAW)) fs.copyFileSync(path.join(RAW_CORPUS_DIR, file), path.join(folder, file));
    const preview = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#2a6' } })
      .composite([{ input: { create: { width: 100, height: 200, channels: 3, background: '#c22' } }, left: 0, top: 0 }])
      .jpeg()
      .toBuffer();
    fs.writeFileSync(
      path.join(folder, 'DSC_0042.NEF'),
      makeTiffRaw({ make: 'NIKON CORPORATION', model: 'NIKON D850', orientation: 6, width: 8256, height: 5504, preview }),
    );
    await importAndWait(t.library, folder);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('records each corpus RAW as an image with its MIME, upright size and camera', () => {
    for (const [file, expected] of Object.entries(CORPUS_RAW)) {
      const row = rowAt(t.library, file);
      expect(row, file).toMatchObject({ type: 'image', format: path.extname(file).slice(1), ...expected });
    }
    expect(rowAt(t.library, 'Nikon.nef').taken_at).toBe('2004-06-09T16:02:35');
    expect(rowAt(t.library, 'CanonRaw.cr3').taken_at).toBe('2018-02-21T12:08:56');
  });

  it('makes thumbnails from the embedded preview where there is one', () => {
    for (const file of WITH_PREVIEW) {
      const row = rowAt(t.library, file);
      expect(row, file).toMatchObject({ file_state: 'ok', state_reason: null });
      expect(thumbnailRows(t.library, row.md5 as string).map((th) => th.size), file).toEqual([64, 128, 512, 1080]);
    }
  });

  it('gives a clear state and reason where there is no usable preview, keeping the facts', () => {
    for (const file of Object.keys(CORPUS_RAW).filter((f) => !WITH_PREVIEW.has(f))) {
      const row = rowAt(t.library, file);
      expect(row, file).toMatchObject({ file_state: 'unsupported' });
      expect(row.state_reason, file).toMatch(
        new RegExp(`^This ${path.extname(file).slice(1).toUpperCase()} file has no picture Folio can show: it has no embedded preview; .*LibRaw's tools \\(Debian: libraw-bin\\) would develop it$`),
      );
      expect(thumbnailRows(t.library, row.md5 as string), file).toEqual([]);
    }
  });

  it('turns the largest preview upright by the RAW’s orientation, at the preview’s own size', async () => {
    const row = rowAt(t.library, 'DSC_0042.NEF');
    expect(row).toMatchObject({ format: 'nef', mime: 'image/x-nikon-nef', file_state: 'ok', width: 5504, height: 8256, orientation: 6, camera_model: 'NIKON D850' });
    const thumbs = thumbnailRows(t.library, row.md5 as string);
    expect(thumbs.map((th) => [th.size, th.width, th.height])).toEqual([[64, 43, 64], [128, 85, 128], [512, 200, 300], [1080, 200, 300]]);
    // The preview's red third was on the left; turned 90° clockwise it is at the top.
    const { data, info } = await sharp(thumbnailPath(t.library.paths, row.md5 as string, 512)).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(pixel(100, 20)[0]).toBeGreaterThan(150);
    expect(pixel(100, 280)[1]).toBeGreaterThan(120);
  });

  it('rebuilds a RAW thumbnail from its preview, and is NOT_FOUND for a RAW without one', async () => {
    const row = rowAt(t.library, 'DSC_0042.NEF');
    fs.rmSync(thumbnailPath(t.library.paths, row.md5 as string, 128));
    const meta = await sharp(await ensureThumbnail(t.library, row.id, 128)).metadata();
    expect(meta).toMatchObject({ width: 85, height: 128 });
    await expectFolioError(ensureThumbnail(t.library, rowAt(t.library, 'Nikon.nef').id, 128), 'NOT_FOUND');
  });
});

describe('camera RAW without a preview, developed by LibRaw (dcraw_emu, Debian libraw-bin)', () => {
  let t: TempLibrary;
  const NO_PREVIEW = Object.keys(CORPUS_RAW).filter((f) => !WITH_PREVIEW.has(f));

  beforeAll(async () => {
    // CI installs libraw-bin (.ci/run); a machine without it fails here rather than skipping.
    expect(findOnPath('dcraw_emu'), 'dcraw_emu (Debian: libraw-bin) is on PATH').not.toBeNull();
    t = openTempLibrary({ workers: 2 });
    const folder = path.join(t.dir, 'photos');
    fs.mkdirSync(folder);
    for (const file of NO_PREVIEW) fs.copyFileSync(path.join(RAW_CORPUS_DIR, file), path.join(folder, file));
    await importAndWait(t.library, folder);
  }, 120_000);
  afterAll(async () => {
    await t.dispose();
  });

  // The samples' sensor data is stripped: LibRaw develops what is there (DNG cleanly, NEF and
  // CR3 with complaints) and gives up on the rest with its reason.
  it('records what LibRaw made of each, with thumbnails where it developed the data', () => {
    const expected: Record<string, { state: string; reason: RegExp | null }> = {
      'DNG.dng': { state: 'ok', reason: null },
      'Nikon.nef': { state: 'damaged', reason: /^LibRaw developed the RAW data but reported damage \(data corrupted at \d+\)/ },
      'CanonRaw.cr3': { state: 'damaged', reason: /^LibRaw developed the RAW data but reported damage \(data corrupted at \d+\)/ },
      'CanonRaw.cr2': { state: 'unsupported', reason: /no embedded preview; .*LibRaw cannot develop it \(Cannot open: Unsupported file format or not RAW file\)$/ },
      'CanonRaw.crw': { state: 'unsupported', reason: /LibRaw cannot develop it \(.*Unexpected end of file/ },
      'PhaseOne.iiq': { state: 'unsupported', reason: /LibRaw cannot develop it \(.*Unexpected end of file/ },
      'Sigma.x3f': { state: 'unsupported', reason: /LibRaw cannot develop it \(Cannot open: Unsupported file format or not RAW file\)$/ },
    };
    for (const file of NO_PREVIEW) {
      const row = rowAt(t.library, file);
      const want = expected[file]!;
      expect(row.file_state, file).toBe(want.state);
      if (want.reason === null) expect(row.state_reason, file).toBeNull();
      else expect(row.state_reason, file).toMatch(want.reason);
      expect(thumbnailRows(t.library, row.md5 as string).length, file).toBe(want.state === 'unsupported' ? 0 : 4);
      // The camera's facts are the file's, whatever LibRaw made of the pixels.
      expect(row, file).toMatchObject(CORPUS_RAW[file as keyof typeof CORPUS_RAW]);
    }
  });

  it('develops again when a deleted thumbnail is asked for', async () => {
    const row = rowAt(t.library, 'DNG.dng');
    fs.rmSync(thumbnailPath(t.library.paths, row.md5 as string, 512));
    const meta = await sharp(await ensureThumbnail(t.library, row.id, 512)).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width, meta.height)).toBe(512);
  });
});
