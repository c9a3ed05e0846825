/**
 * Soft delete, restore and purge. An item is in the trash when it has a `trash` row. A trashed
 * item carries its derived versions (children, grandchildren…) along, recording in
 * `deleted_with` whose delete carried each one, so a restore brings back exactly what went with
 * the item and leaves alone versions the user had trashed on their own before.
 *
 * Tag counts (`tags.item_count`, active items only) follow every move here with one grouped
 * update, rather than a trigger per item: trashing 100,000 items is one pass over their links.
 */
import type { Db } from './connection.js';
import { notTrashed } from './media-columns.js';
import { USER_SOURCE } from './media-tag-repo.js';
import { touchMedia } from './media-touch-repo.js';
import { shiftBranchCounts } from './tag-branch-counts.js';
import { jsonIds, statement } from './statements.js';

/**
 * Each item to trash, with the requested item whose delete carries it (null: asked for itself).
 * The ids must be items (the service checks first; the trash's foreign key refuses others).
 */
export function planSoftDelete(db: Db, ids: readonly number[]): [number, number | null][] {
  const pairs = statement(
    db,
    `WITH RECURSIVE tree(id, root) AS (
       SELECT value, value FROM json_each(?)
       UNION
       SELECT c.id, tree.root FROM tree JOIN media c ON c.parent_id = tree.id WHERE ${notTrashed('c.id')}
     )
     SELECT tree.id, tree.root FROM tree WHERE ${notTrashed('tree.id')}`,
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

/** Adds `delta` to the count of every user tag the items carry (they leave or join the active items). */
function shiftTagCounts(db: Db, ids: readonly number[], delta: 1 | -1): void {
  statement(
    db,
    `UPDATE tags SET item_count = item_count + @delta * moved.n
     FROM (SELECT tag_id, count(*) AS n FROM media_tags
           WHERE media_id IN (SELECT value FROM json_each(@ids)) AND source = '${USER_SOURCE}' GROUP BY tag_id) AS moved
     WHERE tags.id = moved.tag_id`,
  ).run({ ids: jsonIds(ids), delta });
}

/** Moves the planned items to the trash; returns how many moved. Call inside a transaction. */
export function trashItems(db: Db, plan: readonly [number, number | null][], actor: string, now: string): number {
  if (plan.length === 0) return 0;
  // In id order, so the inserts append to the trash's b-tree instead of splitting it at random.
  const ordered = [...plan].sort((a, b) => a[0] - b[0]);
  const moved = statement(
    db,
    `INSERT INTO trash (media_id, deleted_at, deleted_with)
     SELECT j.value ->> 0, @now, j.value ->> 1 FROM json_each(@plan) j WHERE true
     ON CONFLICT (media_id) DO NOTHING
     RETURNING media_id`,
  )
    .pluck()
    .all({ plan: JSON.stringify(ordered), now }) as number[];
  shiftTagCounts(db, moved, -1);
  shiftBranchCounts(db, moved, -1);
  touchMedia(db, moved, actor, now);
  return moved.length;
}

/** Restores the items and, transitively, the versions their delete carried; returns how many. Call inside a transaction. */
export function restoreItems(db: Db, ids: readonly number[], actor: string, now: string): number {
  const restored = statement(
    db,
    `WITH RECURSIVE back(id) AS (
       SELECT value FROM json_each(@ids)
       UNION
       SELECT t.media_id FROM back JOIN trash t ON t.deleted_with = back.id
     )
     DELETE FROM trash WHERE media_id IN (SELECT id FROM back)
     RETURNING media_id`,
  )
    .pluck()
    .all({ ids: jsonIds(ids) }) as number[];
  shiftTagCounts(db, restored, 1);
  shiftBranchCounts(db, restored, 1);
  touchMedia(db, restored, actor, now);
  return restored.length;
}

/** Deletes every trashed item's record; returns the md5s they had (for the thumbnail cleanup). */
export function purgeTrashed(db: Db): { count: number; md5s: string[] } {
  // Trashed items' links are not counted, so nothing is uncounted as they cascade away.
  const rows = statement(db, `DELETE FROM media WHERE id IN (SELECT media_id FROM trash) RETURNING md5`).pluck().all() as (
    | string
    | null
  )[];
  return { count: rows.length, md5s: distinctMd5s(rows) };
}

export function distinctMd5s(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((md5): md5 is string => md5 !== null))];
}
