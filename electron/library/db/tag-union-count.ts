/**
 * How many active items carry at least one tag of a set (`tag:a OR tag:b`, a branch, the tags
 * implying one), without visiting the items of its most used tag: |A ∪ B ∪ …| = |A| + the items
 * of the others that lack A, where A is the set's most used tag and |A| its kept `item_count`
 * (active items, user links). Counting the union by the list query visits every item of every
 * tag: an OR of a tag on 250,000 items and a rare one took over 100 ms on 1,000,000 items, where
 * this reads the rare tag's links and probes each for A.
 */
import type { Db } from './connection.js';
import { notTrashed } from './media-columns.js';
import { USER_SOURCE } from './media-tag-repo.js';
import { statement } from './statements.js';

export function tagUnionCount(db: Db, tagIds: readonly number[]): number {
  const ids = [...new Set(tagIds)];
  if (ids.length === 0) return 0;
  const rows = statement(db, `SELECT id, item_count FROM tags WHERE id IN (SELECT value FROM json_each(?)) ORDER BY item_count DESC, id`)
    .raw()
    .all(JSON.stringify(ids)) as [number, number][];
  const [largest, ...others] = rows;
  if (largest === undefined) return 0;
  if (others.length === 0) return largest[1];
  const otherIds = others.map(([id]) => id);
  // One other tag has each item once; several may share an item, which must count once.
  const links =
    otherIds.length === 1
      ? `SELECT media_id FROM media_tags WHERE tag_id = @other AND source = '${USER_SOURCE}'`
      : `SELECT DISTINCT media_id FROM media_tags WHERE tag_id IN (SELECT value FROM json_each(@others)) AND source = '${USER_SOURCE}'`;
  const rest = statement(
    db,
    `SELECT count(*) FROM (${links}) d
     WHERE NOT EXISTS (SELECT 1 FROM media_tags t WHERE t.media_id = d.media_id AND t.source = '${USER_SOURCE}' AND t.tag_id = @largest)
       AND ${notTrashed('d.media_id')}`,
  )
    .pluck()
    .get({ largest: largest[0], ...(otherIds.length === 1 ? { other: otherIds[0] } : { others: JSON.stringify(otherIds) }) }) as number;
  return largest[1] + rest;
}
