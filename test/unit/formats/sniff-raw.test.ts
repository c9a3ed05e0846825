import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES, sniffFormat } from '../../../electron/library/formats/sniff-format.js';
import { makeTiffRaw, RAW_CORPUS_DIR } from '../../helpers/make-raw.js';
import { CORPUS_DIR } from '../../helpers/temp-library.js';

const head = (file: string): Uint8Array => fs.readFileSync(file).subarray(0, SNIFF_BYTES);

describe('camera RAW types from their bytes', () => {
  it('names each RAW of the corpus with its real MIME, as an image, never TIFF or MP4', () => {
    const expected: Record<string, [string, string]> = {
      'CanonRaw.cr2': ['cr2', 'image/x-canon-cr2'],
      'CanonRaw.cr3': ['cr3', 'image/x-canon-cr3'],
      'CanonRaw.crw': ['crw', 'image/x-canon-crw'],
      'DNG.dng': ['dng', 'image/x-adobe-dng'],
      'FujiFilm.raf': ['raf', 'image/x-fujifilm-raf'],
      'Nikon.nef': ['nef', 'image/x-nikon-nef'],
      'Panasonic.rw2': ['rw2', 'image/x-panasonic-rw2'],
      'PhaseOne.iiq': ['iiq', 'image/x-phaseone-iiq'],
      'Sigma.x3f': ['x3f', 'image/x-sigma-x3f'],
    };
    expect(fs.readdirSync(RAW_CORPUS_DIR).filter((f) => !f.endsWith('.md')).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, [format, mime]] of Object.entries(expected)) {
      expect(sniffFormat(head(path.join(RAW_CORPUS_DIR, file))), file).toEqual({ type: 'image', format, mime });
    }
  });

  it('keeps the TIFFs of the corpus TIFF', () => {
    for (const file of fs.readdirSync(path.join(CORPUS_DIR, 'tiff')).filter((f) => f.endsWith('.tiff'))) {
      expect(sniffFormat(head(path.join(CORPUS_DIR, 'tiff', file))).format, file).toBe('tiff');
    }
  });

  it('tells makers apart in TIFF-based RAWs by Make and a RAW-only structure', async () => {
    const preview = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const raw = (make: string, model = 'X') => sniffFormat(makeTiffRaw({ make, model, orientation: 1, width: 60, height: 40, preview })).format;
    expect(raw('NIKON CORPORATION')).toBe('nef');
    expect(raw('Nikon', 'COOLPIX P7800')).toBe('nrw');
    expect(raw('SONY')).toBe('arw');
    expect(raw('SONY', 'DSC-R1')).toBe('sr2');
    expect(raw('PENTAX')).toBe('pef');
    expect(raw('SAMSUNG')).toBe('srw');
    expect(raw('Hasselblad')).toBe('3fr');
    // A maker nobody writes RAW as: the file is what its header says, a TIFF.
    expect(raw('ACME Scanners')).toBe('tiff');
  });

  it('reads the magic numbers of the non-TIFF layouts', () => {
    const at = (text: string, pad = 64) => Buffer.concat([Buffer.from(text, 'latin1'), Buffer.alloc(pad)]);
    expect(sniffFormat(at('IIRO\x08\0\0\0')).format).toBe('orf');
    expect(sniffFormat(at('IIU\0\x18\0\0\0')).format).toBe('rw2');
    expect(sniffFormat(at('\0MRM\0\0\0\0')).format).toBe('mrw');
    expect(sniffFormat(at('\0\0\0\x18ftypcrx \0\0\0\x01crx isom')).format).toBe('cr3');
    // An ordinary MP4 stays a video.
    expect(sniffFormat(at('\0\0\0\x18ftypisom\0\0\x02\0isomiso2')).type).toBe('video');
  });
});
