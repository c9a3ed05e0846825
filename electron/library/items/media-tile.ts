import type { Availability, FileState, MediaFlag, MediaLabel, MediaStatus, MediaTile, MediaType, ThumbnailSize } from '../../../shared/media.js';
import type { Db } from '../db/connection.js';
import { getTileRows } from '../db/media-repo.js';
import { countDerived } from '../db/media-repo.js';

/** What gallery tiles need, in the order asked; unknown ids are left out. Two queries. */
export function loadMediaTiles(db: Db, ids: readonly number[]): MediaTile[] {
  const versions = countDerived(db, ids);
  return getTileRows(db, ids).map((row) => ({
    id: row.id,
    type: row.type as MediaType,
    name: row.name,
    width: row.width,
    height: row.height,
    status: row.status as MediaStatus,
    availability: row.availability as Availability,
    fileState: row.file_state as FileState,
    thumbnailSizes: (row.sizes === null ? [] : row.sizes.split(',').map(Number)).sort((a, b) => a - b) as ThumbnailSize[],
    md5: row.md5,
    rating: row.rating,
    label: row.label as MediaLabel,
    flag: row.flag as MediaFlag,
    ...(versions.has(row.id) ? { versionCount: versions.get(row.id) } : {}),
  }));
}
