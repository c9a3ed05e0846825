import path from 'node:path';
import type { ThumbnailSize } from '../../../shared/media.js';
import type { LibraryPaths } from './paths.js';

/**
 * Thumbnails are named by content hash and size, fanned out by the hash's first two hex
 * digits so no folder holds more than a few thousand files.
 */
export function thumbnailPath(paths: LibraryPaths, md5: string, size: ThumbnailSize): string {
  if (!/^[0-9a-f]{32}$/.test(md5)) throw new Error(`not an md5: ${md5}`);
  return path.join(paths.thumbnails, md5.slice(0, 2), `${md5}-${size}.webp`);
}
