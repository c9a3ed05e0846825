import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readRawFacts } from '../../../electron/library/formats/raw-facts.js';
import { sniffRaw } from '../../../electron/library/formats/sniff-raw.js';
import { makeTiffRaw, RAW_CORPUS_DIR } from '../../helpers/make-raw.js';

function factsOf(file: string) {
  const bytes = fs.readFileSync(path.join(RAW_CORPUS_DIR, file));
  const format = sniffRaw(bytes)?.format;
  if (format === undefined) throw new Error(`${file} is not recognised`);
  return readRawFacts(bytes, format);
}

describe('readRawFacts', () => {
  // The sizes and cameras ExifTool reports for the same files (its ImageSize, Make, Model).
  it.each([
    ['CanonRaw.cr2', 'Canon', 'Canon EOS 350D DIGITAL', 3456, 2304, '2005:08:03 18:59:18'],
    ['CanonRaw.cr3', 'Canon', 'Canon EOS M50', 6000, 4000, '2018:02:21 12:08:56'],
    ['CanonRaw.crw', 'Canon', 'Canon EOS DIGITAL REBEL', 3072, 2048, '2003:11:10 17:39:26'],
    ['DNG.dng', 'Canon', 'Canon EOS 350D DIGITAL', 3516, 2328, '2005:08:03 18:59:18'],
    ['FujiFilm.raf', null, 'FinePix S5Pro', 4256, 1424, null],
    ['Nikon.nef', 'NIKON CORPORATION', 'NIKON D70', 3040, 2014, '2004:06:09 16:02:35'],
    ['Panasonic.rw2', 'Panasonic', 'DMC-LX3', 3648, 2736, '2008:08:06 15:21:56'],
    ['PhaseOne.iiq', 'Leaf', 'Credo 40', 7320, 5484, '2013:06:19 15:44:21'],
    ['Sigma.x3f', 'SIGMA', 'SIGMA SD10', 2268, 1512, null],
  ])('%s: %s %s, %i×%i', (file, make, model, width, height, dateTime) => {
    expect(factsOf(file)).toMatchObject({ make, model, width, height, dateTime });
  });

  it('finds the embedded JPEG previews where the files keep one', () => {
    expect(factsOf('FujiFilm.raf').previews).toEqual([{ offset: 148, length: 12167, source: 'raf' }]);
    expect(factsOf('Panasonic.rw2').previews).toEqual([{ offset: 1536, length: 10785, source: 'JpgFromRaw' }]);
    for (const file of ['CanonRaw.cr2', 'CanonRaw.cr3', 'CanonRaw.crw', 'DNG.dng', 'Nikon.nef', 'PhaseOne.iiq', 'Sigma.x3f']) {
      expect(factsOf(file).previews, file).toEqual([]);
    }
  });

  it('reads a TIFF RAW built in the test: orientation, sensor size from the SubIFD, the preview in IFD0', async () => {
    const preview = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c33' } }).jpeg().toBuffer();
    const bytes = makeTiffRaw({ make: 'NIKON CORPORATION', model: 'NIKON D850', orientation: 6, width: 8256, height: 5504, preview });
    const facts = readRawFacts(bytes, 'nef');
    expect(facts).toMatchObject({ make: 'NIKON CORPORATION', model: 'NIKON D850', orientation: 6, width: 8256, height: 5504 });
    expect(facts.previews).toHaveLength(1);
    const range = facts.previews[0]!;
    expect(bytes.subarray(range.offset, range.offset + range.length).equals(preview)).toBe(true);
  });

  it('gives nulls, not an exception, for damaged structures', () => {
    const nef = fs.readFileSync(path.join(RAW_CORPUS_DIR, 'Nikon.nef'));
    for (const cut of [8, 20, 200, 1000]) {
      expect(() => readRawFacts(nef.subarray(0, cut), 'nef')).not.toThrow();
    }
    for (const format of ['cr3', 'raf', 'crw', 'x3f', 'dng']) {
      expect(readRawFacts(Buffer.from('not a raw at all, just text'), format)).toMatchObject({ make: null, previews: [] });
    }
  });
});
