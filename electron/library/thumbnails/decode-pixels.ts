/**
 * The thumbnail decode for pictures that sharp does not read from the file itself: pixels a
 * WebAssembly decoder produced (HEVC HEIC), or an embedded preview whose orientation is the
 * RAW file's, not its own.
 */
import sharp, { type Sharp } from 'sharp';
import { DECODE_EDGE, type DecodedImage, type DecodeLimits } from './render-thumbnails.js';

export interface RawPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** Shrinks decoded pixels to the one thumbnail decode (at most DECODE_EDGE px), as sRGB. */
export async function decodedFromPixels(pixels: RawPixels, limits: DecodeLimits): Promise<DecodedImage> {
  const raw = { width: pixels.width, height: pixels.height, channels: pixels.channels };
  const { data, info } = await sharp(pixels.data, { raw, limitInputPixels: limits.pixelLimit })
    .timeout({ seconds: limits.timeoutSeconds })
    .resize(DECODE_EDGE, DECODE_EDGE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels, damage: null };
}

// EXIF orientation → a quarter-turn rotation (clockwise) and whether to mirror afterwards.
const STEPS: Record<number, { angle: 0 | 90 | 180 | 270; flop: boolean }> = {
  1: { angle: 0, flop: false },
  2: { angle: 0, flop: true },
  3: { angle: 180, flop: false },
  4: { angle: 180, flop: true },
  5: { angle: 90, flop: true },
  6: { angle: 90, flop: false },
  7: { angle: 270, flop: true },
  8: { angle: 270, flop: false },
};

/**
 * Turns a decoded image upright for an EXIF orientation. The rotation and the mirror are two
 * pipelines on purpose: within one, sharp applies flips before an explicit rotation, and the
 * EXIF definitions need the rotation first.
 */
export async function orientDecoded(image: DecodedImage, orientation: number | null): Promise<DecodedImage> {
  const step = STEPS[orientation ?? 1] ?? STEPS[1]!;
  let current = image;
  if (step.angle !== 0) current = await transform(current, (s) => s.rotate(step.angle));
  if (step.flop) current = await transform(current, (s) => s.flop());
  return current;
}

async function transform(image: DecodedImage, apply: (s: Sharp) => Sharp): Promise<DecodedImage> {
  const raw = { width: image.width, height: image.height, channels: image.channels };
  const { data, info } = await apply(sharp(image.data, { raw })).raw().toBuffer({ resolveWithObject: true });
  return { ...image, data, width: info.width, height: info.height, channels: info.channels };
}
