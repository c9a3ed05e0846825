/** One `media` row as the repositories read it, with its folder's path joined in. */
export interface MediaRow {
  id: number;
  folder_id: number;
  folder_path: string;
  rel_path: Buffer;
  display_path: string;
  original_name: string;
  file_size: number;
  mtime: string;
  md5: string | null;
  type: string;
  mime: string | null;
  format: string | null;
  width: number | null;
  height: number | null;
  mode: string | null;
  has_alpha: number | null;
  orientation: number | null;
  taken_at: string | null;
  camera_make: string | null;
  camera_model: string | null;
  gps_lat: number | null;
  gps_lon: number | null;
  gps_alt: number | null;
  duration: number | null;
  name: string;
  name_key: string;
  description: string;
  metadata: string;
  custom_coordinates: string | null;
  parent_id: number | null;
  status: string;
  deleted_at: string | null;
  availability: string;
  file_state: string;
  state_reason: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
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

/**
 * The select list that produces a MediaRow from MEDIA_ROW_JOINS. "Updated" is the later of the
 * row's own stamp and the stamp of the changes made around it (links, trash: media_touches).
 */
export const MEDIA_ROW_COLUMNS = `
  m.id, m.folder_id, f.path AS folder_path, m.rel_path, m.display_path, m.original_name,
  m.file_size, m.mtime, m.md5, m.type, m.mime, m.format, m.width, m.height, m.mode, m.has_alpha,
  m.orientation, m.taken_at, m.camera_make, m.camera_model, m.gps_lat, m.gps_lon, m.gps_alt,
  m.duration, m.name, m.name_key, m.description, m.metadata, m.custom_coordinates, m.parent_id,
  CASE WHEN tr.media_id IS NULL THEN 'active' ELSE 'deleted' END AS status, tr.deleted_at,
  m.availability, m.file_state, m.state_reason, m.created_at,
  CASE WHEN mt.touched_at > m.updated_at THEN mt.touched_at ELSE m.updated_at END AS updated_at,
  CASE WHEN mt.touched_at > m.updated_at THEN mt.touched_by ELSE m.updated_by END AS updated_by`;

/** What MEDIA_ROW_COLUMNS reads besides `media m`. */
export const MEDIA_ROW_JOINS = `JOIN folders f ON f.id = m.folder_id
  LEFT JOIN trash tr ON tr.media_id = m.id
  LEFT JOIN media_touches mt ON mt.media_id = m.id`;
