/**
 * The one decode for thumbnails of any still image, whichever decoder its format needs:
 * libheif (WebAssembly) for HEVC-coded HEIC/HEIF, the embedded preview for camera RAW, sharp
 * for everything else (including AV1 HEIF/AVIF). Used when a deleted thumbnail is rebuilt;
 * the import reaches the same decoders through probe-image, which also decides the file's state.
 */
import sharp from 'sharp';
import { FolioError } from '../../../shared/errors.js';
import { decodeHeif } from '../formats/heif-decode.js';
import { readRawFacts } from '../formats/raw-facts.js';
import { isRawFormat } from '../formats/sniff-raw.js';
import { decodedFromPixels } from './decode-pixels.js';
import { decodeRawPreview } from './decode-raw-preview.js';
import type { Development } from './develop-raw.js';
import { decodeForThumbnails, type DecodedImage, type DecodeLimits } from './render-thumbnails.js';

/** The thumbnail decode of a HEVC-coded HEIF: libheif applies the container's rotation, mirror and crop. */
export async function decodeHeifForThumbnails(bytes: Buffer, limits: DecodeLimits): Promise<DecodedImage> {
  return decodedFromPixels(await decodeHeif(bytes), limits);
}

/** True when sharp's own libheif would refuse the file because it is HEVC-coded. */
export async function isHevcHeif(bytes: Buffer): Promise<boolean> {
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    return meta.format === 'heif' && meta.compression === 'hevc';
  } catch {
    return false;
  }
}

/**
 * Decodes a still image of the given (sniffed) format for its thumbnails. NOT_FOUND when it
 * cannot (a damaged HEIC, a RAW without a preview): such a file has no thumbnail to serve.
 */
export async function decodeStill(
  bytes: Buffer,
  format: string | null,
  limits: DecodeLimits,
  develop?: () => Promise<Development>,
): Promise<DecodedImage> {
  try {
    return await decodeWithFormatDecoder(bytes, format, limits, develop);
  } catch (cause) {
    if (cause instanceof FolioError) throw cause;
    throw new FolioError('NOT_FOUND', `No thumbnail can be made of this file: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

async function decodeWithFormatDecoder(
  bytes: Buffer,
  format: string | null,
  limits: DecodeLimits,
  develop: (() => Promise<Development>) | undefined,
): Promise<DecodedImage> {
  if (isRawFormat(format)) {
    const preview = await decodeRawPreview(bytes, readRawFacts(bytes, format ?? ''), limits);
    const developed = preview.decoded === null && develop !== undefined ? await develop() : null;
    if (developed?.ok) return developed.decoded;
    if (preview.decoded === null) throw new FolioError('NOT_FOUND', `No thumbnail can be made of this RAW: ${preview.detail}`);
    return preview.decoded;
  }
  if ((format === 'heic' || format === 'heif') && (await isHevcHeif(bytes))) return decodeHeifForThumbnails(bytes, limits);
  return decodeForThumbnails(bytes, limits);
}
