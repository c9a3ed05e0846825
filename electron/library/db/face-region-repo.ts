/** `face_regions`: the named face regions an item's file or sidecar holds, in fractions of the picture. */
import type { Db } from './connection.js';
import { statement } from './statements.js';

export interface FaceRegionRow {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Makes the item's regions exactly `regions` (what its files say now). */
export function replaceFaceRegions(db: Db, mediaId: number, regions: readonly FaceRegionRow[]): void {
  statement(db, `DELETE FROM face_regions WHERE media_id = ?`).run(mediaId);
  const insert = statement(db, `INSERT INTO face_regions (media_id, name, x, y, width, height) VALUES (?, ?, ?, ?, ?, ?)`);
  for (const region of regions) insert.run(mediaId, region.name, region.x, region.y, region.width, region.height);
}

export function faceRegionsOfMedia(db: Db, mediaId: number): FaceRegionRow[] {
  return statement(db, `SELECT name, x, y, width, height FROM face_regions WHERE media_id = ? ORDER BY rowid`).all(mediaId) as FaceRegionRow[];
}
