/**
 * Soft delete, restore and purge. A trashed item carries its derived versions (children,
 * grandchildren…) along, recording in `deleted_with` whose delete carried each one, so a
 * restore brings back exactly what went with the item and leaves alone versions the user had
 * trashed on their own before.
 */
import type { Db } from './connection.js';
import { jsonIds, statement } from './statements.js';

// A unary `+` keeps SQLite from using an index on status: every sort index starts with status,
// and without it the planner walks all active items once per id instead of looking ids up
// (the query-plan tests hold these statements to their lookups).

/** Each item to trash, with the requested item whose delete carries it (null: asked for itself). */
export function planSoftDelete(db: Db, ids: readonly number[]): [number, number | null][] {
  const pairs = statement(
    db,
    `WITH RECURSIVE tree(id, root) AS (
       SELECT value, value FROM json_each(?)
       UNION
       SELECT c.id, tree.root FROM tree JOIN media c ON c.parent_id = tree.id WHERE +c.status = 'active'
     )
     SELECT tree.id, tree.root FROM tree JOIN media m ON m.id = tree.id WHERE m.status = 'active'`,
  )
    .raw()
    .all(jsonIds(ids)) as [number, number][];
  // An item reached from another requested item went "with" it, even if it was asked for too:
  // restoring the top item then restores the whole family the user trashed together.
  const carriedBy = new Map<number, number | null>();
  for (const [id, root] of pairs) {
    if (id !== root) carriedBy.set(id, root);
    else if (!carriedBy.has(id)) carriedBy.set(id, null);
  }
  return [...carriedBy];
}

/** Moves the planned items to the trash; returns how many moved. */
export function trashItems(db: Db, plan: readonly [number, number | null][], actor: string, now: string): number {
  if (plan.length === 0) return 0;
  return statement(
    db,
    `UPDATE media SET status = 'deleted', deleted_at = @now, deleted_with = j.value ->> 1,
       updated_at = @now, updated_by = @actor
     FROM json_each(@plan) j
     WHERE media.id = j.value ->> 0 AND +media.status = 'active'`,
  ).run({ plan: JSON.stringify(plan), now, actor }).changes;
}

/** Restores the items and, transitively, the versions their delete carried; returns how many. */
export function restoreItems(db: Db, ids: readonly number[], actor: string, now: string): number {
  return statement(
    db,
    `WITH RECURSIVE back(id) AS (
       SELECT value FROM json_each(@ids)
       UNION
       SELECT m.id FROM back JOIN media m ON m.deleted_with = back.id WHERE +m.status = 'deleted'
     )
     UPDATE media SET status = 'active', deleted_at = NULL, deleted_with = NULL, updated_at = @now, updated_by = @actor
     WHERE id IN (SELECT id FROM back) AND +status = 'deleted'`,
  ).run({ ids: jsonIds(ids), now, actor }).changes;
}

/** Deletes every trashed item's record; returns the md5s they had (for the thumbnail cleanup). */
export function purgeTrashed(db: Db): { count: number; md5s: string[] } {
  const rows = statement(db, `DELETE FROM media WHERE status = 'deleted' RETURNING md5`).pluck().all() as (string | null)[];
  return { count: rows.length, md5s: distinctMd5s(rows) };
}

export function distinctMd5s(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((md5): md5 is string => md5 !== null))];
}
