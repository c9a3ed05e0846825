import type { Metadata } from 'sharp';
import { decodeHeif, HeifDecodeError } from '../formats/heif-decode.js';
import { decodedFromPixels } from '../thumbnails/decode-pixels.js';
import type { DecodeLimits } from '../thumbnails/render-thumbnails.js';
import { errorMessage } from '../base/file-errors.js';
import type { ImageProbe } from './probe-image.js';

/**
 * A HEVC-coded HEIC/HEIF (sharp read its header but cannot decode it): decoded once with
 * libheif for the thumbnails. The HEIF container's own rotation (`irot`), mirror and crop are
 * what make the picture upright, and libheif applies them, so the recorded size is that of the
 * decoded picture; EXIF's orientation is kept as the file states it, for information only
 * (iPhones write 6 beside an `irot` that already turns the picture, and applying both would
 * turn it twice).
 */
export async function probeHevcHeif(bytes: Buffer, meta: Metadata, exifOrientation: number | null, limits: DecodeLimits): Promise<ImageProbe> {
  const facts = {
    width: meta.width,
    height: meta.height,
    mode: 'srgb',
    hasAlpha: meta.hasAlpha,
    orientation: exifOrientation,
  };
  const pixels = meta.width * meta.height;
  if (pixels > limits.pixelLimit) {
    return {
      state: 'oversized',
      reason: `${meta.width}×${meta.height} is ${(pixels / 1e6).toFixed(0)} MP, above the limit of ${(limits.pixelLimit / 1e6).toFixed(0)} MP`,
      facts,
      decoded: null,
    };
  }
  try {
    const heif = await decodeHeif(bytes);
    const decoded = await decodedFromPixels(heif, limits);
    return { state: 'ok', reason: null, facts: { ...facts, width: heif.width, height: heif.height }, decoded };
  } catch (error) {
    const detail = error instanceof HeifDecodeError ? error.message : errorMessage(error);
    return { state: 'damaged', reason: `The HEIC/HEIF image data is damaged and cannot be decoded (${detail})`, facts, decoded: null };
  }
}
