/** `faces`: the faces found in items, each with its descriptor and (maybe) its person. */
import type { Face, FaceBox } from '../../../shared/people.js';
import type { Db } from './connection.js';
import { notTrashed } from './media-columns.js';
import { statement } from './statements.js';

export interface FaceRow {
  id: number;
  media_id: number;
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
  descriptor: Buffer;
  model: string;
  person_id: number | null;
  assigned_by: 'auto' | 'user';
}

/** A face with its descriptor as numbers, for clustering. */
export interface DescribedFace {
  id: number;
  mediaId: number;
  personId: number | null;
  assignedBy: 'auto' | 'user';
  descriptor: Float32Array;
}

const FACE_COLUMNS = `f.id, f.media_id, f.x, f.y, f.width, f.height, f.score, f.person_id, f.assigned_by, p.name AS person_name,
  m.width AS picture_width, m.height AS picture_height`;
/** Faces with their person's name and their picture's size. */
const FACE_FROM = `faces f LEFT JOIN people p ON p.id = f.person_id JOIN media m ON m.id = f.media_id`;

interface FaceViewRow extends Omit<FaceRow, 'descriptor' | 'model'> {
  person_name: string | null;
  picture_width: number | null;
  picture_height: number | null;
}

function toFace(row: FaceViewRow): Face {
  return {
    id: row.id,
    mediaId: row.media_id,
    box: { x: row.x, y: row.y, width: row.width, height: row.height },
    score: row.score,
    personId: row.person_id,
    personName: row.person_name,
    assignedBy: row.assigned_by,
    picture: row.picture_width !== null && row.picture_height !== null ? { width: row.picture_width, height: row.picture_height } : null,
  };
}

export function descriptorBlob(descriptor: Float32Array): Buffer {
  return Buffer.from(descriptor.buffer, descriptor.byteOffset, descriptor.byteLength);
}

export function descriptorOf(blob: Buffer): Float32Array {
  // A copy: the Buffer better-sqlite3 hands out may not be 4-byte aligned.
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Float32Array(copy.buffer);
}

export function insertFace(db: Db, mediaId: number, box: FaceBox, score: number, descriptor: Float32Array, model: string): number {
  const result = statement(
    db,
    `INSERT INTO faces (media_id, x, y, width, height, score, descriptor, model) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(mediaId, box.x, box.y, box.width, box.height, score, descriptorBlob(descriptor), model);
  return Number(result.lastInsertRowid);
}

/** The same face seen again (a rerun): new numbers, its person and corrections kept. */
export function updateFaceReading(db: Db, faceId: number, box: FaceBox, score: number, descriptor: Float32Array, model: string): void {
  statement(db, `UPDATE faces SET x = ?, y = ?, width = ?, height = ?, score = ?, descriptor = ?, model = ? WHERE id = ?`).run(
    box.x, box.y, box.width, box.height, score, descriptorBlob(descriptor), model, faceId,
  );
}

export function deleteFaces(db: Db, faceIds: readonly number[]): void {
  if (faceIds.length === 0) return;
  statement(db, `DELETE FROM faces WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(faceIds));
}

export function facesOfMedia(db: Db, mediaId: number): Face[] {
  const rows = statement(
    db,
    `SELECT ${FACE_COLUMNS} FROM ${FACE_FROM} WHERE f.media_id = ? ORDER BY f.x, f.y, f.id`,
  ).all(mediaId) as FaceViewRow[];
  return rows.map(toFace);
}

export function getFace(db: Db, faceId: number): Face | undefined {
  const row = statement(db, `SELECT ${FACE_COLUMNS} FROM ${FACE_FROM} WHERE f.id = ?`).get(faceId) as
    | FaceViewRow
    | undefined;
  return row === undefined ? undefined : toFace(row);
}

/** A person's faces in items outside the trash, most confident first. */
export function facesOfPerson(db: Db, personId: number, limit: number): Face[] {
  const rows = statement(
    db,
    `SELECT ${FACE_COLUMNS} FROM ${FACE_FROM}
     WHERE f.person_id = ? AND ${notTrashed('f.media_id')} ORDER BY f.score DESC, f.id LIMIT ?`,
  ).all(personId, limit) as FaceViewRow[];
  return rows.map(toFace);
}

/**
 * The faces made by `model` that clustering compares, in id order (its deterministic order):
 * every placed face, and the unplaced ones (of `onlyMedia` when given: the others wait).
 */
export function describedFaces(db: Db, model: string, onlyMedia?: number): DescribedFace[] {
  const rows = statement(
    db,
    `SELECT id, media_id, person_id, assigned_by, descriptor FROM faces
     WHERE model = ? AND (person_id IS NOT NULL OR ? IS NULL OR media_id = ?) ORDER BY id`,
  ).all(model, onlyMedia ?? null, onlyMedia ?? null) as Pick<FaceRow, 'id' | 'media_id' | 'person_id' | 'assigned_by' | 'descriptor'>[];
  return rows.map((row) => ({ id: row.id, mediaId: row.media_id, personId: row.person_id, assignedBy: row.assigned_by, descriptor: descriptorOf(row.descriptor) }));
}

export function setFacePerson(db: Db, faceIds: readonly number[], personId: number | null, assignedBy: 'auto' | 'user'): void {
  if (faceIds.length === 0) return;
  statement(db, `UPDATE faces SET person_id = ?, assigned_by = ? WHERE id IN (SELECT value FROM json_each(?))`).run(personId, assignedBy, JSON.stringify(faceIds));
}

/** Clustering starts over for the faces nobody placed by hand. */
export function clearAutoAssignments(db: Db): void {
  statement(db, `UPDATE faces SET person_id = NULL WHERE assigned_by = 'auto' AND person_id IS NOT NULL`).run();
}

/** Marks a person's faces as placed by hand (naming a person confirms its faces). */
export function confirmFacesOfPerson(db: Db, personId: number): void {
  statement(db, `UPDATE faces SET assigned_by = 'user' WHERE person_id = ?`).run(personId);
}

export function movePersonFaces(db: Db, from: number, into: number): void {
  statement(db, `UPDATE faces SET person_id = ?, assigned_by = 'user' WHERE person_id = ?`).run(into, from);
}

/** Items (outside the trash) with a face of this person. */
export function itemsOfPerson(db: Db, personId: number): number[] {
  return statement(db, `SELECT DISTINCT media_id FROM faces WHERE person_id = ? AND ${notTrashed('media_id')} ORDER BY media_id`)
    .pluck()
    .all(personId) as number[];
}

export function countUnassignedFaces(db: Db): number {
  return statement(db, `SELECT count(*) FROM faces WHERE person_id IS NULL AND ${notTrashed('media_id')}`).pluck().get() as number;
}

/** Does this item still have a face of this person (other than `exceptFace`)? */
export function itemHasPerson(db: Db, mediaId: number, personId: number, exceptFace: number): boolean {
  return statement(db, `SELECT 1 FROM faces WHERE media_id = ? AND person_id = ? AND id <> ? LIMIT 1`).get(mediaId, personId, exceptFace) !== undefined;
}

export function countFacesOfPerson(db: Db, personId: number): number {
  return statement(db, `SELECT count(*) FROM faces WHERE person_id = ?`).pluck().get(personId) as number;
}
