/**
 * Rows → MediaItem: the item's row plus its tags, AI tags, extension runs, thumbnails and
 * derived-version count, each read for the whole batch in one query (never one per item).
 */
import path from 'node:path';
import { humanSize } from '../../../shared/format.js';
import type { MediaUrlBuilder } from '../../../shared/media-urls.js';
import type { AiTag, Availability, ExtensionRunState, ExtensionStatus, MediaItem, MediaStatus, ThumbnailInfo, ThumbnailSize } from '../../../shared/media.js';
import { albumsOfItems } from '../db/album-repo.js';
import type { Db } from '../db/connection.js';
import { extensionRunsOf } from '../db/extension-run-repo.js';
import { detectedFieldsOf, type MediaRow } from '../db/media-columns.js';
import { countDerived, getMediaRows } from '../db/media-repo.js';
import { aiTagsOf, boxFromText, userTagsOf } from '../db/media-tag-repo.js';
import { impliedTagsOf } from '../db/implied-tags-query.js';
import { type ThumbnailRow, thumbnailsOf } from '../db/thumbnail-repo.js';
import { readStoredMetadata } from './stored-metadata.js';

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The items with these ids, in the order given; unknown ids are left out. */
export function loadMediaItems(db: Db, urls: MediaUrlBuilder, ids: readonly number[]): MediaItem[] {
  const rows = getMediaRows(db, ids);
  if (rows.length === 0) return [];
  const found = rows.map((row) => row.id);
  const tags = groupBy(userTagsOf(db, found), (row) => row.media_id);
  const aiTags = groupBy(aiTagsOf(db, found), (row) => row.media_id);
  const runs = groupBy(extensionRunsOf(db, found), (row) => row.media_id);
  const md5s = [...new Set(rows.map((row) => row.md5).filter((md5): md5 is string => md5 !== null))];
  const thumbnails = groupBy(thumbnailsOf(db, md5s), (row) => row.md5);
  const derived = countDerived(db, found);
  const implied = impliedTagsOf(db, found);
  const albums = albumsOfItems(db, found);
  return rows.map((row) =>
    hydrateMediaItem(row, {
      tags: (tags.get(row.id) ?? []).map((tag) => tag.name),
      impliedTags: implied.get(row.id) ?? [],
      aiTags: (aiTags.get(row.id) ?? []).map((tag): AiTag => {
        const box = boxFromText(tag.box);
        return box === null ? { name: tag.name, confidence: tag.confidence, source: tag.source } : { name: tag.name, confidence: tag.confidence, source: tag.source, box };
      }),
      extensionStatus: (runs.get(row.id) ?? []).map(
        (run): ExtensionStatus => ({
          extension: run.extension,
          status: run.status as ExtensionRunState,
          message: run.message,
          ranAt: run.ran_at,
        }),
      ),
      thumbnails: thumbnailInfos(row, thumbnails.get(row.md5 ?? '') ?? [], urls),
      originalUrl: urls.original(row.id),
      derivedCount: derived.get(row.id) ?? 0,
      albums: albums.get(row.id) ?? [],
    }),
  );
}

/** What an item has besides its row, read from the other tables. */
type RelatedParts = Pick<MediaItem, 'tags' | 'impliedTags' | 'aiTags' | 'extensionStatus' | 'thumbnails' | 'originalUrl' | 'derivedCount' | 'albums'>;

/** The one row → item function: the row's own fields, with the parts read from other tables. */
export function hydrateMediaItem(row: MediaRow, related: RelatedParts): MediaItem {
  const detected = detectedFieldsOf(row);
  return {
    id: row.id,
    type: detected.type,
    mime: detected.mime,
    format: detected.format,
    size: detected.size,
    humanSize: humanSize(detected.size),
    width: detected.width,
    height: detected.height,
    mode: detected.mode,
    hasAlpha: detected.hasAlpha,
    orientation: detected.orientation,
    md5: detected.md5,
    takenAt: detected.takenAt,
    cameraMake: detected.cameraMake,
    cameraModel: detected.cameraModel,
    gps:
      detected.gpsLat === null || detected.gpsLon === null
        ? null
        : { latitude: detected.gpsLat, longitude: detected.gpsLon, altitude: detected.gpsAlt },
    duration: detected.duration,
    originalName: row.originalName,
    // `displayPath` is the path inside the folder, decoded for display.
    path: path.join(row.folderPath, ...row.displayPath.split('/')),
    folderId: row.folderId,
    mtime: row.mtime,
    name: row.name,
    description: row.description,
    metadata: readStoredMetadata(row.metadata),
    customCoordinates: row.customCoordinates,
    rating: row.rating,
    label: row.label,
    flag: row.flag,
    parentId: row.parentId,
    status: row.status as MediaStatus,
    availability: row.availability as Availability,
    fileState: detected.fileState,
    stateReason: detected.stateReason,
    deletedAt: row.deletedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    ...related,
  };
}

function thumbnailInfos(row: MediaRow, thumbs: readonly ThumbnailRow[], urls: MediaUrlBuilder): ThumbnailInfo[] {
  return thumbs.map((thumb) => ({
    size: thumb.size as ThumbnailSize,
    width: thumb.width,
    height: thumb.height,
    bytes: thumb.bytes,
    url: urls.thumbnail(row.id, thumb.size as ThumbnailSize),
  }));
}
