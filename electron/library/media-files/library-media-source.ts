import fs from 'node:fs';
import { FolioError } from '../../../shared/errors.js';
import type { ThumbnailSize } from '../../../shared/media.js';
import type { Db } from '../db/connection.js';
import { getMediaLocation } from '../db/media-location.js';
import type { LibraryPaths } from '../paths.js';
import { thumbnailPath } from '../thumbnails/thumbnail-paths.js';
import type { MediaFileSource } from './resolve-media-file.js';

/** Media serving for an open library: its database, its thumbnail cache. */
export function libraryMediaSource(library: { db: Db; paths: LibraryPaths }): MediaFileSource {
  return {
    db: library.db,
    thumbnailsDir: library.paths.thumbnails,
    async ensureThumbnail(mediaId: number, size: ThumbnailSize): Promise<string> {
      const location = getMediaLocation(library.db, mediaId);
      if (!location) throw new FolioError('NOT_FOUND', `Media item ${mediaId} was not found`);
      if (location.md5 === null) throw new FolioError('NOT_FOUND', 'This item has no thumbnail yet');
      const file = thumbnailPath(library.paths, location.md5, size);
      if (!fs.existsSync(file)) throw new FolioError('NOT_FOUND', 'This item has no thumbnail yet');
      return file;
    },
  };
}
