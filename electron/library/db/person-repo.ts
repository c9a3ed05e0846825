/** `people`: clusters of faces, named or not. */
import type { Face, Person } from '../../../shared/people.js';
import type { Db } from './connection.js';
import { facesOfPerson } from './face-repo.js';
import { notTrashed } from './media-columns.js';
import { statement } from './statements.js';

interface PersonRow {
  id: number;
  name: string | null;
  face_count: number;
  item_count: number;
}

const PERSON_COUNTS = `SELECT p.id, p.name,
    (SELECT count(*) FROM faces f WHERE f.person_id = p.id AND ${notTrashed('f.media_id')}) AS face_count,
    (SELECT count(DISTINCT f.media_id) FROM faces f WHERE f.person_id = p.id AND ${notTrashed('f.media_id')}) AS item_count
  FROM people p`;

function toPerson(db: Db, row: PersonRow): Person {
  const sample: Face | null = facesOfPerson(db, row.id, 1)[0] ?? null;
  return { id: row.id, name: row.name, faceCount: row.face_count, itemCount: row.item_count, sample };
}

export function insertPerson(db: Db, now: string): number {
  return Number(statement(db, `INSERT INTO people (name, created_at, updated_at) VALUES (NULL, ?, ?)`).run(now, now).lastInsertRowid);
}

export function getPerson(db: Db, id: number): Person | undefined {
  const row = statement(db, `${PERSON_COUNTS} WHERE p.id = ?`).get(id) as PersonRow | undefined;
  return row === undefined ? undefined : toPerson(db, row);
}

/** People with a face outside the trash: named ones first (by name), then the largest clusters. */
export function listPeople(db: Db): Person[] {
  const rows = statement(
    db,
    `SELECT * FROM (${PERSON_COUNTS}) WHERE face_count > 0
     ORDER BY name IS NULL, name COLLATE NOCASE, face_count DESC, id`,
  ).all() as PersonRow[];
  return rows.map((row) => toPerson(db, row));
}

export function personByName(db: Db, name: string): { id: number; name: string } | undefined {
  return statement(db, `SELECT id, name FROM people WHERE name = ? COLLATE NOCASE`).get(name) as { id: number; name: string } | undefined;
}

export function personName(db: Db, id: number): string | null | undefined {
  const row = statement(db, `SELECT name FROM people WHERE id = ?`).get(id) as { name: string | null } | undefined;
  return row?.name;
}

export function setPersonName(db: Db, id: number, name: string, now: string): void {
  statement(db, `UPDATE people SET name = ?, updated_at = ? WHERE id = ?`).run(name, now, id);
}

export function deletePerson(db: Db, id: number): void {
  statement(db, `DELETE FROM people WHERE id = ?`).run(id);
}

/** Unnamed people left without any face (after a merge, a split or a new clustering). */
export function deleteEmptyUnnamedPeople(db: Db): void {
  statement(db, `DELETE FROM people WHERE name IS NULL AND NOT EXISTS (SELECT 1 FROM faces f WHERE f.person_id = people.id)`).run();
}

/** Names of every named person, by id. */
export function personNames(db: Db): Map<number, string> {
  const rows = statement(db, `SELECT id, name FROM people WHERE name IS NOT NULL`).all() as { id: number; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}
