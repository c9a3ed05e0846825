import { TILE_TAG_LIMIT, type Availability, type FileState, type MediaFlag, type MediaLabel, type MediaStatus, type MediaTile, type MediaType, type ThumbnailSize } from '../../../shared/media.js';
import type { Db } from '../db/connection.js';
import { getTileRows } from '../db/media-repo.js';
import { countDerived } from '../db/media-repo.js';
import { tileTagsOf } from '../db/tile-tags-query.js';

/** What gallery tiles need, in the order asked; unknown ids are left out. Three queries. */
export function loadMediaTiles(db: Db, ids: readonly number[]): MediaTile[] {
  const versions = countDerived(db, ids);
  const tags = tileTagsOf(db, ids, TILE_TAG_LIMIT);
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
    ...tags.get(row.id),
  }));
}
