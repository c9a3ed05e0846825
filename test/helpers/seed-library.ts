/**
 * Puts real files into a temp library without the importer: copies corpus files into a folder,
 * reads each one for real (md5, sharp's dimensions, exifr's EXIF) and inserts the rows the
 * importer would write, optionally with real WebP thumbnails in the cache. The service tests
 * then rename, analyse and trash real files. Rows are inserted with plain SQL on purpose: this
 * is a test fixture standing in for import, not a second importer.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import type { Db } from '../../electron/library/db/connection.js';
import type { LibraryPaths } from '../../electron/library/base/paths.js';
import { thumbnailPath } from '../../electron/library/thumbnails/thumbnail-paths.js';
import { THUMBNAIL_SIZES, type ThumbnailSize } from '../../shared/media.js';
import { tagKey } from '../../shared/tags.js';
import { copyCorpus, type TempLibrary } from './temp-library.js';

export interface SeededItem {
  id: number;
  /** Corpus-relative path it was copied from, e.g. `jpg/gps/DSCN0010.jpg`. */
  source: string;
  absPath: string;
  md5: string;
}

export interface SeededLibrary {
  folderId: number;
  folderPath: string;
  items: SeededItem[];
  /** The item copied from this corpus path. */
  item(source: string): SeededItem;
}

export interface SeedOptions {
  /** Write WebP thumbnails (the four sizes) into the cache and record them. Default true. */
  thumbnails?: boolean;
  /** Folder name inside the test's temp dir. */
  folderName?: string;
}

/** A few real photos with EXIF dates, cameras, GPS and both orientations. */
export const DEFAULT_SEED = [
  'jpg/Canon_40D.jpg',
  'jpg/Nikon_D70.jpg',
  'jpg/gps/DSCN0010.jpg',
  'jpg/gps/DSCN0021.jpg',
  'jpg/orientation/portrait_6.jpg',
  'jpg/orientation/landscape_1.jpg',
  'jpg/xmp/BlueSquare.jpg',
  'tiff/Arbitro.tiff',
];

const pad = (n: number) => String(n).padStart(2, '0');

function exifDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : null;
}

interface Probed {
  md5: string;
  size: number;
  mtime: string;
  format: string | null;
  width: number | null;
  height: number | null;
  mode: string | null;
  hasAlpha: number | null;
  orientation: number | null;
  takenAt: string | null;
  make: string | null;
  model: string | null;
  lat: number | null;
  lon: number | null;
  state: 'ok' | 'damaged';
  reason: string | null;
}

async function probe(file: string): Promise<Probed> {
  const bytes = fs.readFileSync(file);
  const stat = fs.statSync(file);
  const base = {
    md5: crypto.createHash('md5').update(bytes).digest('hex'),
    size: bytes.length,
    mtime: stat.mtime.toISOString(),
  };
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes).metadata();
    await sharp(bytes).resize(8).raw().toBuffer(); // decodes, so damaged files are found
  } catch (error) {
    return {
      ...base, format: null, width: null, height: null, mode: null, hasAlpha: null, orientation: null,
      takenAt: null, make: null, model: null, lat: null, lon: null, state: 'damaged', reason: String(error),
    };
  }
  const exif = ((await exifr.parse(bytes, { tiff: true, gps: true, reviveValues: false }).catch(() => null)) ?? {}) as Record<
    string,
    unknown
  >;
  const swap = (meta.orientation ?? 1) >= 5;
  const gps = (await exifr.gps(bytes).catch(() => null)) as { latitude?: number; longitude?: number } | null;
  return {
    ...base,
    format: meta.format ?? null,
    width: (swap ? meta.height : meta.width) ?? null,
    height: (swap ? meta.width : meta.height) ?? null,
    mode: meta.space ?? null,
    hasAlpha: meta.hasAlpha ? 1 : 0,
    orientation: meta.orientation ?? null,
    takenAt: exifDate(exif.DateTimeOriginal),
    make: typeof exif.Make === 'string' ? exif.Make.trim() : null,
    model: typeof exif.Model === 'string' ? exif.Model.trim() : null,
    lat: typeof gps?.latitude === 'number' ? gps.latitude : null,
    lon: typeof gps?.longitude === 'number' ? gps.longitude : null,
    state: 'ok',
    reason: null,
  };
}

export function insertFolder(db: Db, folderPath: string): number {
  return Number(
    db.prepare(`INSERT INTO folders (path, added_at) VALUES (?, ?)`).run(folderPath, new Date().toISOString()).lastInsertRowid,
  );
}

/** Inserts the row import would write for a probed file; returns its id. */
function insertItem(db: Db, folderId: number, relPath: Buffer, displayPath: string, p: Probed, now: string): number {
  const name = path.posix.basename(displayPath);
  return Number(
    db
      .prepare(
        `INSERT INTO media (folder_id, rel_path, display_path, original_name, file_size, mtime, md5, type, mime, format,
           width, height, mode, has_alpha, orientation, taken_at, camera_make, camera_model, gps_lat, gps_lon,
           name, name_key, file_state, state_reason, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'image', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import')`,
      )
      .run(
        folderId, relPath, displayPath, name, p.size, p.mtime, p.md5, p.format === null ? null : `image/${p.format}`,
        p.format, p.width, p.height, p.mode, p.hasAlpha, p.orientation, p.takenAt, p.make, p.model, p.lat, p.lon,
        name, tagKey(name), p.state, p.reason, now, now,
      ).lastInsertRowid,
  );
}

/** Real WebP thumbnails of the four sizes, upright and never upscaled, recorded in `thumbnails`. */
export async function writeThumbnails(db: Db, paths: LibraryPaths, file: string, md5: string): Promise<void> {
  const bytes = fs.readFileSync(file);
  for (const size of THUMBNAIL_SIZES) {
    const target = thumbnailPath(paths, md5, size as ThumbnailSize);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const info = await sharp(bytes)
      .rotate()
      .resize(size, size, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toFile(target);
    db.prepare(
      `INSERT INTO thumbnails (md5, size, width, height, bytes) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(md5, size, info.width, info.height, info.size);
  }
}

/** Copies `sources` (corpus-relative) into a folder of the temp dir and records them as items. */
export async function seedLibrary(t: TempLibrary, sources: string[] = DEFAULT_SEED, options: SeedOptions = {}): Promise<SeededLibrary> {
  const folderPath = path.join(t.dir, options.folderName ?? 'photos');
  copyCorpus(folderPath, sources);
  return recordFiles(t, folderPath, sources, options);
}

/** Records files already in `folderPath` (paths relative to it) as items of a new library folder. */
export async function recordFiles(t: TempLibrary, folderPath: string, sources: string[], options: SeedOptions = {}): Promise<SeededLibrary> {
  const db = t.library.db;
  const folderId = insertFolder(db, folderPath);
  const items: SeededItem[] = [];
  const base = Date.parse('2024-03-01T10:00:00Z');
  for (const [index, source] of sources.entries()) {
    const absPath = path.join(folderPath, source);
    const p = await probe(absPath);
    // Distinct, increasing "added" times, as a real import of one file after another gives.
    const now = new Date(base + index * 1000).toISOString();
    const id = insertItem(db, folderId, Buffer.from(source), source, p, now);
    if (options.thumbnails !== false && p.state === 'ok') await writeThumbnails(db, t.library.paths, absPath, p.md5);
    items.push({ id, source, absPath, md5: p.md5 });
  }
  return {
    folderId,
    folderPath,
    items,
    item(source) {
      const found = items.find((item) => item.source === source);
      if (!found) throw new Error(`${source} was not seeded`);
      return found;
    },
  };
}

export interface SyntheticOptions {
  count: number;
  folderId: number;
  /** Called per index for the row's varying fields. */
  name?: (i: number) => string;
}

/**
 * Many rows without files (for paging and ordering tests): varied names, dates and sizes with
 * deliberate ties, so the id tie-break is exercised.
 */
export function insertSyntheticItems(db: Db, options: SyntheticOptions): number[] {
  const insert = db.prepare(
    `INSERT INTO media (folder_id, rel_path, display_path, original_name, file_size, mtime, taken_at, type, width, height,
       name, name_key, file_state, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'image', 640, 480, ?, ?, 'ok', ?, ?, 'import')`,
  );
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < options.count; i += 1) {
      const name = options.name?.(i) ?? `IMG_${pad(i % 37)}.jpg`;
      const day = 1 + (i % 28);
      const takenAt = i % 5 === 0 ? null : `2021-02-${pad(day)}T12:00:00`;
      const mtime = `2022-01-${pad(1 + (i % 9))}T08:00:00.000Z`;
      const created = `2024-01-01T00:00:${pad(i % 13)}.000Z`;
      const rel = `synthetic/${i}-${name}`;
      ids.push(
        Number(
          insert.run(options.folderId, Buffer.from(rel), rel, name, 1000 + (i % 17) * 10, mtime, takenAt, name, tagKey(name), created, created)
            .lastInsertRowid,
        ),
      );
    }
  })();
  return ids;
}
