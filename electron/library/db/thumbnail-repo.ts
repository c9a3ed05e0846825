/**
 * The `thumbnails` table: the records of the cached thumbnail files (written after a render,
 * read into items and tiles) and dropping the records no item needs any more.
 * Thumbnails are keyed by content (md5), so items with the same bytes share them and a record may only go when no remaining item has that md5.
 */
import type { Db } from './connection.js';
import { statement } from './statements.js';

export interface ThumbnailRow {
  md5: string;
  size: number;
  width: number;
  height: number;
  bytes: number;
}

export function thumbnailsOf(db: Db, md5s: readonly string[]): ThumbnailRow[] {
  if (md5s.length === 0) return [];
  return statement(
    db,
    `SELECT md5, size, width, height, bytes FROM thumbnails
     WHERE md5 IN (SELECT value FROM json_each(?)) ORDER BY md5, size`,
  ).all(JSON.stringify(md5s)) as ThumbnailRow[];
}

/**
 * Deletes the records of the given md5s that no item in the library uses any more and returns
 * their (md5, size) pairs, so the caller can delete the cached files after the commit.
 */
export function deleteOrphanThumbnails(db: Db, md5s: readonly string[]): { md5: string; size: number }[] {
  if (md5s.length === 0) return [];
  return statement(
    db,
    `DELETE FROM thumbnails
     WHERE md5 IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM media m WHERE m.md5 = thumbnails.md5)
     RETURNING md5, size`,
  ).all(JSON.stringify(md5s)) as { md5: string; size: number }[];
}

/** The md5s among these that no item in the library has. */
export function unusedMd5s(db: Db, md5s: readonly string[]): string[] {
  if (md5s.length === 0) return [];
  return statement(
    db,
    `SELECT j.value FROM json_each(?) j WHERE NOT EXISTS (SELECT 1 FROM media m WHERE m.md5 = j.value)`,
  )
    .pluck()
    .all(JSON.stringify(md5s)) as string[];
}

/** The record of one rendered thumbnail file. */
export interface ThumbnailRecord {
  size: number;
  width: number;
  height: number;
  bytes: number;
}

export function upsertThumbnails(db: Db, md5: string, thumbnails: readonly ThumbnailRecord[]): void {
  const upsert = statement(
    db,
    `INSERT INTO thumbnails (md5, size, width, height, bytes) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (md5, size) DO UPDATE SET width = excluded.width, height = excluded.height, bytes = excluded.bytes`,
  );
  for (const t of thumbnails) upsert.run(md5, t.size, t.width, t.height, t.bytes);
}

export function hasThumbnail(db: Db, md5: string, size: number): boolean {
  return statement(db, `SELECT 1 FROM thumbnails WHERE md5 = ? AND size = ?`).get(md5, size) !== undefined;
}
