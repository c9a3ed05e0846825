/**
 * Helpers for the import tests: run an import to the end, read rows by path, make small real
 * images with sharp. Everything runs against a real library (SQLite file, sharp, workers).
 */
import fs from 'node:fs';
import sharp from 'sharp';
import type { Library } from '../../../electron/library/library.js';
import type { ImportProgress } from '../../../shared/media.js';

export interface Row {
  id: number;
  folder_id: number;
  rel_path: Buffer;
  display_path: string;
  name: string;
  original_name: string;
  file_size: number;
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
  availability: string;
  file_state: string;
  state_reason: string | null;
  updated_by: string;
}

/** Starts an import and waits for the importer to be idle; returns the job's final progress. */
export async function importAndWait(library: Library, folder: string): Promise<ImportProgress> {
  const { jobId } = await library.importer.start(folder);
  await library.importer.whenIdle();
  const status = library.importer.status();
  if (!status || status.jobId !== jobId) throw new Error('the import did not report its end');
  return status;
}

export async function rescanAndWait(library: Library, folderIds?: number[]): Promise<ImportProgress> {
  await library.importer.rescan(folderIds);
  await library.importer.whenIdle();
  const status = library.importer.status();
  if (!status) throw new Error('the rescan did not report its end');
  return status;
}

export function allRows(library: Library): Row[] {
  return library.db.prepare(`SELECT * FROM media ORDER BY id`).all() as Row[];
}

/** Rows keyed by their path inside the folder (display text). */
export function rowsByPath(library: Library): Map<string, Row> {
  return new Map(allRows(library).map((row) => [row.display_path, row]));
}

export function rowAt(library: Library, displayPath: string): Row {
  const row = rowsByPath(library).get(displayPath);
  if (!row) throw new Error(`no item for ${displayPath}`);
  return row;
}

export function thumbnailRows(library: Library, md5: string): { size: number; width: number; height: number; bytes: number }[] {
  return library.db.prepare(`SELECT size, width, height, bytes FROM thumbnails WHERE md5 = ? ORDER BY size`).all(md5) as {
    size: number;
    width: number;
    height: number;
    bytes: number;
  }[];
}

export function issues(library: Library): { path: string; reason: string }[] {
  return library.db.prepare(`SELECT path, reason FROM import_issues ORDER BY id`).all() as { path: string; reason: string }[];
}

/** A small real JPEG/PNG whose content (and so md5) depends on `seed`. */
export async function writeImage(
  file: string | Buffer,
  seed: number,
  options: { width?: number; height?: number; format?: 'jpeg' | 'png' } = {},
): Promise<void> {
  const width = options.width ?? 40;
  const height = options.height ?? 30;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * 7 + seed * 131) % 256;
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  const data = options.format === 'png' ? await image.png().toBuffer() : await image.jpeg({ quality: 90 }).toBuffer();
  fs.writeFileSync(file, data);
}
