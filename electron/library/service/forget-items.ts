/**
 * After item records are deleted (trash emptied, folder forgotten): drop the thumbnail
 * records no remaining item shares and tags nothing carries, then, after the commit, the
 * cached thumbnail files. The cache is regenerable, so a crash between the commit and the file
 * deletions only leaves stray cache files; deleting files first could lose thumbnails the
 * library still lists. Only files inside the thumbnail cache are ever deleted here.
 */
import fs from 'node:fs';
import { THUMBNAIL_SIZES, type ThumbnailSize } from '../../../shared/media.js';
import type { LibraryPaths } from '../base/paths.js';
import type { Db } from '../db/connection.js';
import { deleteUnusedTags } from '../db/tag-repo.js';
import { deleteOrphanThumbnails, unusedMd5s } from '../db/thumbnail-repo.js';
import { thumbnailPath } from '../base/thumbnail-paths.js';

export interface CacheCleanup {
  /** md5s whose thumbnails nobody uses any more. */
  md5s: string[];
}

/** Inside the transaction that deleted the records. */
export function forgetDerivedRecords(db: Db, md5s: readonly string[]): CacheCleanup {
  deleteOrphanThumbnails(db, md5s);
  deleteUnusedTags(db);
  // Recorded or not, every size of an md5 no item has is stale: all of them are swept after.
  return { md5s: unusedMd5s(db, md5s) };
}

/** After the commit. Missing files are fine (never made, or already gone). */
export function deleteCachedThumbnails(paths: LibraryPaths, cleanup: CacheCleanup): void {
  for (const md5 of cleanup.md5s) {
    if (!/^[0-9a-f]{32}$/.test(md5)) continue;
    for (const size of THUMBNAIL_SIZES) {
      fs.rmSync(thumbnailPath(paths, md5, size as ThumbnailSize), { force: true });
    }
  }
}
