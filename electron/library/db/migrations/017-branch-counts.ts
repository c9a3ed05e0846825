import type { Migration } from './index.js';

/**
 * Distinct branch counts (issue 13): `tags.branch_count` is the number of active items that
 * carry a user tag anywhere in the tag's branch (itself included), each item once: an item with
 * `Animals/cat` and `Animals/dog` counts once in `Animals`. Summing the branch's `item_count`
 * counted it twice; counting distinct items at read time reads every link beneath a branch
 * (a million for a big branch), far over the tree's 100 ms. So the count is kept, like
 * `item_count`:
 * - `tag_ancestors` is the closure of the tree: (tag, ancestor) for every ancestor, the tag
 *   itself included (20,000 tags 5 deep: about 80,000 narrow rows). Triggers on `tags` keep it
 *   as parents change, so every writer of `parent_id` (a move, a merge's children, an undo's
 *   restored rows) leaves it right.
 * - A user link of an active item adds 1 to each ancestor of its tag in whose branch the item
 *   had no other link, and its removal subtracts 1 where it was the item's last one. Checking
 *   "another link in the branch" reads the item's own few links (media_tags_by_item), so the
 *   cost grows with the depth, not with the branch.
 * - A branch that moves changes the counts of its old and new ancestors only (the counts inside
 *   it stay): each old ancestor loses the branch's items that have no other link under it, each
 *   new one gains the branch's items it did not already count. The cost grows with the moved
 *   branch's links, not with the ancestors' branches.
 * - Bulk link writes (tagging or untagging many items) hold the link triggers off with a row in
 *   `branch_counts_deferred` and shift each ancestor once (tag-branch-counts.ts); the row goes
 *   before their savepoint ends.
 * - Trash moves shift the counts with one grouped statement (trash-repo), as for item_count;
 *   deleting an active item uncounts it before its links cascade away.
 */
const ACTIVE = (media: string) => `NOT EXISTS (SELECT 1 FROM trash WHERE media_id = ${media})`;

/**
 * Links of `media` under `ancestor`, `exceptTag` left out (the link being added). CROSS JOIN
 * keeps the item's own few links first; from the ancestor's side it would probe every tag of
 * the branch.
 */
const otherLinkUnder = (media: string, ancestor: string, exceptTag?: string) =>
  `EXISTS (SELECT 1 FROM media_tags o CROSS JOIN tag_ancestors oa ON oa.tag_id = o.tag_id
     WHERE o.media_id = ${media} AND o.source = 'user'${exceptTag ? ` AND o.tag_id <> ${exceptTag}` : ''} AND oa.ancestor_id = ${ancestor})`;

/** Distinct active items of the branch of `root` with no link under `ancestor`. */
const branchItemsNotUnder = (root: string, ancestor: string) =>
  `(SELECT count(DISTINCT mt.media_id) FROM tag_ancestors b JOIN media_tags mt ON mt.tag_id = b.tag_id AND mt.source = 'user'
     WHERE b.ancestor_id = ${root} AND ${ACTIVE('mt.media_id')} AND NOT ${otherLinkUnder('mt.media_id', ancestor)})`;

export const branchCounts: Migration = {
  version: 17,
  name: 'branch-counts',
  sql: `
CREATE TABLE tag_ancestors (
  tag_id       INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  ancestor_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (tag_id, ancestor_id)
) WITHOUT ROWID;
CREATE INDEX tag_ancestors_by_ancestor ON tag_ancestors(ancestor_id, tag_id);
INSERT INTO tag_ancestors (tag_id, ancestor_id)
  WITH RECURSIVE up(tag_id, ancestor_id) AS (
    SELECT id, id FROM tags
    UNION ALL
    SELECT up.tag_id, t.parent_id FROM up JOIN tags t ON t.id = up.ancestor_id WHERE t.parent_id IS NOT NULL
  )
  SELECT tag_id, ancestor_id FROM up ORDER BY tag_id, ancestor_id;

CREATE TABLE branch_counts_deferred (hold INTEGER PRIMARY KEY);

ALTER TABLE tags ADD COLUMN branch_count INTEGER NOT NULL DEFAULT 0;
UPDATE tags SET branch_count = c.n
FROM (SELECT ta.ancestor_id, count(DISTINCT mt.media_id) AS n
      FROM tag_ancestors ta JOIN media_tags mt ON mt.tag_id = ta.tag_id AND mt.source = 'user'
      WHERE ${ACTIVE('mt.media_id')} GROUP BY ta.ancestor_id) AS c
WHERE tags.id = c.ancestor_id;

CREATE TRIGGER tags_ancestry_insert AFTER INSERT ON tags BEGIN
  INSERT INTO tag_ancestors (tag_id, ancestor_id)
    SELECT new.id, new.id UNION ALL SELECT new.id, ancestor_id FROM tag_ancestors WHERE tag_id = new.parent_id;
END;

CREATE TRIGGER tags_ancestry_move AFTER UPDATE OF parent_id ON tags
WHEN old.parent_id IS NOT new.parent_id BEGIN
  -- The branch leaves its old ancestors (those of old.parent_id, all outside the branch).
  DELETE FROM tag_ancestors
  WHERE tag_id IN (SELECT tag_id FROM tag_ancestors WHERE ancestor_id = new.id)
    AND ancestor_id IN (SELECT ancestor_id FROM tag_ancestors WHERE tag_id = old.parent_id);
  UPDATE tags SET branch_count = branch_count - ${branchItemsNotUnder('new.id', 'tags.id')}
  WHERE id IN (SELECT ancestor_id FROM tag_ancestors WHERE tag_id = old.parent_id);
  -- …and joins its new ones: counted before the closure says it is under them.
  UPDATE tags SET branch_count = branch_count + ${branchItemsNotUnder('new.id', 'tags.id')}
  WHERE id IN (SELECT ancestor_id FROM tag_ancestors WHERE tag_id = new.parent_id);
  INSERT INTO tag_ancestors (tag_id, ancestor_id)
    SELECT d.tag_id, a.ancestor_id FROM tag_ancestors d JOIN tag_ancestors a ON a.tag_id = new.parent_id
    WHERE d.ancestor_id = new.id;
END;

CREATE TRIGGER media_tags_branch_insert AFTER INSERT ON media_tags
WHEN new.source = 'user' AND NOT EXISTS (SELECT 1 FROM branch_counts_deferred) AND ${ACTIVE('new.media_id')} BEGIN
  UPDATE tags SET branch_count = branch_count + 1
  WHERE id IN (SELECT ancestor_id FROM tag_ancestors WHERE tag_id = new.tag_id)
    AND NOT ${otherLinkUnder('new.media_id', 'tags.id', 'new.tag_id')};
END;
-- As for item_count: a link that goes in its item's cascade was uncounted by media_delete_branch.
CREATE TRIGGER media_tags_branch_delete AFTER DELETE ON media_tags
WHEN old.source = 'user' AND NOT EXISTS (SELECT 1 FROM branch_counts_deferred) AND ${ACTIVE('old.media_id')} AND EXISTS (SELECT 1 FROM media WHERE id = old.media_id) BEGIN
  UPDATE tags SET branch_count = branch_count - 1
  WHERE id IN (SELECT ancestor_id FROM tag_ancestors WHERE tag_id = old.tag_id)
    AND NOT ${otherLinkUnder('old.media_id', 'tags.id')};
END;
CREATE TRIGGER media_delete_branch BEFORE DELETE ON media
WHEN ${ACTIVE('old.id')} BEGIN
  UPDATE tags SET branch_count = branch_count - 1
  WHERE id IN (SELECT oa.ancestor_id FROM media_tags o CROSS JOIN tag_ancestors oa ON oa.tag_id = o.tag_id
               WHERE o.media_id = old.id AND o.source = 'user');
END;
`,
};
