import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exifDate,
  exifFieldsFrom,
  exifOrientation,
  exifText,
  gpsAltitude,
  gpsCoordinate,
  NO_EXIF,
  readExif,
} from '../../../electron/library/import/exif-fields.js';
import { CORPUS_DIR } from '../../helpers/temp-library.js';

describe('exif values', () => {
  it('turns EXIF dates into ISO local time and refuses impossible ones', () => {
    expect(exifDate('2008:10:22 16:28:39')).toBe('2008-10-22T16:28:39');
    expect(exifDate('2008-10-22T16:28:39')).toBe('2008-10-22T16:28:39');
    expect(exifDate('0000:00:00 00:00:00')).toBeNull();
    expect(exifDate('2023:02:29 10:00:00')).toBeNull();
    expect(exifDate('2024:02:29 10:00:00')).toBe('2024-02-29T10:00:00');
    expect(exifDate('2008:13:01 10:00:00')).toBeNull();
    expect(exifDate('2008:10:22 24:00:00')).toBeNull();
    expect(exifDate('')).toBeNull();
    expect(exifDate('    ')).toBeNull();
    expect(exifDate(20081022)).toBeNull();
    expect(exifDate(new Date())).toBeNull();
  });

  it('cleans camera text: NUL padding, control characters, empty strings', () => {
    expect(exifText('  NIKON  ')).toBe('NIKON');
    expect(exifText('ION230\u0000F')).toBe('ION230');
    expect(exifText('a\u0007b')).toBe('a b');
    expect(exifText('')).toBeNull();
    expect(exifText('\u0000\u0000')).toBeNull();
    expect(exifText(42)).toBeNull();
    expect(exifText(new Uint8Array([65, 66]))).toBeNull();
    expect([...(exifText('x'.repeat(10_000)) ?? '')]).toHaveLength(200);
  });

  it('reads GPS as signed degrees and refuses out-of-range or malformed values', () => {
    expect(gpsCoordinate([43, 28, 2.814], 'N', 'S', 90)).toBeCloseTo(43.4674483, 6);
    expect(gpsCoordinate([94, 17, 19.58], 'W', 'W', 180)).toBeCloseTo(-94.2887722, 6);
    expect(gpsCoordinate([0, 22.278, 0], 'S', 'S', 90)).toBeCloseTo(-0.3713, 6);
    expect(gpsCoordinate(12.5, 'E', 'W', 180)).toBe(12.5);
    expect(gpsCoordinate([91, 0, 0], 'N', 'S', 90)).toBeNull();
    expect(gpsCoordinate([10, 61, 0], 'N', 'S', 90)).toBeNull();
    expect(gpsCoordinate([Number.NaN, 0, 0], 'N', 'S', 90)).toBeNull();
    expect(gpsCoordinate(['1', 2, 3], 'N', 'S', 90)).toBeNull();
    expect(gpsCoordinate([1, 2, 3, 4], 'N', 'S', 90)).toBeNull();
    expect(gpsCoordinate(undefined, 'N', 'S', 90)).toBeNull();
    expect(gpsAltitude(340, new Uint8Array([0]))).toBe(340);
    expect(gpsAltitude(12, new Uint8Array([1]))).toBe(-12);
    expect(gpsAltitude(1e12, 0)).toBeNull();
  });

  it('keeps only orientations 1–8', () => {
    expect(exifOrientation(6)).toBe(6);
    expect(exifOrientation(0)).toBeNull();
    expect(exifOrientation(9)).toBeNull();
    expect(exifOrientation(2.5)).toBeNull();
    expect(exifOrientation('6')).toBeNull();
  });

  it('drops a 0°,0° position (cameras write it when they had no fix)', () => {
    const fields = exifFieldsFrom({ GPSLatitude: [0, 0, 0], GPSLongitude: [0, 0, 0], GPSLatitudeRef: 'N', GPSLongitudeRef: 'E' });
    expect(fields.gpsLat).toBeNull();
    expect(fields.gpsLon).toBeNull();
  });
});

describe('readExif on real files', () => {
  it('reads camera, date and GPS of jpg/gps/DSCN0010.jpg', async () => {
    const fields = await readExif(fs.readFileSync(path.join(CORPUS_DIR, 'jpg/gps/DSCN0010.jpg')));
    expect(fields).toEqual({
      takenAt: '2008-10-22T16:28:39',
      cameraMake: 'NIKON',
      cameraModel: 'COOLPIX P6000',
      gpsLat: expect.closeTo(43.4674483, 6),
      gpsLon: expect.closeTo(11.8851267, 6),
      gpsAlt: null,
      orientation: 1,
    });
  });

  it('never throws on the odd-EXIF samples, broken files or non-images', async () => {
    const dirs = ['jpg/tests', 'jpg/invalid'];
    const files = dirs.flatMap((dir) => fs.readdirSync(path.join(CORPUS_DIR, dir)).map((name) => path.join(CORPUS_DIR, dir, name)));
    files.push(path.join(CORPUS_DIR, 'jpg/corrupted.jpg'), path.join(CORPUS_DIR, 'README.rst'));
    for (const file of files) {
      const fields = await readExif(fs.readFileSync(file));
      expect(Object.keys(fields).sort(), file).toEqual(Object.keys(NO_EXIF).sort());
      if (fields.takenAt !== null) expect(fields.takenAt, file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    }
    expect(await readExif(Buffer.alloc(0))).toEqual(NO_EXIF);
    expect(await readExif(Buffer.from('not an image at all'))).toEqual(NO_EXIF);
  });
});
