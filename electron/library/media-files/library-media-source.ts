import type { ThumbnailSize } from '../../../shared/media.js';
import { ensureThumbnail, type ThumbnailLibrary } from '../thumbnails/ensure-thumbnail.js';
import type { MediaFileSource } from './resolve-media-file.js';

/**
 * Media serving for an open library: its database, and its thumbnail cache, where a thumbnail
 * that was deleted is made again on request.
 */
export function libraryMediaSource(library: ThumbnailLibrary): MediaFileSource {
  return {
    db: library.db,
    thumbnailsDir: library.paths.thumbnails,
    ensureThumbnail: (mediaId: number, size: ThumbnailSize) => ensureThumbnail(library, mediaId, size),
  };
}
