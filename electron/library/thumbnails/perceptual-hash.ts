/**
 * A 64-bit difference hash (dHash) of a picture: shrunk to 9×8 grey pixels, one bit per pair
 * of horizontal neighbours (is the left one brighter?). Resizing, recompressing and small
 * colour changes barely move it; a different picture differs in about half the bits. Made
 * from the import's one decode (the pixels the thumbnails come from), never a second read.
 * Written as 16 hex digits: SQLite's integers are signed and JavaScript's numbers hold 53 bits.
 */
import sharp from 'sharp';
import type { DecodedImage } from './render-thumbnails.js';

export const HASH_BITS = 64;

export async function differenceHash(image: DecodedImage): Promise<string> {
  let pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } });
  // Transparent areas count as white, as a viewer shows them on a light page.
  if (image.channels === 2 || image.channels === 4) pipeline = pipeline.flatten({ background: '#ffffff' });
  const grey = await pipeline.greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  let hex = '';
  for (let row = 0; row < 8; row += 1) {
    let byte = 0;
    for (let col = 0; col < 8; col += 1) {
      const left = grey[row * 9 + col] as number;
      const right = grey[row * 9 + col + 1] as number;
      byte = (byte << 1) | (left > right ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** The hash as two 32-bit halves, for fast comparison of many. */
export function hashHalves(hex: string): [number, number] {
  return [Number.parseInt(hex.slice(0, 8), 16) >>> 0, Number.parseInt(hex.slice(8, 16), 16) >>> 0];
}

function popcount32(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Bits that differ between two hashes given as halves: 0 (same picture) to 64. */
export function hammingDistance(aHi: number, aLo: number, bHi: number, bLo: number): number {
  return popcount32(aHi ^ bHi) + popcount32(aLo ^ bLo);
}
