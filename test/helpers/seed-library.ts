/**
 * Puts real files into a temp library without the importer's workers: copies corpus files into
 * a folder, reads each one for real (md5, sharp's dimensions, exifr's EXIF) and records them
 * through the same repositories the importer writes with (folder-repo, media-repo's scanned
 * file and probe result, thumbnail-repo), optionally with real WebP thumbnails in the cache.
 * The service tests then rename, analyse and trash real files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { fileTimeIso } from '../../electron/library/base/clock.js';
import type { Db } from '../../electron/library/db/connection.js';
import { insertFolder as insertFolderRecord } from '../../electron/library/db/folder-repo.js';
import type { DetectedFields } from '../../electron/library/db/media-columns.js';
import { applyProbeResult, recordScannedFile } from '../../electron/library/db/media-repo.js';
import { upsertThumbnails } from '../../electron/library/db/thumbnail-repo.js';
import { NO_EXIF } from '../../electron/library/import/exif-fields.js';
import type { LibraryPaths } from '../../electron/library/base/paths.js';
import { thumbnailPath } from '../../electron/library/base/thumbnail-paths.js';
import { THUMBNAIL_SIZES, type ThumbnailSize } from '../../shared/media.js';
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
  mtime: string;
  detected: DetectedFields;
}

async function probe(file: string): Promise<Probed> {
  const bytes = fs.readFileSync(file);
  const stat = fs.statSync(file);
  const mtime = fileTimeIso(stat.mtimeMs);
  const base: DetectedFields = {
    ...NO_EXIF,
    size: bytes.length,
    md5: crypto.createHash('md5').update(bytes).digest('hex'),
    type: 'image',
    mime: null,
    format: null,
    width: null,
    height: null,
    mode: null,
    hasAlpha: null,
    duration: null,
    fileState: 'ok',
    stateReason: null,
  };
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes).metadata();
    await sharp(bytes).resize(8).raw().toBuffer(); // decodes, so damaged files are found
  } catch (error) {
    return { mtime, detected: { ...base, fileState: 'damaged', stateReason: String(error) } };
  }
  const exif = ((await exifr.parse(bytes, { tiff: true, gps: true, reviveValues: false }).catch(() => null)) ?? {}) as Record<
    string,
    unknown
  >;
  const swap = (meta.orientation ?? 1) >= 5;
  const gps = (await exifr.gps(bytes).catch(() => null)) as { latitude?: number; longitude?: number } | null;
  return {
    mtime,
    detected: {
      ...base,
      mime: meta.format === undefined ? null : `image/${meta.format}`,
      format: meta.format ?? null,
      width: (swap ? meta.height : meta.width) ?? null,
      height: (swap ? meta.width : meta.height) ?? null,
      mode: meta.space ?? null,
      hasAlpha: meta.hasAlpha,
      orientation: meta.orientation ?? null,
      takenAt: exifDate(exif.DateTimeOriginal),
      cameraMake: typeof exif.Make === 'string' ? exif.Make.trim() : null,
      cameraModel: typeof exif.Model === 'string' ? exif.Model.trim() : null,
      gpsLat: typeof gps?.latitude === 'number' ? gps.latitude : null,
      gpsLon: typeof gps?.longitude === 'number' ? gps.longitude : null,
    },
  };
}

export function insertFolder(db: Db, folderPath: string): number {
  return insertFolderRecord(db, folderPath, new Date().toISOString());
}

/** Records a file as the importer does: its scanned row, then what was detected in it. */
function recordItem(db: Db, folderId: number, relPath: string, mtime: string, detected: DetectedFields, now: string): number {
  const name = path.posix.basename(relPath);
  const file = { relPath: Buffer.from(relPath), displayPath: relPath, name, size: detected.size, mtime };
  const { id } = recordScannedFile(db, folderId, file, now);
  applyProbeResult(db, id, detected, now);
  return id;
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
    upsertThumbnails(db, md5, [{ size, width: info.width, height: info.height, bytes: info.size }]);
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
    const id = recordItem(db, folderId, source, p.mtime, p.detected, now);
    const md5 = p.detected.md5 as string;
    if (options.thumbnails !== false && p.detected.fileState === 'ok') await writeThumbnails(db, t.library.paths, absPath, md5);
    items.push({ id, source, absPath, md5 });
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
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < options.count; i += 1) {
      const name = options.name?.(i) ?? `IMG_${pad(i % 37)}.jpg`;
      const day = 1 + (i % 28);
      const detected: DetectedFields = {
        ...NO_EXIF,
        size: 1000 + (i % 17) * 10,
        md5: null,
        type: 'image',
        mime: null,
        format: null,
        width: 640,
        height: 480,
        mode: null,
        hasAlpha: null,
        duration: null,
        fileState: 'ok',
        stateReason: null,
        takenAt: i % 5 === 0 ? null : `2021-02-${pad(day)}T12:00:00`,
      };
      const mtime = `2022-01-${pad(1 + (i % 9))}T08:00:00.000Z`;
      const created = `2024-01-01T00:00:${pad(i % 13)}.000Z`;
      // One folder per item, so the file name (and with it the display name) is exactly `name`.
      ids.push(recordItem(db, options.folderId, `synthetic/${i}/${name}`, mtime, detected, created));
    }
  })();
  return ids;
}
