/**
 * Originals no browser can show (HEIC/HEIF, camera RAW) are answered with a rendition — the
 * item's 1080 px thumbnail, a WebP derived from the one decode at import — unless the request
 * asks for the file itself (`?download`), which is then sent untouched as an attachment.
 */
import type { ThumbnailSize } from '../../../shared/media.js';
import { RAW_FORMATS } from '../formats/sniff-raw.js';

export const RENDITION_SIZE: ThumbnailSize = 1080;

const NEEDS_RENDITION = new Set<string>(['image/heic', 'image/heif', ...Object.values(RAW_FORMATS)]);

export function needsRendition(mime: string | null): boolean {
  return mime !== null && NEEDS_RENDITION.has(mime);
}

/** `?download` (any value, or none) after a media path asks for the original file as it is on disk. */
export function wantsDownload(rawPath: string): boolean {
  const query = rawPath.split('#', 1)[0]?.split('?')[1];
  return query !== undefined && new URLSearchParams(query).has('download');
}
