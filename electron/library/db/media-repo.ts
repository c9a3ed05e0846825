/**
 * The `media` table: items read for the service and the tiles, edits of their fields, the
 * file's location, what the import records (scanned files, probe results, missing and offline
 * marks, relinking a moved file's item) and derived versions. Tag links live in media-tag-repo,
 * trash moves in trash-repo, thumbnails in thumbnail-repo; the list queries in media-list-query.
 */
import type { FileState } from '../../../shared/media.js';
import { tagKey } from '../../../shared/tags.js';
import { displayNameFromFileName } from '../../../shared/text-rules.js';
import { joinLocation } from '../base/paths.js';
import type { Db } from './connection.js';
import {
  assignments,
  DETECTED_COLUMNS,
  DETECTED_FIELDS,
  detectedParams,
  EDITABLE_COLUMNS,
  MEDIA_ROW_COLUMNS,
  MEDIA_ROW_JOINS,
  notTrashed,
  statusOf,
  type DetectedFields,
  type EditableFields,
  type MediaRow,
} from './media-columns.js';
import { jsonIds, sortedJsonIds, statement } from './statements.js';

export function getMediaRows(db: Db, ids: readonly number[]): MediaRow[] {
  return statement(
    db,
    `SELECT ${MEDIA_ROW_COLUMNS}
     FROM json_each(?) j JOIN media m ON m.id = j.value ${MEDIA_ROW_JOINS}
     ORDER BY j.key`,
  ).all(jsonIds(ids)) as MediaRow[];
}

export function getMediaRow(db: Db, id: number): MediaRow | undefined {
  return getMediaRows(db, [id])[0];
}

/** The ids among `ids` that are not in the library, in the order given. */
export function findMissingIds(db: Db, ids: readonly number[]): number[] {
  // The usual answer is "none": count the ids found, probing the table in id order (IN builds
  // a sorted list), which is several times faster for 100,000 ids than probing in the given order.
  const found = statement(db, `SELECT count(*) FROM media WHERE id IN (SELECT value FROM json_each(?))`).pluck().get(jsonIds(ids)) as number;
  if (found === new Set(ids).size) return [];
  return statement(
    db,
    `SELECT j.value FROM json_each(?) j WHERE NOT EXISTS (SELECT 1 FROM media m WHERE m.id = j.value) ORDER BY j.key`,
  )
    .pluck()
    .all(jsonIds(ids)) as number[];
}

/** The fields an edit may write; each present key is written, absent keys are left alone. */
export type EditableUpdate = Partial<EditableFields>;

export function updateEditableFields(db: Db, id: number, fields: EditableUpdate, actor: string, now: string): void {
  const present = (Object.keys(EDITABLE_COLUMNS) as (keyof EditableFields)[]).filter((field) => Object.prototype.hasOwnProperty.call(fields, field));
  // Column names come from the fixed list, never from input; values are bound.
  const sets = assignments(EDITABLE_COLUMNS, present);
  // The name's sort and search key follows the name.
  if (fields.name !== undefined) sets.push('name_key = @nameKey');
  sets.push('updated_at = @now', 'updated_by = @actor');
  const params: Record<string, unknown> = { id, now, actor };
  for (const field of present) params[field] = fields[field];
  if (fields.name !== undefined) params.nameKey = tagKey(fields.name);
  statement(db, `UPDATE media SET ${sets.join(', ')} WHERE id = @id`).run(params);
}

export interface FileLocationUpdate {
  relPath: Buffer;
  displayPath: string;
  originalName: string;
}

/** After a rename on disk: where the file is now. Fails on the (folder, path) unique key. */
export function updateFileLocation(db: Db, id: number, location: FileLocationUpdate): void {
  statement(db, `UPDATE media SET rel_path = ?, display_path = ?, original_name = ? WHERE id = ?`).run(
    location.relPath,
    location.displayPath,
    location.originalName,
    id,
  );
}

/** A cheap upper bound of the item count (the largest id), for choosing a query plan. */
export function mediaIdCeiling(db: Db): number {
  return (statement(db, `SELECT coalesce(max(id), 0) FROM media`).pluck().get() as number) ?? 0;
}

export interface TileRow {
  id: number;
  type: string;
  name: string;
  width: number | null;
  height: number | null;
  status: string;
  availability: string;
  file_state: string;
  md5: string | null;
  rating: number;
  label: string;
  flag: string;
  /** Comma-separated sizes of the thumbnails already made, or null. */
  sizes: string | null;
}

export function getTileRows(db: Db, ids: readonly number[]): TileRow[] {
  return statement(
    db,
    `SELECT m.id, m.type, m.name, m.width, m.height, ${statusOf('m.id')} AS status, m.availability, m.file_state, m.md5, m.rating, m.label, m.flag,
       (SELECT group_concat(t.size) FROM thumbnails t WHERE t.md5 = m.md5) AS sizes
     FROM json_each(?) j JOIN media m ON m.id = j.value ORDER BY j.key`,
  ).all(jsonIds(ids)) as TileRow[];
}

/** Which of the ids are still in the library (an async job checks again before writing). */
export function existingIds(db: Db, ids: readonly number[]): Set<number> {
  return new Set(
    statement(db, `SELECT m.id FROM json_each(?) j JOIN media m ON m.id = j.value`).pluck().all(jsonIds(ids)) as number[],
  );
}

/** Where an item's file is, and what state it was left in: every reader of an original starts here. */
export interface MediaLocation {
  id: number;
  folderId: number;
  folderPath: string;
  /** Path inside the folder, `/`-separated, exactly the bytes the file system gave. */
  relPath: Buffer;
  /** The absolute path as bytes: opens names that are not valid UTF-8. */
  absPath: Buffer;
  md5: string | null;
  mime: string | null;
  type: string;
  fileState: string;
  stateReason: string | null;
  availability: string;
  /** Size and modification time as recorded: an original is only read while they still hold. */
  size: number;
  mtime: string;
}

export function getMediaLocation(db: Db, id: number): MediaLocation | undefined {
  const row = statement(
    db,
    `SELECT m.id, m.folder_id AS folderId, f.path AS folderPath, m.rel_path AS relPath, m.md5, m.mime, m.type,
       m.file_state AS fileState, m.state_reason AS stateReason, m.availability, m.file_size AS size, m.mtime
     FROM media m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?`,
  ).get(id) as Omit<MediaLocation, 'absPath'> | undefined;
  return row === undefined ? undefined : { ...row, absPath: joinLocation(row.folderPath, row.relPath) };
}

export interface LibraryCounts {
  itemCount: number;
  trashCount: number;
}

export function countItems(db: Db): LibraryCounts {
  return statement(
    db,
    `SELECT (SELECT count(*) FROM media) - (SELECT count(*) FROM trash) AS itemCount,
            (SELECT count(*) FROM trash) AS trashCount`,
  ).get() as LibraryCounts;
}

/** A file as the scan saw it. */
export interface ScannedFile {
  relPath: Buffer;
  /** The path inside the folder as text (lossy where the name is not UTF-8). */
  displayPath: string;
  name: string;
  size: number;
  /** ISO-8601 UTC, as stored. */
  mtime: string;
  /** Whether this user may read it now; an unchanged file that became unreadable is read again (and recorded so). */
  readable?: boolean;
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
    // The display name is what the API hands out and takes back: no control characters.
    const name = displayNameFromFileName(file.name);
    const info = statement(
      db,
      `INSERT INTO media (folder_id, rel_path, display_path, original_name, file_size, mtime, name, name_key,
         created_at, updated_at, updated_by, file_state, availability)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', 'pending', 'present')`,
    ).run(folderId, file.relPath, file.displayPath, file.name, file.size, file.mtime, name, tagKey(name), now, now);
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
  const unfinished = existing.file_state === 'pending' || existing.file_state === 'unreadable' || file.readable === false;
  const lacksThumbnails = existing.file_state === 'ok' && existing.type === 'image' && existing.thumbs < 4;
  return { id: existing.id, created: false, needsProbe: changed || unfinished || lacksThumbnails };
}

/** Writes what the probe detected. Editable fields (name, description, tags, metadata) are untouched. */
export function applyProbeResult(db: Db, id: number, detected: DetectedFields, now: string): void {
  statement(
    db,
    `UPDATE media SET ${assignments(DETECTED_COLUMNS, DETECTED_FIELDS).join(', ')}, updated_at = @now, updated_by = 'import'
     WHERE id = @id`,
  ).run({ ...detectedParams(detected), now, id });
}

/** For a file whose examination failed as a whole (the decoder crashed). */
export function setFileState(db: Db, id: number, state: FileState, reason: string, now: string): void {
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
    displayNameFromFileName(found.original_name),
    tagKey(displayNameFromFileName(found.original_name)),
    found.original_name,
    now,
    missingId,
  );
}

/** The item and everything above it (its parent, the parent's parent, …). */
export function ancestorsAndSelf(db: Db, id: number): number[] {
  return statement(
    db,
    `WITH RECURSIVE up(id) AS (
       SELECT ?
       UNION
       SELECT m.parent_id FROM up JOIN media m ON m.id = up.id WHERE m.parent_id IS NOT NULL
     )
     SELECT id FROM up`,
  )
    .pluck()
    .all(id) as number[];
}

export function setParentOf(db: Db, ids: readonly number[], parentId: number | null, actor: string, now: string): void {
  statement(
    db,
    `UPDATE media SET parent_id = ?, updated_at = ?, updated_by = ? WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(parentId, now, actor, jsonIds(ids));
}

/** For each of the items, how many derived versions share its status (a trashed item's went with it). */
export function countDerived(db: Db, ids: readonly number[]): Map<number, number> {
  const rows = statement(
    db,
    `SELECT c.parent_id, count(*) FROM media c JOIN media p ON p.id = c.parent_id
     WHERE c.parent_id IN (SELECT value FROM json_each(?)) AND (${notTrashed('c.id')}) = (${notTrashed('p.id')})
     GROUP BY c.parent_id`,
  )
    .raw()
    .all(jsonIds(ids)) as [number, number][];
  return new Map(rows);
}

/** The curating fields a bulk edit sets; absent ones are left as they are. */
export type CuratingUpdate = Partial<Pick<EditableFields, 'rating' | 'label' | 'flag'>>;

/**
 * Sets the given curating fields on the items, in id order (see sortedJsonIds). Rows that
 * already hold these values are not rewritten, so their "updated at" stays and the count is
 * of the items that really changed.
 */
export function setCuratingOf(db: Db, ids: readonly number[], update: CuratingUpdate, actor: string, now: string): number {
  const present = (['rating', 'label', 'flag'] as const).filter((field) => update[field] !== undefined);
  // Column names come from the fixed list, never from input; values are bound.
  const sets = assignments(EDITABLE_COLUMNS, present);
  const differs = present.map((field) => `${EDITABLE_COLUMNS[field]} <> @${field}`).join(' OR ');
  const params: Record<string, unknown> = { ids: sortedJsonIds(ids), now, actor };
  for (const field of present) params[field] = update[field];
  return statement(
    db,
    `UPDATE media SET ${sets.join(', ')}, updated_at = @now, updated_by = @actor
     WHERE id IN (SELECT value FROM json_each(@ids)) AND (${differs})`,
  ).run(params).changes;
}
