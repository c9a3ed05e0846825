/**
 * Thumbnails of a camera RAW from the largest JPEG preview embedded in it (what Lightroom and
 * Photo Mechanic show before they have developed the file). The preview is turned upright by
 * the RAW's orientation: previews often carry none of their own, or one that disagrees.
 */
import sharp from 'sharp';
import type { PreviewRange, RawFacts } from '../formats/raw-facts.js';
import { orientDecoded } from './decode-pixels.js';
import { DECODE_EDGE, type DecodedImage, type DecodeLimits } from './render-thumbnails.js';

export interface RawPreviewDecode {
  decoded: DecodedImage | null;
  /** Which preview was used (its source and pixel size), or why none could be. */
  detail: string;
}

interface Candidate {
  range: PreviewRange;
  bytes: Buffer;
  width: number;
  height: number;
  orientation: number | null;
}

async function candidate(file: Buffer, range: PreviewRange): Promise<Candidate | null> {
  const bytes = file.subarray(range.offset, range.offset + range.length);
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (meta.format !== 'jpeg' || meta.width < 2 || meta.height < 2) return null;
    return { range, bytes, width: meta.width, height: meta.height, orientation: meta.orientation ?? null };
  } catch {
    return null; // a lossless-JPEG sensor strip or a damaged preview: not a picture sharp can show
  }
}

/** Decodes the largest usable preview, shrunk to the thumbnail decode and upright. */
export async function decodeRawPreview(file: Buffer, facts: RawFacts, limits: DecodeLimits): Promise<RawPreviewDecode> {
  const found = (await Promise.all(facts.previews.map((range) => candidate(file, range)))).filter((c): c is Candidate => c !== null);
  if (found.length === 0) {
    return { decoded: null, detail: facts.previews.length === 0 ? 'it has no embedded preview' : 'its embedded preview cannot be read' };
  }
  found.sort((a, b) => b.width * b.height - a.width * a.height);
  for (const preview of found) {
    try {
      const { data, info } = await sharp(preview.bytes, { limitInputPixels: limits.pixelLimit, autoOrient: false, failOn: 'none' })
        .timeout({ seconds: limits.timeoutSeconds })
        .resize(DECODE_EDGE, DECODE_EDGE, { fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb')
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
      const flat: DecodedImage = { data, width: info.width, height: info.height, channels: info.channels, damage: null };
      const decoded = await orientDecoded(flat, facts.orientation ?? preview.orientation);
      return { decoded, detail: `${preview.range.source} preview, ${preview.width}×${preview.height}` };
    } catch {
      // try the next largest
    }
  }
  return { decoded: null, detail: 'its embedded preview cannot be decoded' };
}
