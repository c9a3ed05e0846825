import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thumbnailPath } from '../../../electron/library/base/thumbnail-paths.js';
import { copyCorpus, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt } from './import-fixture.js';

async function pixels(file: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Mean absolute difference per channel, 0–255. */
function meanDifference(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

describe('the eight EXIF orientations', () => {
  let t: TempLibrary;

  beforeAll(async () => {
    t = openTempLibrary({ workers: 2 });
    const folder = copyCorpus(path.join(t.dir, 'photos'), ['jpg/orientation']);
    await importAndWait(t.library, folder);
  });
  afterAll(async () => {
    await t.dispose();
  });

  for (const shape of ['landscape', 'portrait'] as const) {
    it(`${shape}_1…8 all give the same upright thumbnails`, async () => {
      const reference = rowAt(t.library, `jpg/orientation/${shape}_1.jpg`);
      for (const size of [128, 512] as const) {
        const expected = await pixels(thumbnailPath(t.library.paths, reference.md5 as string, size));
        // Landscape images are wider than tall once upright; portraits the other way round.
        expect(expected.width > expected.height).toBe(shape === 'landscape');
        for (let orientation = 2; orientation <= 8; orientation += 1) {
          const row = rowAt(t.library, `jpg/orientation/${shape}_${orientation}.jpg`);
          expect(row.orientation).toBe(orientation);
          expect([row.width, row.height]).toEqual([reference.width, reference.height]);
          const actual = await pixels(thumbnailPath(t.library.paths, row.md5 as string, size));
          expect([actual.width, actual.height], `${shape}_${orientation} @${size}`).toEqual([expected.width, expected.height]);
          // A wrong rotation or mirror of these photos differs by 30+ on average.
          expect(meanDifference(actual.data, expected.data), `${shape}_${orientation} @${size}`).toBeLessThan(8);
        }
      }
    });
  }
});
