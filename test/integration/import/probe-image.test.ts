/**
 * A damaged image's stored reason: a fixed sentence in Folio's words, with libvips' detail as a
 * hint only when it says something. Real sharp on the corpus's damaged JPEG, decoded many
 * times at once, the way the import workers load libvips.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decoderDetail, probeImage } from '../../../electron/library/import/probe-image.js';
import { CORPUS_DIR } from '../../helpers/temp-library.js';

const LIMITS = { pixelLimit: 100_000_000, timeoutSeconds: 30 };

describe('a damaged image’s reason', () => {
  it('starts with the same sentence however many images decode at once', async () => {
    const bytes = fs.readFileSync(path.join(CORPUS_DIR, 'jpg', 'corrupted.jpg'));
    const busy = fs.readFileSync(path.join(CORPUS_DIR, 'jpg', 'Canon_40D.jpg'));
    const probes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? probeImage(bytes, 'jpeg', null, LIMITS) : probeImage(busy, 'jpeg', null, LIMITS))),
    );
    const damaged = probes.filter((_, i) => i % 2 === 0);
    for (const probe of damaged) {
      expect(probe.state).toBe('damaged');
      expect(probe.decoded).toBeNull();
      expect(probe.reason).toMatch(/^The JPEG image data is damaged and cannot be decoded( \(.+\))?$/);
      expect(probe.reason).not.toMatch(/failOn/);
    }
    expect(probes.filter((_, i) => i % 2 === 1).every((probe) => probe.state === 'ok')).toBe(true);
  });

  it('keeps libvips’ words for the damage and drops its generic failOn line', () => {
    expect(decoderDetail('VipsJpeg: Corrupt JPEG data: premature end of data segment\nVipsJpeg: Corrupt JPEG data: premature end of data segment')).toBe(
      ' (VipsJpeg: Corrupt JPEG data: premature end of data segment)',
    );
    expect(decoderDetail('Warning treated as error due to failOn setting')).toBe('');
    expect(decoderDetail('VipsJpeg: Premature end of input file\nWarning treated as error due to failOn setting\n')).toBe(
      ' (VipsJpeg: Premature end of input file)',
    );
  });
});
