/**
 * Rows → MediaItem: the item's row plus its tags, AI tags, extension runs, thumbnails and
 * derived-version count, each read for the whole batch in one query (never one per item).
 */
import path from 'node:path';
import { humanSize } from '../../../shared/format.js';
import type { MediaUrlBuilder } from '../../../shared/media-urls.js';
import type {
  AiTag,
  Availability,
  ExtensionRunState,
  ExtensionStatus,
  FileState,
  MediaItem,
  MediaStatus,
  MediaType,
  ThumbnailInfo,
  ThumbnailSize,
} from '../../../shared/media.js';
import { aiTagsOf, boxFromText, extensionRunsOf } from '../db/ai-tag-repo.js';
import { thumbnailsOf, type ThumbnailRow } from '../db/cached-thumbnail-repo.js';
import type { Db } from '../db/connection.js';
import { getMediaRows } from '../db/media-repo.js';
import type { MediaRow } from '../db/media-row.js';
import { countDerived } from '../db/parent-repo.js';
import { userTagsOf } from '../db/tag-repo.js';
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
  return rows.map((row) => ({
    ...detectedFields(row),
    name: row.name,
    description: row.description,
    tags: (tags.get(row.id) ?? []).map((tag) => tag.name),
    metadata: readStoredMetadata(row.metadata),
    customCoordinates: row.custom_coordinates,
    aiTags: (aiTags.get(row.id) ?? []).map(
      (tag): AiTag => {
        const box = boxFromText(tag.box);
        return box === null ? { name: tag.name, confidence: tag.confidence, source: tag.source } : { name: tag.name, confidence: tag.confidence, source: tag.source, box };
      },
    ),
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
    parentId: row.parent_id,
    derivedCount: derived.get(row.id) ?? 0,
    status: row.status as MediaStatus,
    availability: row.availability as Availability,
    fileState: row.file_state as FileState,
    stateReason: row.state_reason,
    deletedAt: row.deleted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }));
}

type DetectedFields = Pick<
  MediaItem,
  | 'id' | 'type' | 'mime' | 'format' | 'size' | 'humanSize' | 'width' | 'height' | 'mode' | 'hasAlpha'
  | 'orientation' | 'md5' | 'takenAt' | 'cameraMake' | 'cameraModel' | 'gps' | 'duration'
  | 'originalName' | 'path' | 'folderId' | 'mtime'
>;

function detectedFields(row: MediaRow): DetectedFields {
  return {
    id: row.id,
    type: row.type as MediaType,
    mime: row.mime,
    format: row.format,
    size: row.file_size,
    humanSize: humanSize(row.file_size),
    width: row.width,
    height: row.height,
    mode: row.mode,
    hasAlpha: row.has_alpha === null ? null : row.has_alpha !== 0,
    orientation: row.orientation,
    md5: row.md5,
    takenAt: row.taken_at,
    cameraMake: row.camera_make,
    cameraModel: row.camera_model,
    gps:
      row.gps_lat === null || row.gps_lon === null
        ? null
        : { latitude: row.gps_lat, longitude: row.gps_lon, altitude: row.gps_alt },
    duration: row.duration,
    originalName: row.original_name,
    path: displayPath(row),
    folderId: row.folder_id,
    mtime: row.mtime,
  };
}

/** `display_path` is the path inside the folder, decoded for display. */
function displayPath(row: MediaRow): string {
  return path.join(row.folder_path, ...row.display_path.split('/'));
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
