/** `perceptual_hashes`: one dHash per picture content (md5). */
import type { Db } from './connection.js';
import { notTrashed } from './media-columns.js';
import { statement } from './statements.js';

export function upsertPerceptualHash(db: Db, md5: string, dhash: string): void {
  statement(db, `INSERT INTO perceptual_hashes (md5, dhash) VALUES (?, ?) ON CONFLICT (md5) DO UPDATE SET dhash = excluded.dhash`).run(md5, dhash);
}

export interface HashedItem {
  id: number;
  md5: string;
  dhash: string | null;
  file_size: number;
  width: number | null;
  height: number | null;
}

/** Every image not in the trash, with its hash when it has one, in id order. */
export function hashedImages(db: Db): HashedItem[] {
  return statement(
    db,
    `SELECT m.id, m.md5, ph.dhash, m.file_size, m.width, m.height
     FROM media m LEFT JOIN perceptual_hashes ph ON ph.md5 = m.md5
     WHERE m.type = 'image' AND m.md5 IS NOT NULL AND ${notTrashed('m.id')}
     ORDER BY m.id`,
  ).all() as HashedItem[];
}
