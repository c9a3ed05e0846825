/** Helpers for the background analysis tests: real photos, a real library, the real queue. */
import fs from 'node:fs';
import path from 'node:path';
import type { Library } from '../../../electron/library/library.js';
import { CORPUS_DIR } from '../../helpers/temp-library.js';

/** Photos of the corpus that every extension can read (JPEGs of a few hundred KB). */
export const PHOTOS = [
  'jpg/Nikon_COOLPIX_P1.jpg',
  'jpg/gps/DSCN0027.jpg',
  'jpg/tests/45-gps_ifd.jpg',
  'jpg/exif-org/fujifilm-finepix40i.jpg',
  'jpg/Canon_40D.jpg',
  'jpg/gps/DSCN0010.jpg',
  'jpg/gps/DSCN0012.jpg',
  'jpg/gps/DSCN0021.jpg',
  'jpg/gps/DSCN0025.jpg',
  'jpg/gps/DSCN0029.jpg',
  'jpg/gps/DSCN0038.jpg',
  'jpg/gps/DSCN0040.jpg',
];

/** Copies `count` photos (cycling through PHOTOS) into `folder` under distinct names. */
export function copyPhotos(folder: string, count: number, prefix = 'photo'): string[] {
  fs.mkdirSync(folder, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const source = PHOTOS[i % PHOTOS.length] ?? '';
    const name = `${prefix}-${String(i).padStart(3, '0')}-${path.basename(source)}`;
    fs.copyFileSync(path.join(CORPUS_DIR, source), path.join(folder, name));
    fs.chmodSync(path.join(folder, name), 0o644);
    names.push(name);
  }
  return names;
}

export interface RunRow {
  media_id: number;
  extension: string;
  model_version: string | null;
  md5: string | null;
  ran_at: string;
}

export function runsOf(library: Library, extension: string): RunRow[] {
  return library.db
    .prepare(`SELECT media_id, extension, model_version, md5, ran_at FROM extension_runs WHERE extension = ? ORDER BY media_id`)
    .all(extension) as RunRow[];
}

export function queuedIds(library: Library, extension: string): number[] {
  return library.db.prepare(`SELECT media_id FROM analysis_queue WHERE extension = ? ORDER BY media_id`).pluck().all(extension) as number[];
}

export function mediaIds(library: Library): number[] {
  return library.db.prepare(`SELECT id FROM media ORDER BY id`).pluck().all() as number[];
}
