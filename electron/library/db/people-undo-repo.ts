/**
 * The `people_undo` table, and the rows a people edit changes, read and put back as they were:
 * people (name, dates), faces' assignments (person, placed by whom), and face rejections.
 */
import type { Db } from './connection.js';
import { jsonIds, statement } from './statements.js';

/** Only the last edits stay undoable (as the tag vocabulary's). */
export const KEPT_PEOPLE_UNDOS = 50;

export interface PersonRowSnapshot {
  id: number;
  name: string | null;
  created_at: string;
  updated_at: string;
}

export interface FaceAssignment {
  id: number;
  person_id: number | null;
  assigned_by: 'auto' | 'user';
}

export interface RejectionRow {
  face_id: number;
  person_id: number;
}

export function insertPeopleUndo(db: Db, token: string, kind: string, state: string, now: string): void {
  statement(db, `INSERT INTO people_undo (token, kind, state, created_at) VALUES (?, ?, ?, ?)`).run(token, kind, state, now);
  statement(db, `DELETE FROM people_undo WHERE id <= (SELECT max(id) FROM people_undo) - ?`).run(KEPT_PEOPLE_UNDOS);
}

export function getPeopleUndo(db: Db, token: string): { kind: string; state: string; undoneAt: string | null } | undefined {
  return statement(db, `SELECT kind, state, undone_at AS undoneAt FROM people_undo WHERE token = ?`).get(token) as
    | { kind: string; state: string; undoneAt: string | null }
    | undefined;
}

export function latestPeopleUndoToken(db: Db): string | undefined {
  return statement(db, `SELECT token FROM people_undo WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1`).pluck().get() as string | undefined;
}

export function markPeopleUndone(db: Db, token: string, now: string): void {
  statement(db, `UPDATE people_undo SET undone_at = ? WHERE token = ?`).run(now, token);
}

export function peopleRows(db: Db, ids: readonly number[]): PersonRowSnapshot[] {
  return statement(db, `SELECT id, name, created_at, updated_at FROM people WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(jsonIds(ids)) as PersonRowSnapshot[];
}

/** The faces of these people and these faces, as they are placed now. */
export function faceAssignments(db: Db, personIds: readonly number[], faceIds: readonly number[]): FaceAssignment[] {
  return statement(
    db,
    `SELECT id, person_id, assigned_by FROM faces
     WHERE person_id IN (SELECT value FROM json_each(?)) OR id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ).all(jsonIds(personIds), jsonIds(faceIds)) as FaceAssignment[];
}

export function rejectionsTouching(db: Db, personIds: readonly number[], faceIds: readonly number[]): RejectionRow[] {
  return statement(
    db,
    `SELECT face_id, person_id FROM face_rejections
     WHERE person_id IN (SELECT value FROM json_each(?)) OR face_id IN (SELECT value FROM json_each(?)) ORDER BY face_id, person_id`,
  ).all(jsonIds(personIds), jsonIds(faceIds)) as RejectionRow[];
}

/** Each person as it was: a deleted one comes back with its id, a renamed one gets its name back. */
export function restorePeople(db: Db, rows: readonly PersonRowSnapshot[]): void {
  // Names are unique: free them all first, so two people that traded names can trade back.
  statement(db, `UPDATE people SET name = NULL WHERE id IN (SELECT value FROM json_each(?))`).run(jsonIds(rows.map((row) => row.id)));
  const upsert = statement(
    db,
    `INSERT INTO people (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  );
  for (const row of rows) upsert.run(row.id, row.name, row.created_at, row.updated_at);
}

/** Faces go back to where they were (a face since deleted stays deleted). */
export function restoreFaceAssignments(db: Db, rows: readonly FaceAssignment[]): void {
  const update = statement(db, `UPDATE faces SET person_id = ?, assigned_by = ? WHERE id = ?`);
  for (const row of rows) update.run(row.person_id, row.assigned_by, row.id);
}

/** The rejections touching these people and faces become exactly `rows` again. */
export function restoreRejections(db: Db, personIds: readonly number[], faceIds: readonly number[], rows: readonly RejectionRow[]): void {
  statement(db, `DELETE FROM face_rejections WHERE person_id IN (SELECT value FROM json_each(?)) OR face_id IN (SELECT value FROM json_each(?))`).run(
    jsonIds(personIds),
    jsonIds(faceIds),
  );
  const insert = statement(db, `INSERT OR IGNORE INTO face_rejections (face_id, person_id) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM faces WHERE id = ?) AND EXISTS (SELECT 1 FROM people WHERE id = ?)`);
  for (const row of rows) insert.run(row.face_id, row.person_id, row.face_id, row.person_id);
}

/** People the edit made, gone again once no face is theirs. */
export function deletePeopleWithoutFaces(db: Db, ids: readonly number[]): void {
  statement(db, `DELETE FROM people WHERE id IN (SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM faces f WHERE f.person_id = people.id)`).run(jsonIds(ids));
}
