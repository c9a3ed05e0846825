import type { JsonObject } from './metadata.js';
import type { AlbumRef } from './albums.js';

export const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'other'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** Soft-delete status: a deleted item is in the trash. */
export const MEDIA_STATUSES = ['active', 'deleted'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** Whether the file can be reached right now. An offline folder's items are `offline`. */
export const AVAILABILITIES = ['present', 'missing', 'offline'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/**
 * What import made of the file's content. Anything but `ok`/`pending` comes with a reason a
 * person can read (e.g. "HEVC-coded HEIC is not supported by this build").
 */
export const FILE_STATES = ['pending', 'ok', 'damaged', 'unsupported', 'oversized', 'empty', 'unreadable'] as const;
export type FileState = (typeof FILE_STATES)[number];

export const THUMBNAIL_SIZES = [64, 128, 512, 1080] as const;
export type ThumbnailSize = (typeof THUMBNAIL_SIZES)[number];

export interface ThumbnailInfo {
  size: ThumbnailSize;
  /** Pixel size of the thumbnail itself (never larger than the upright original). */
  width: number;
  height: number;
  bytes: number;
  url: string;
}

export interface GpsPosition {
  latitude: number;
  longitude: number;
  altitude: number | null;
}

/** Where in the picture an AI tag was found: whole pixels of the upright image. */
export interface AiTagBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AiTag {
  name: string;
  confidence: number;
  /** The extension that produced it, e.g. `local-analysis`. */
  source: string;
  /** Only for tags found at a place in the picture (`objects`): the best box of the label. */
  box?: AiTagBox;
}

export const EXTENSION_RUN_STATES = ['done', 'failed', 'unsupported'] as const;
export type ExtensionRunState = (typeof EXTENSION_RUN_STATES)[number];

export interface ExtensionStatus {
  extension: string;
  status: ExtensionRunState;
  message: string | null;
  ranAt: string;
}

/** Curating, as in Lightroom: 0 = unrated, 1–5 stars. */
export const MAX_RATING = 5;
export const MEDIA_LABELS = ['none', 'red', 'yellow', 'green', 'blue', 'purple'] as const;
export type MediaLabel = (typeof MEDIA_LABELS)[number];
export const MEDIA_FLAGS = ['none', 'pick', 'reject'] as const;
export type MediaFlag = (typeof MEDIA_FLAGS)[number];

/** Who or what made the last change: `user`, `api`, `cli`, `import`, `extension:<name>`. */
export type Actor = string;

export interface MediaItem {
  id: number;
  // Detected from the file; read-only.
  type: MediaType;
  mime: string | null;
  format: string | null;
  size: number;
  humanSize: string;
  width: number | null;
  height: number | null;
  mode: string | null;
  hasAlpha: boolean | null;
  orientation: number | null;
  md5: string | null;
  takenAt: string | null;
  cameraMake: string | null;
  cameraModel: string | null;
  gps: GpsPosition | null;
  duration: number | null;
  originalName: string;
  /** Path of the file for display (lossy where the name is not valid UTF-8). */
  path: string;
  folderId: number;
  mtime: string;
  // Editable.
  name: string;
  description: string;
  tags: string[];
  /** Tags the item counts as having through implications (tag tree), computed, never stored. */
  impliedTags: string[];
  metadata: JsonObject;
  customCoordinates: string | null;
  /** 0 (unrated) to 5 stars. */
  rating: number;
  label: MediaLabel;
  flag: MediaFlag;
  /** The albums that hold it (by name), smart albums aside. */
  albums: AlbumRef[];
  // Derived and state.
  aiTags: AiTag[];
  extensionStatus: ExtensionStatus[];
  thumbnails: ThumbnailInfo[];
  originalUrl: string;
  parentId: number | null;
  derivedCount: number;
  status: MediaStatus;
  availability: Availability;
  fileState: FileState;
  stateReason: string | null;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: Actor;
}

/** A lighter item for the gallery grid: what a tile needs and nothing more. */
export interface MediaTile {
  id: number;
  type: MediaType;
  name: string;
  width: number | null;
  height: number | null;
  status: MediaStatus;
  availability: Availability;
  fileState: FileState;
  /** Thumbnail sizes already generated (the tile shows a placeholder until one exists). */
  thumbnailSizes: ThumbnailSize[];
  md5: string | null;
  rating: number;
  label: MediaLabel;
  flag: MediaFlag;
  /** How many versions are stacked under this item (derived versions sharing its status). */
  versionCount?: number;
  /**
   * The item's first user tags (by path, at most TILE_TAG_LIMIT) as tag ids: the window draws
   * their names and colours from the tag tree it holds, so a rename or recolour needs no tile
   * reload and a tile carries a few numbers. Absent when the item has no tag.
   */
  tagIds?: number[];
  /** How many user tags the item has in all (more than tagIds: the tile shows "+N"). */
  tagCount?: number;
}

/** Tag chips a gallery tile shows at most. */
export const TILE_TAG_LIMIT = 3;

export interface LibraryFolder {
  id: number;
  path: string;
  state: 'online' | 'offline';
  itemCount: number;
  addedAt: string;
  lastScanAt: string | null;
}

export interface TagCount {
  name: string;
  count: number;
}

export interface ImportIssue {
  path: string;
  reason: string;
  at: string;
}

export const SORT_FIELDS = ['name', 'takenAt', 'addedAt', 'size', 'rating'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

export interface ImportProgress {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Files found by the scan so far (grows while the scan walks the tree). */
  total: number;
  done: number;
  errors: number;
  scanning: boolean;
  currentFile: string | null;
  startedAt: string;
  finishedAt: string | null;
  message: string | null;
}

export interface LibraryInfo {
  path: string;
  schemaVersion: number;
  itemCount: number;
  trashCount: number;
  tagCount: number;
}
