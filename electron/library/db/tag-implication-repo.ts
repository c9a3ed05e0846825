/**
 * The `tag_implies` table: `cat` implies `animal`, so every item with `cat` (or a tag below it)
 * counts as having `animal`. Rules, never copied onto items; the service refuses cycles.
 */
import type { Db } from './connection.js';
import { jsonIds, statement } from './statements.js';

export interface TagImplicationRow {
  tag_id: number;
  implied_id: number;
}

/** Direct implications of the tags, with the implied tag's written path. */
export function impliesOf(db: Db, tagIds: readonly number[]): (TagImplicationRow & { path: string })[] {
  return statement(
    db,
    `SELECT i.tag_id, i.implied_id, t.name AS path FROM json_each(?) j
     JOIN tag_implies i ON i.tag_id = j.value JOIN tags t ON t.id = i.implied_id ORDER BY i.tag_id, t.key`,
  ).all(jsonIds(tagIds)) as (TagImplicationRow & { path: string })[];
}

export function allImplications(db: Db): (TagImplicationRow & { path: string })[] {
  return statement(
    db,
    `SELECT i.tag_id, i.implied_id, t.name AS path FROM tag_implies i JOIN tags t ON t.id = i.implied_id ORDER BY i.tag_id, t.key`,
  ).all() as (TagImplicationRow & { path: string })[];
}

/** Every implication touching the tags (from them or to them). */
export function implicationsTouching(db: Db, tagIds: readonly number[]): TagImplicationRow[] {
  return statement(
    db,
    `SELECT tag_id, implied_id FROM tag_implies WHERE tag_id IN (SELECT value FROM json_each(@ids))
     UNION SELECT tag_id, implied_id FROM tag_implies WHERE implied_id IN (SELECT value FROM json_each(@ids))`,
  ).all({ ids: jsonIds(tagIds) }) as TagImplicationRow[];
}

/**
 * Whether `from` reaches `to` by implications and by going up the tree (an item with a tag
 * counts as having what its ancestors imply): adding `to` → `from` would then close a cycle.
 */
export function impliesReach(db: Db, from: number, to: number): boolean {
  return (
    statement(
      db,
      `WITH RECURSIVE r(id) AS (
         SELECT @from
         UNION SELECT i.implied_id FROM r JOIN tag_implies i ON i.tag_id = r.id
         UNION SELECT t.parent_id FROM r JOIN tags t ON t.id = r.id WHERE t.parent_id IS NOT NULL
       ) SELECT 1 FROM r WHERE id = @to LIMIT 1`,
    ).get({ from, to }) !== undefined
  );
}

export function insertImplication(db: Db, tagId: number, impliedId: number): boolean {
  return statement(db, `INSERT INTO tag_implies (tag_id, implied_id) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(tagId, impliedId)
    .changes > 0;
}

export function deleteImplication(db: Db, tagId: number, impliedId: number): boolean {
  return statement(db, `DELETE FROM tag_implies WHERE tag_id = ? AND implied_id = ?`).run(tagId, impliedId).changes > 0;
}

/** Rewrites implications of one tag onto another (a merge); a rule that would imply itself goes. */
export function moveImplications(db: Db, fromId: number, toId: number): void {
  statement(db, `INSERT OR IGNORE INTO tag_implies (tag_id, implied_id) SELECT ?, implied_id FROM tag_implies WHERE tag_id = ? AND implied_id <> ?`).run(toId, fromId, toId);
  statement(db, `INSERT OR IGNORE INTO tag_implies (tag_id, implied_id) SELECT tag_id, ? FROM tag_implies WHERE implied_id = ? AND tag_id <> ?`).run(toId, fromId, toId);
  statement(db, `DELETE FROM tag_implies WHERE tag_id = ? OR implied_id = ?`).run(fromId, fromId);
}
