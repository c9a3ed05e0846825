/**
 * The `media` table's columns, declared once. The probe's UPDATE, the row type the repositories
 * read, the item builder and the test fixtures all derive from these lists, so a new column
 * (a rating, a perceptual hash) is added here, in one migration and where it is really used.
 */
import type { FileState, MediaFlag, MediaLabel, MediaType } from '../../../shared/media.js';

/** What the import detects from a file's bytes. Read-only for everyone else. */
export interface DetectedFields {
  size: number;
  md5: string | null;
  type: MediaType;
  mime: string | null;
  format: string | null;
  width: number | null;
  height: number | null;
  mode: string | null;
  hasAlpha: boolean | null;
  orientation: number | null;
  takenAt: string | null;
  cameraMake: string | null;
  cameraModel: string | null;
  gpsLat: number | null;
  gpsLon: number | null;
  gpsAlt: number | null;
  duration: number | null;
  fileState: FileState;
  stateReason: string | null;
}

/** The detected fields that come from EXIF. */
export type ExifFields = Pick<DetectedFields, 'takenAt' | 'cameraMake' | 'cameraModel' | 'gpsLat' | 'gpsLon' | 'gpsAlt' | 'orientation'>;

/** What a person edits on an item (tags, AI tags and the trash live in their own tables). */
export interface EditableFields {
  name: string;
  description: string;
  /** The custom metadata object as stored JSON text. */
  metadata: string;
  customCoordinates: string | null;
  /** 0 (unrated) to 5; the CHECK constraints of migration 008 hold the ranges. */
  rating: number;
  label: MediaLabel;
  flag: MediaFlag;
}

/** Where the file is and what state the row is in. */
export interface RowFields {
  id: number;
  folderId: number;
  /** The path inside the folder as the file system gave it (bytes: names need not be UTF-8). */
  relPath: Buffer;
  /** The same path decoded for display. */
  displayPath: string;
  originalName: string;
  mtime: string;
  parentId: number | null;
  availability: string;
  createdAt: string;
}

type ColumnMap<T> = { readonly [K in keyof T]-?: string };

export const DETECTED_COLUMNS: ColumnMap<DetectedFields> = {
  size: 'file_size',
  md5: 'md5',
  type: 'type',
  mime: 'mime',
  format: 'format',
  width: 'width',
  height: 'height',
  mode: 'mode',
  hasAlpha: 'has_alpha',
  orientation: 'orientation',
  takenAt: 'taken_at',
  cameraMake: 'camera_make',
  cameraModel: 'camera_model',
  gpsLat: 'gps_lat',
  gpsLon: 'gps_lon',
  gpsAlt: 'gps_alt',
  duration: 'duration',
  fileState: 'file_state',
  stateReason: 'state_reason',
};

export const EDITABLE_COLUMNS: ColumnMap<EditableFields> = {
  name: 'name',
  description: 'description',
  metadata: 'metadata',
  customCoordinates: 'custom_coordinates',
  rating: 'rating',
  label: 'label',
  flag: 'flag',
};

const ROW_COLUMNS: ColumnMap<RowFields> = {
  id: 'id',
  folderId: 'folder_id',
  relPath: 'rel_path',
  displayPath: 'display_path',
  originalName: 'original_name',
  mtime: 'mtime',
  parentId: 'parent_id',
  availability: 'availability',
  createdAt: 'created_at',
};

/** One `media` row as the repositories read it, with its folder's path, trash state and touch stamp. */
export interface MediaRow extends RowFields, Omit<DetectedFields, 'hasAlpha'>, EditableFields {
  /** Stored as 0/1; `detectedFieldsOf` gives the boolean. */
  hasAlpha: number | null;
  folderPath: string;
  status: 'active' | 'deleted';
  deletedAt: string | null;
  updatedAt: string;
  updatedBy: string;
}

function selectList(columns: Record<string, string>): string {
  return Object.entries(columns)
    .map(([field, column]) => (field === column ? `m.${column}` : `m.${column} AS ${field}`))
    .join(', ');
}

/**
 * The select list that produces a MediaRow from MEDIA_ROW_JOINS. "Updated" is the later of the
 * row's own stamp and the stamp of the changes made around it (links, trash: media_touches).
 */
export const MEDIA_ROW_COLUMNS = `${selectList(ROW_COLUMNS)}, ${selectList(DETECTED_COLUMNS)}, ${selectList(EDITABLE_COLUMNS)},
  f.path AS folderPath,
  CASE WHEN tr.media_id IS NULL THEN 'active' ELSE 'deleted' END AS status, tr.deleted_at AS deletedAt,
  CASE WHEN mt.touched_at > m.updated_at THEN mt.touched_at ELSE m.updated_at END AS updatedAt,
  CASE WHEN mt.touched_at > m.updated_at THEN mt.touched_by ELSE m.updated_by END AS updatedBy`;

/** What MEDIA_ROW_COLUMNS reads besides `media m`. */
export const MEDIA_ROW_JOINS = `JOIN folders f ON f.id = m.folder_id
  LEFT JOIN trash tr ON tr.media_id = m.id
  LEFT JOIN media_touches mt ON mt.media_id = m.id`;

/** `column = @field` for each field, for an UPDATE whose values are bound by field name. */
export function assignments<T>(columns: ColumnMap<T>, fields: readonly (keyof T)[]): string[] {
  return fields.map((field) => `${columns[field]} = @${String(field)}`);
}

/** The detected fields as bound values (SQLite has no booleans). */
export const DETECTED_FIELDS = Object.keys(DETECTED_COLUMNS) as (keyof DetectedFields)[];

/** The detected fields as bound values, and nothing else of the object (SQLite has no booleans). */
export function detectedParams(fields: DetectedFields): Record<keyof DetectedFields, string | number | null> {
  const params = {} as Record<keyof DetectedFields, string | number | null>;
  for (const field of DETECTED_FIELDS) params[field] = fields[field] as string | number | null;
  params.hasAlpha = fields.hasAlpha === null ? null : Number(fields.hasAlpha);
  return params;
}

/** The detected fields of a row, typed as the probe gives them. */
export function detectedFieldsOf(row: MediaRow): DetectedFields {
  const fields = {} as Record<keyof DetectedFields, unknown>;
  for (const field of DETECTED_FIELDS) fields[field] = row[field];
  fields.hasAlpha = row.hasAlpha === null ? null : row.hasAlpha !== 0;
  return fields as unknown as DetectedFields;
}

/** SQL that is true when the item whose id is `idColumn` is in the trash. */
export function inTrash(idColumn: string): string {
  return `EXISTS (SELECT 1 FROM trash WHERE trash.media_id = ${idColumn})`;
}

/** SQL that is true when the item whose id is `idColumn` is not in the trash (an active item). */
export function notTrashed(idColumn: string): string {
  return `NOT ${inTrash(idColumn)}`;
}

/** SQL for an item's status, 'active' or 'deleted' (in the trash). */
export function statusOf(idColumn: string): string {
  return `CASE WHEN ${notTrashed(idColumn)} THEN 'active' ELSE 'deleted' END`;
}
