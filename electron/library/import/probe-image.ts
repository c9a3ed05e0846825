import sharp, { type Metadata } from 'sharp';
import type { FileState } from '../../../shared/media.js';
import { isRawFormat } from '../formats/sniff-raw.js';
import { decodeForThumbnails, type DecodedImage, type DecodeLimits } from '../thumbnails/render-thumbnails.js';
import { errorMessage } from '../base/file-errors.js';
import type { ExifFields } from './exif-fields.js';
import { probeHevcHeif } from './probe-heif.js';
import { probeRaw } from './probe-raw.js';

/** What the image's header says, with width/height of the upright image. */
export interface ImageFacts {
  width: number | null;
  height: number | null;
  mode: string | null;
  hasAlpha: boolean | null;
  orientation: number | null;
}

export interface ImageProbe {
  state: Exclude<FileState, 'pending' | 'empty' | 'unreadable'>;
  reason: string | null;
  facts: ImageFacts;
  /** The one decode, present when thumbnails can be made from it. */
  decoded: DecodedImage | null;
  /** Camera facts read by a format's own reader (RAW), where exifr cannot read the file. */
  camera?: ExifFields;
}

const NO_FACTS: ImageFacts = { width: null, height: null, mode: null, hasAlpha: null, orientation: null };

// Formats the magic numbers recognise but the prebuilt libvips has no loader for.
const UNDECODABLE: Record<string, string> = {
  bmp: 'BMP',
  ico: 'ICO',
  psd: 'Photoshop (PSD)',
  jxl: 'JPEG XL',
  jp2: 'JPEG 2000',
};

/** Colour mode from libvips' interpretation, falling back on the channel count. */
export function colourMode(space: string | undefined, channels: number): string {
  if (space === 'b-w' || space === 'grey16') return 'b-w';
  if (space !== undefined && space !== '' && space !== 'multiband') return space;
  return channels <= 2 ? 'b-w' : 'srgb';
}

/** Width and height as the photo is meant to be seen: orientations 5–8 are rotated a quarter turn. */
export function uprightSize(width: number, height: number, orientation: number | null): [number, number] {
  return orientation !== null && orientation >= 5 ? [height, width] : [width, height];
}

function factsFrom(meta: Metadata, exifOrientation: number | null): ImageFacts {
  const orientation = meta.orientation !== undefined && meta.orientation >= 1 && meta.orientation <= 8
    ? meta.orientation
    : exifOrientation;
  const [width, height] = uprightSize(meta.width, meta.height, orientation);
  return {
    width,
    height,
    mode: colourMode(meta.space, meta.channels),
    hasAlpha: meta.hasAlpha,
    orientation,
  };
}

/**
 * Reads an image's header, decides whether it can be decoded (format, codec, pixel limit) and
 * if so decodes it once for the thumbnails. Every outcome is a state with a reason; nothing a
 * file contains makes this throw.
 */
export async function probeImage(
  bytes: Buffer,
  format: string | null,
  exifOrientation: number | null,
  limits: DecodeLimits,
): Promise<ImageProbe> {
  const label = (format ?? 'image').toUpperCase();
  if (format !== null && isRawFormat(format)) return probeRaw(bytes, format, limits);
  const undecodable = format !== null ? UNDECODABLE[format] : undefined;
  if (undecodable !== undefined) {
    return { state: 'unsupported', reason: `${undecodable} images cannot be decoded by this version of Folio`, facts: NO_FACTS, decoded: null };
  }
  let meta: Metadata;
  try {
    // No pixel limit here: the header alone is read, and an oversized image should still get
    // its dimensions recorded.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    return { state: 'damaged', reason: `Not a readable ${label} file: ${tidyDecoderMessage(errorMessage(error))}`, facts: NO_FACTS, decoded: null };
  }
  const facts = factsFrom(meta, exifOrientation);
  if (meta.format === 'heif' && meta.compression === 'hevc') return probeHevcHeif(bytes, meta, exifOrientation, limits);
  const pixels = meta.width * meta.height;
  if (pixels > limits.pixelLimit) {
    return {
      state: 'oversized',
      reason: `${meta.width}×${meta.height} is ${megapixels(pixels)} MP, above the limit of ${megapixels(limits.pixelLimit)} MP`,
      facts,
      decoded: null,
    };
  }
  try {
    const decoded = await decodeForThumbnails(bytes, limits);
    if (decoded.damage !== null) {
      return { state: 'damaged', reason: `Part of the image data is damaged${decoderDetail(decoded.damage)}; the thumbnails show what could be read`, facts, decoded };
    }
    return { state: 'ok', reason: null, facts, decoded };
  } catch (error) {
    const message = tidyDecoderMessage(errorMessage(error));
    if (/timeout/i.test(message)) {
      return { state: 'damaged', reason: `Decoding took longer than ${limits.timeoutSeconds} s and was stopped`, facts, decoded: null };
    }
    if (/Support for this compression format|unsupported image format/i.test(message)) {
      return { state: 'unsupported', reason: `This ${label} file uses a coding this version of Folio cannot decode: ${message}`, facts, decoded: null };
    }
    return { state: 'damaged', reason: `The ${label} image data is damaged and cannot be decoded${decoderDetail(message)}`, facts, decoded: null };
  }
}

/**
 * libvips' own words for the damage, in brackets, or nothing. The reason's sentence says what
 * happened in our words, so it is the same on every import of the file; the detail is a hint.
 * When several images decode at once, libvips sometimes reports only its generic "Warning
 * treated as error due to failOn setting" (its error buffer is shared between threads), which
 * tells the user nothing and is left out.
 */
export function decoderDetail(message: string): string {
  const detail = tidyDecoderMessage(
    message
      .split('\n')
      .filter((line) => !/Warning treated as error due to failOn setting/i.test(line))
      .join('\n'),
  );
  return detail === '' ? '' : ` (${detail})`;
}

/** libvips repeats itself over several lines; a stored reason needs each complaint once. */
export function tidyDecoderMessage(message: string): string {
  const lines = [...new Set(message.split('\n').map((line) => line.trim()).filter((line) => line !== ''))];
  const joined = lines.join('; ');
  return joined.length > 300 ? `${joined.slice(0, 299)}…` : joined;
}

function megapixels(pixels: number): string {
  const mp = pixels / 1e6;
  return mp >= 10 ? mp.toFixed(0) : mp.toFixed(1);
}
