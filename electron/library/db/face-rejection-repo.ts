/** `face_rejections`: "this face is not this person", said by a person; clustering obeys it. */
import type { Db } from './connection.js';
import { statement } from './statements.js';

export function rejectFace(db: Db, faceId: number, personId: number): void {
  statement(db, `INSERT OR IGNORE INTO face_rejections (face_id, person_id) VALUES (?, ?)`).run(faceId, personId);
}

export function forgetRejection(db: Db, faceId: number, personId: number): void {
  statement(db, `DELETE FROM face_rejections WHERE face_id = ? AND person_id = ?`).run(faceId, personId);
}

/** Every rejection as "faceId:personId" keys. */
export function rejectionKeys(db: Db): Set<string> {
  const rows = statement(db, `SELECT face_id, person_id FROM face_rejections`).all() as { face_id: number; person_id: number }[];
  return new Set(rows.map((row) => `${row.face_id}:${row.person_id}`));
}

/** A merge: what was said of `from` is now said of `into`. */
export function moveRejections(db: Db, from: number, into: number): void {
  statement(db, `INSERT OR IGNORE INTO face_rejections (face_id, person_id) SELECT face_id, ? FROM face_rejections WHERE person_id = ?`).run(into, from);
}
