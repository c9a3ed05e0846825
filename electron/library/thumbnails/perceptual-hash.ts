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

// Comparing hashes lives on the ground floor (the database's duplicate:near needs it too).
export { hammingDistance, hashHalves } from '../base/hash-distance.js';
