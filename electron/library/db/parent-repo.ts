/** Derived versions: an item's `parent_id` names the item it was made from. */
import type { Db } from './connection.js';
import { notTrashed } from './media-row.js';
import { jsonIds, statement } from './statements.js';

/** The item and everything above it (its parent, the parent's parent, …). */
export function ancestorsAndSelf(db: Db, id: number): number[] {
  return statement(
    db,
    `WITH RECURSIVE up(id) AS (
       SELECT ?
       UNION
       SELECT m.parent_id FROM up JOIN media m ON m.id = up.id WHERE m.parent_id IS NOT NULL
     )
     SELECT id FROM up`,
  )
    .pluck()
    .all(id) as number[];
}

export function setParentOf(db: Db, ids: readonly number[], parentId: number | null, actor: string, now: string): void {
  statement(
    db,
    `UPDATE media SET parent_id = ?, updated_at = ?, updated_by = ? WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(parentId, now, actor, jsonIds(ids));
}

/** For each of the items, how many derived versions share its status (a trashed item's went with it). */
export function countDerived(db: Db, ids: readonly number[]): Map<number, number> {
  const rows = statement(
    db,
    `SELECT c.parent_id, count(*) FROM media c JOIN media p ON p.id = c.parent_id
     WHERE c.parent_id IN (SELECT value FROM json_each(?)) AND (${notTrashed('c.id')}) = (${notTrashed('p.id')})
     GROUP BY c.parent_id`,
  )
    .raw()
    .all(jsonIds(ids)) as [number, number][];
  return new Map(rows);
}
