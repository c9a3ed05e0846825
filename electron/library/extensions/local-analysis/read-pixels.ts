/**
 * Gets a small upright RGBA picture of the item: from the thumbnail cache when a thumbnail is
 * there (cheap: a few KB of WebP), else by decoding the original at low resolution (images
 * only; sharp's pixel limit and timeout apply as in import). Files are read into memory first:
 * paths may not be UTF-8, and libvips would otherwise cache a thumbnail file by its name.
 */
import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { ExtensionRunState, ThumbnailSize } from '../../../../shared/media.js';
import { readOriginal } from '../../base/original-file.js';
import { thumbnailPath } from '../../base/thumbnail-paths.js';
import type { ExtensionEnv, ExtensionSubject } from '../types.js';
import type { RgbaImage } from './pixel-stats.js';

/** Long edge of the analysed picture: enough for shares of a few percent, cheap to scan. */
export const ANALYSIS_EDGE = 128;
// Smallest first that still has ANALYSIS_EDGE pixels; the others when it is missing.
const THUMBNAIL_ORDER: readonly ThumbnailSize[] = [128, 512, 1080, 64];

export class PixelsUnavailable extends Error {
  constructor(
    readonly status: Exclude<ExtensionRunState, 'done'>,
    message: string,
  ) {
    super(message);
  }
}

async function decode(input: Buffer, env: ExtensionEnv): Promise<RgbaImage> {
  const { data, info } = await sharp(input, { limitInputPixels: env.pixelLimit })
    .timeout({ seconds: env.decodeTimeoutSeconds })
    .rotate()
    .resize(ANALYSIS_EDGE, ANALYSIS_EDGE, { fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function readIfPresent(file: string | Buffer): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}

export async function readPixels(subject: ExtensionSubject, env: ExtensionEnv): Promise<{ image: RgbaImage; from: string }> {
  if (subject.md5 !== null) {
    for (const size of THUMBNAIL_ORDER) {
      const bytes = await readIfPresent(thumbnailPath(env.paths, subject.md5, size));
      if (bytes === null) continue;
      try {
        return { image: await decode(bytes, env), from: `thumbnail-${size}` };
      } catch {
        // A damaged cache file is regenerable; fall through to the next size or the original.
      }
    }
  }
  if (subject.type !== 'image') {
    throw new PixelsUnavailable('unsupported', `No thumbnail of this ${subject.type} is cached yet, so its picture could not be analysed`);
  }
  const original = await openOriginal(subject);
  try {
    return { image: await decode(original, env), from: 'original' };
  } catch (error) {
    throw decodeFailure(error);
  }
}

/**
 * The original file's bytes, or why they cannot be had: a file import could not decode, one
 * that is not reachable. Shared by the extensions that look at the full picture.
 */
export async function openOriginal(subject: ExtensionSubject): Promise<Buffer> {
  if (subject.fileState !== 'ok' && subject.fileState !== 'pending') {
    const status = subject.fileState === 'unsupported' || subject.fileState === 'oversized' ? 'unsupported' : 'failed';
    throw new PixelsUnavailable(status, `The file could not be decoded (${subject.fileState}${subject.stateReason ? `: ${subject.stateReason}` : ''})`);
  }
  if (subject.availability !== 'present') throw new PixelsUnavailable('failed', 'The file is not reachable and no thumbnail is cached');
  try {
    // The one opener of originals: the folder, the real path and the recorded size and time are checked first.
    return await readOriginal(subject.original);
  } catch (error) {
    throw new PixelsUnavailable('failed', `The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A sharp error while decoding an original, as the run status it means. */
export function decodeFailure(error: unknown): PixelsUnavailable {
  const reason = error instanceof Error ? error.message : String(error);
  const unsupported = /unsupported image format|pixel limit|compression format has not been built in|bad seek/iu.test(reason);
  return new PixelsUnavailable(unsupported ? 'unsupported' : 'failed', `The file could not be decoded: ${reason}`);
}
