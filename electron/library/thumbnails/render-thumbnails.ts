import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import sharp, { type Sharp, type WebpOptions } from 'sharp';
import { THUMBNAIL_SIZES, type ThumbnailSize } from '../../../shared/media.js';
import type { LibraryPaths } from '../base/paths.js';
import { thumbnailPath } from '../base/thumbnail-paths.js';

/** The largest thumbnail's long edge: the one decode is shrunk to this, every size derives from it. */
export const DECODE_EDGE = Math.max(...THUMBNAIL_SIZES);

/** The encoder settings of every thumbnail (the import benchmark's bare loop uses them too). */
export const THUMBNAIL_WEBP: WebpOptions = { quality: 80, effort: 2 };

export interface DecodeLimits {
  pixelLimit: number;
  timeoutSeconds: number;
}

/** An upright image, at most DECODE_EDGE px on its long edge, as raw sRGB(A) pixels. */
export interface DecodedImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  /** Set when the strict decode failed and this is what a lenient one could read of the image. */
  damage: string | null;
}

// Unique per write: a worker may be writing the same md5's thumbnails twice at once (two
// copies of one photo), and each write must rename only its own temporary file.
let writeCounter = 0;

export interface RenderedThumbnail {
  size: ThumbnailSize;
  width: number;
  height: number;
  bytes: number;
}

function decodePipeline(input: Buffer, limits: DecodeLimits, failOn: 'warning' | 'none'): Sharp {
  // Resizing inside the decode lets libjpeg/libwebp shrink on load, so a 24 MP JPEG is never
  // fully expanded; autoOrient makes every derived size upright.
  return sharp(input, { limitInputPixels: limits.pixelLimit, autoOrient: true, failOn })
    .timeout({ seconds: limits.timeoutSeconds })
    .resize(DECODE_EDGE, DECODE_EDGE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' });
}

async function decodeWith(input: Buffer, limits: DecodeLimits, failOn: 'warning' | 'none'): Promise<DecodedImage> {
  const { data, info } = await decodePipeline(input, limits, failOn).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels, damage: null };
}

/**
 * Decodes the image once for all thumbnail sizes. A strict decode comes first; if libvips
 * only complains about damaged data (a truncated JPEG), a lenient one recovers what can be
 * shown and the result carries the complaint, the way photo viewers show half a photo.
 * Timeouts, pixel-limit refusals and unreadable formats throw.
 */
export async function decodeForThumbnails(input: Buffer, limits: DecodeLimits): Promise<DecodedImage> {
  try {
    return await decodeWith(input, limits, 'warning');
  } catch (strictError) {
    const message = strictError instanceof Error ? strictError.message : String(strictError);
    if (isFatalDecodeError(message)) throw strictError;
    let lenient: DecodedImage;
    try {
      lenient = await decodeWith(input, limits, 'none');
    } catch {
      throw strictError;
    }
    return { ...lenient, damage: message };
  }
}

function isFatalDecodeError(message: string): boolean {
  return /timeout|pixel limit|unsupported image format|Support for this compression format/i.test(message);
}

/**
 * Writes the four WebP sizes from one decoded image (never upscaled: a small image gives four
 * files of its own size). Each file is written under a temporary name and renamed, so a crash
 * never leaves half a thumbnail under the real name.
 */
export async function writeThumbnails(
  decoded: DecodedImage,
  md5: string,
  paths: LibraryPaths,
): Promise<RenderedThumbnail[]> {
  const raw = { width: decoded.width, height: decoded.height, channels: decoded.channels };
  const longEdge = Math.max(decoded.width, decoded.height);
  const out: RenderedThumbnail[] = [];
  await fs.promises.mkdir(path.dirname(thumbnailPath(paths, md5, THUMBNAIL_SIZES[0])), { recursive: true });
  const writeId = `${process.pid}-${threadId}-${(writeCounter += 1)}`;
  for (const size of THUMBNAIL_SIZES) {
    const target = thumbnailPath(paths, md5, size);
    const temporary = `${target}.${writeId}.tmp`;
    let pipeline = sharp(decoded.data, { raw });
    if (longEdge > size) pipeline = pipeline.resize(size, size, { fit: 'inside' });
    try {
      const info = await pipeline.webp(THUMBNAIL_WEBP).toFile(temporary);
      await fs.promises.rename(temporary, target);
      out.push({ size, width: info.width, height: info.height, bytes: info.size });
    } catch (error) {
      await fs.promises.rm(temporary, { force: true });
      throw error;
    }
  }
  return out;
}

