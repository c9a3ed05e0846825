/**
 * The SQL of importing: media rows by (folder, path inside it), what the probe found, missing
 * and offline marks, relinking a moved file's item, and thumbnail records.
 */
import { tagKey } from '../../../shared/tags.js';
import type { ProbeResult } from '../import/worker-messages.js';
import type { RenderedThumbnail } from '../thumbnails/render-thumbnails.js';
import type { Db } from './connection.js';
import { notTrashed } from './media-row.js';
import { jsonIds, statement } from './statements.js';

/** A file as the scan saw it. */
export interface ScannedFile {
  relPath: Buffer;
  /** The path inside the folder as text (lossy where the name is not UTF-8). */
  displayPath: string;
  name: string;
  size: number;
  /** ISO-8601 UTC, as stored. */
  mtime: string;
}

export interface ScanOutcome {
  id: number;
  created: boolean;
  /** The file must be (re)read: new, changed, never finished, unreadable last time, or thumbnails lacking. */
  needsProbe: boolean;
}

interface ExistingRow {
  id: number;
  file_size: number;
  mtime: string;
  file_state: string;
  type: string;
  availability: string;
  thumbs: number;
}

/**
 * Records one scanned file: a new pending row, or the existing row brought up to date. A
 * changed file (size or mtime) goes back to `pending` but keeps everything the user gave it.
 */
export function recordScannedFile(db: Db, folderId: number, file: ScannedFile, now: string): ScanOutcome {
  const existing = statement(
    db,
    `SELECT m.id, m.file_size, m.mtime, m.file_state, m.type, m.availability,
       (SELECT count(*) FROM thumbnails t WHERE t.md5 = m.md5) AS thumbs
     FROM media m WHERE m.folder_id = ? AND m.rel_path = ?`,
  ).get(folderId, file.relPath) as ExistingRow | undefined;
  if (!existing) {
    const info = statement(
      db,
      `INSERT INTO media (folder_id, rel_path, display_path, original_name, file_size, mtime, name, name_key,
         created_at, updated_at, updated_by, file_state, availability)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', 'pending', 'present')`,
    ).run(folderId, file.relPath, file.displayPath, file.name, file.size, file.mtime, file.name, tagKey(file.name), now, now);
    return { id: Number(info.lastInsertRowid), created: true, needsProbe: true };
  }
  const changed = existing.file_size !== file.size || existing.mtime !== file.mtime;
  if (changed) {
    statement(
      db,
      `UPDATE media SET file_size = ?, mtime = ?, file_state = 'pending', availability = 'present' WHERE id = ?`,
    ).run(file.size, file.mtime, existing.id);
  } else if (existing.availability !== 'present') {
    statement(db, `UPDATE media SET availability = 'present' WHERE id = ?`).run(existing.id);
  }
  const unfinished = existing.file_state === 'pending' || existing.file_state === 'unreadable';
  const lacksThumbnails = existing.file_state === 'ok' && existing.type === 'image' && existing.thumbs < 4;
  return { id: existing.id, created: false, needsProbe: changed || unfinished || lacksThumbnails };
}

/** Writes what the probe detected. Editable fields (name, description, tags, metadata) are untouched. */
export function applyProbeResult(db: Db, id: number, r: ProbeResult, now: string): void {
  statement(
    db,
    `UPDATE media SET file_size = ?, md5 = ?, type = ?, mime = ?, format = ?, width = ?, height = ?, mode = ?,
       has_alpha = ?, orientation = ?, taken_at = ?, camera_make = ?, camera_model = ?, gps_lat = ?, gps_lon = ?,
       gps_alt = ?, duration = ?, file_state = ?, state_reason = ?, updated_at = ?, updated_by = 'import'
     WHERE id = ?`,
  ).run(
    r.size,
    r.md5,
    r.type,
    r.mime,
    r.format,
    r.width,
    r.height,
    r.mode,
    r.hasAlpha === null ? null : Number(r.hasAlpha),
    r.orientation,
    r.takenAt,
    r.cameraMake,
    r.cameraModel,
    r.gpsLat,
    r.gpsLon,
    r.gpsAlt,
    r.duration,
    r.fileState,
    r.stateReason,
    now,
    id,
  );
}

/** For a file whose examination failed as a whole (the decoder crashed). */
export function setFileState(db: Db, id: number, state: ProbeResult['fileState'], reason: string, now: string): void {
  statement(db, `UPDATE media SET file_state = ?, state_reason = ?, updated_at = ?, updated_by = 'import' WHERE id = ?`).run(
    state,
    reason,
    now,
    id,
  );
}

/** Removes a row the running import created for a file that vanished before it was read. */
export function deleteNewItem(db: Db, id: number): void {
  statement(db, `DELETE FROM media WHERE id = ?`).run(id);
}

/** Ids of a folder's items (under `prefix/` when given) that are not already missing. */
export function reachableItemIds(db: Db, folderId: number, prefix: Buffer | null): number[] {
  if (prefix === null) {
    return statement(db, `SELECT id FROM media WHERE folder_id = ? AND availability <> 'missing'`).pluck().all(folderId) as number[];
  }
  const withSlash = Buffer.concat([prefix, Buffer.from('/')]);
  // substr() counts bytes on a BLOB, so this is a byte-exact prefix match.
  return statement(
    db,
    `SELECT id FROM media WHERE folder_id = ? AND availability <> 'missing' AND substr(rel_path, 1, ?) = ?`,
  )
    .pluck()
    .all(folderId, withSlash.length, withSlash) as number[];
}

/** Marks items missing; their tags and everything else stay, waiting for the file to return. */
export function markMissing(db: Db, ids: readonly number[]): void {
  if (ids.length === 0) return;
  statement(db, `UPDATE media SET availability = 'missing' WHERE id IN (SELECT value FROM json_each(?))`).run(jsonIds(ids));
}

/** An unreachable folder's present items become offline (not missing: nothing is known gone). */
export function markFolderItemsOffline(db: Db, folderId: number): number[] {
  return statement(
    db,
    `UPDATE media SET availability = 'offline' WHERE folder_id = ? AND availability = 'present' RETURNING id`,
  )
    .pluck()
    .all(folderId) as number[];
}

export function countPresentItems(db: Db, folderId: number): number {
  return statement(db, `SELECT count(*) FROM media WHERE folder_id = ? AND availability = 'present'`).pluck().get(folderId) as number;
}

/**
 * Pairs of (missing item, present item with the same content) where the present one carries
 * nothing a person gave it: the file was moved or renamed, and the old item should follow it.
 * Empty files are left out (every empty file has the same md5).
 */
export function findRelinkPairs(db: Db): { missingId: number; foundId: number }[] {
  return statement(
    db,
    `SELECT m.id AS missingId, n.id AS foundId
     FROM media m JOIN media n ON n.md5 = m.md5 AND n.file_size = m.file_size AND n.id <> m.id
     WHERE m.availability = 'missing' AND m.md5 IS NOT NULL AND m.file_size > 0
       AND n.availability = 'present' AND ${notTrashed('n.id')} AND n.parent_id IS NULL
       AND n.description = '' AND n.metadata = '{}' AND n.custom_coordinates IS NULL AND n.name = n.original_name
       AND NOT EXISTS (SELECT 1 FROM media_tags t WHERE t.media_id = n.id)
       AND NOT EXISTS (SELECT 1 FROM media p WHERE p.parent_id = n.id)
     ORDER BY m.id, n.id`,
  ).all() as { missingId: number; foundId: number }[];
}

interface LocationColumns {
  folder_id: number;
  rel_path: Buffer;
  display_path: string;
  original_name: string;
  file_size: number;
  mtime: string;
}

/**
 * Moves the old item onto the found file and drops the found file's fresh row, so the item
 * keeps its id, tags, name, description and metadata. A display name that was just the old
 * file name follows the new file name.
 */
export function relinkItem(db: Db, missingId: number, foundId: number, now: string): void {
  const found = statement(
    db,
    `SELECT folder_id, rel_path, display_path, original_name, file_size, mtime FROM media WHERE id = ?`,
  ).get(foundId) as LocationColumns | undefined;
  if (!found) return;
  statement(db, `DELETE FROM media WHERE id = ?`).run(foundId);
  statement(
    db,
    `UPDATE media SET folder_id = ?, rel_path = ?, display_path = ?, file_size = ?, mtime = ?, availability = 'present',
       name = CASE WHEN name = original_name THEN ? ELSE name END,
       name_key = CASE WHEN name = original_name THEN ? ELSE name_key END,
       original_name = ?, updated_at = ?, updated_by = 'import'
     WHERE id = ?`,
  ).run(
    found.folder_id,
    found.rel_path,
    found.display_path,
    found.file_size,
    found.mtime,
    found.original_name,
    tagKey(found.original_name),
    found.original_name,
    now,
    missingId,
  );
}

export function upsertThumbnails(db: Db, md5: string, thumbnails: readonly RenderedThumbnail[]): void {
  const upsert = statement(
    db,
    `INSERT INTO thumbnails (md5, size, width, height, bytes) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (md5, size) DO UPDATE SET width = excluded.width, height = excluded.height, bytes = excluded.bytes`,
  );
  for (const t of thumbnails) upsert.run(md5, t.size, t.width, t.height, t.bytes);
}

/** What rebuilding an item's thumbnails needs to know about it. */
export interface ThumbnailSource {
  id: number;
  folder_path: string;
  rel_path: Buffer;
  md5: string | null;
  type: string;
  file_state: string;
  availability: string;
}

export function getThumbnailSource(db: Db, id: number): ThumbnailSource | undefined {
  return statement(
    db,
    `SELECT m.id, f.path AS folder_path, m.rel_path, m.md5, m.type, m.file_state, m.availability
     FROM media m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?`,
  ).get(id) as ThumbnailSource | undefined;
}

export function hasThumbnail(db: Db, md5: string, size: number): boolean {
  return statement(db, `SELECT 1 FROM thumbnails WHERE md5 = ? AND size = ?`).get(md5, size) !== undefined;
}
