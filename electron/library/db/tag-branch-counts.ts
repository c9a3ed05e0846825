/**
 * `tags.branch_count`: the active items with a user tag anywhere in the tag's branch, each once
 * (migration 017 keeps it with triggers on links, items and the tree's closure `tag_ancestors`).
 * Here: the bulk link writes' and the trash moves' grouped shifts, and `folio check`'s
 * comparison with a recount.
 */
import type { Db } from './connection.js';
import { jsonIds, statement } from './statements.js';

// media-tag-repo's USER_SOURCE; not imported, since that repository calls in here.
const USER_SOURCE = 'user';

/**
 * Adds `delta` to the branch count of every ancestor of the items' user tags, once per item per
 * ancestor (the items leave or join the active items). Call inside the trash move's transaction.
 */
export function shiftBranchCounts(db: Db, ids: readonly number[], delta: 1 | -1): void {
  if (ids.length === 0) return;
  statement(
    db,
    `UPDATE tags SET branch_count = branch_count + @delta * moved.n
     FROM (SELECT ta.ancestor_id, count(DISTINCT mt.media_id) AS n
           FROM json_each(@ids) j
           CROSS JOIN media_tags mt ON mt.media_id = j.value AND mt.source = '${USER_SOURCE}'
           CROSS JOIN tag_ancestors ta ON ta.tag_id = mt.tag_id
           GROUP BY ta.ancestor_id) AS moved
     WHERE tags.id = moved.ancestor_id`,
  ).run({ ids: jsonIds(ids), delta });
}

/**
 * Runs `write`, a link or unlink of one user tag on many items that returns the items it
 * changed, with the per-link branch-count triggers held off, then shifts each ancestor's count
 * once for all of them. Per link, the triggers update up to five tag rows: tagging 100,000
 * items cost 3× the link writes alone; one grouped pass over the items' own links is a
 * fraction of that. The hold is a row in `branch_counts_deferred` inside this savepoint, so it
 * never outlives the write, and every other writer of links keeps the triggers.
 */
export function withBranchCounts(db: Db, tagId: number, delta: 1 | -1, write: () => number[]): number[] {
  return db.transaction(() => {
    statement(db, `INSERT INTO branch_counts_deferred (hold) VALUES (1)`).run();
    const changed = write();
    statement(db, `DELETE FROM branch_counts_deferred`).run();
    if (changed.length > 0) shiftBranchOfTag(db, tagId, changed, delta);
    return changed;
  })();
}

/**
 * The items gained (delta 1, after the insert) or lost (delta -1, after the delete) `tagId`:
 * each ancestor of the tag gains or loses those of them that are active and have no other user
 * link in its branch.
 */
function shiftBranchOfTag(db: Db, tagId: number, items: readonly number[], delta: 1 | -1): void {
  const ids = jsonIds(items);
  const active = statement(db, `SELECT count(*) FROM json_each(?) WHERE NOT EXISTS (SELECT 1 FROM trash WHERE media_id = value)`)
    .pluck()
    .get(ids) as number;
  if (active === 0) return;
  // CROSS JOIN keeps this order: each item's own few links, then their ancestors. Left to
  // itself the planner starts from the ancestors and reads every link of the branch.
  const covered = new Map(
    statement(
      db,
      `SELECT oa.ancestor_id, count(DISTINCT o.media_id)
       FROM json_each(@ids) j
       CROSS JOIN media_tags o ON o.media_id = j.value AND o.source = '${USER_SOURCE}' AND o.tag_id <> @tag
       CROSS JOIN tag_ancestors oa ON oa.tag_id = o.tag_id
       WHERE oa.ancestor_id IN (SELECT ancestor_id FROM tag_ancestors WHERE tag_id = @tag)
         AND NOT EXISTS (SELECT 1 FROM trash WHERE media_id = j.value)
       GROUP BY oa.ancestor_id`,
    )
      .raw()
      .all({ ids, tag: tagId }) as [number, number][],
  );
  const ancestors = statement(db, `SELECT ancestor_id FROM tag_ancestors WHERE tag_id = ?`).pluck().all(tagId) as number[];
  const shift = statement(db, `UPDATE tags SET branch_count = branch_count + ? WHERE id = ?`);
  for (const ancestor of ancestors) {
    const n = active - (covered.get(ancestor) ?? 0);
    if (n !== 0) shift.run(delta * n, ancestor);
  }
}

// The rule the triggers keep: distinct items of the branch's user links, outside the trash.
const ACTUAL_BRANCH_COUNT = `(SELECT count(DISTINCT mt.media_id) FROM tag_ancestors ta
   JOIN media_tags mt ON mt.tag_id = ta.tag_id AND mt.source = '${USER_SOURCE}'
   WHERE ta.ancestor_id = t.id AND NOT EXISTS (SELECT 1 FROM trash tr WHERE tr.media_id = mt.media_id))`;

export interface WrongBranchCount {
  id: number;
  name: string;
  stored: number;
  actual: number;
}

/** Tags whose kept branch count differs from a recount (reads every link: for `folio check` and tests). */
export function wrongBranchCounts(db: Db): WrongBranchCount[] {
  return statement(
    db,
    `SELECT id, name, stored, actual FROM (SELECT t.id, t.name, t.branch_count AS stored, ${ACTUAL_BRANCH_COUNT} AS actual FROM tags t)
     WHERE stored <> actual ORDER BY name`,
  ).all() as WrongBranchCount[];
}

/** The closure as the parent links give it: `up(tag_id, ancestor_id)`, each tag its own ancestor too. */
const ANCESTRY_FROM_PARENTS = `up(tag_id, ancestor_id) AS (
       SELECT id, id FROM tags
       UNION ALL SELECT up.tag_id, t.parent_id FROM up JOIN tags t ON t.id = up.ancestor_id WHERE t.parent_id IS NOT NULL
     )`;

/** Tags whose closure rows differ from the parent links (missing or extra ancestors). */
export function wrongAncestries(db: Db): number[] {
  return statement(
    db,
    `WITH RECURSIVE ${ANCESTRY_FROM_PARENTS},
     diff(tag_id) AS (
       SELECT tag_id FROM (SELECT tag_id, ancestor_id FROM up EXCEPT SELECT tag_id, ancestor_id FROM tag_ancestors)
       UNION SELECT tag_id FROM (SELECT tag_id, ancestor_id FROM tag_ancestors EXCEPT SELECT tag_id, ancestor_id FROM up)
     )
     SELECT DISTINCT tag_id FROM diff ORDER BY tag_id`,
  )
    .pluck()
    .all() as number[];
}

/** Rebuilds the closure from the parent links and sets every branch count to a recount; returns how many counts changed. */
export function recountBranches(db: Db): number {
  statement(db, `DELETE FROM tag_ancestors`).run();
  statement(
    db,
    `INSERT INTO tag_ancestors (tag_id, ancestor_id)
     WITH RECURSIVE ${ANCESTRY_FROM_PARENTS}
     SELECT tag_id, ancestor_id FROM up ORDER BY tag_id, ancestor_id`,
  ).run();
  return statement(db, `UPDATE tags AS t SET branch_count = ${ACTUAL_BRANCH_COUNT} WHERE t.branch_count <> ${ACTUAL_BRANCH_COUNT}`).run().changes;
}
