/**
 * The user tags a gallery tile shows: for each item, its first few tag ids in path order and how
 * many it has in all. One read of the items' own links (the item index) and their tag rows.
 */
import type { Db } from './connection.js';
import { USER_SOURCE } from './media-tag-repo.js';
import { jsonIds, statement } from './statements.js';

export interface TileTags {
  tagIds: number[];
  tagCount: number;
}

export function tileTagsOf(db: Db, ids: readonly number[], limit: number): Map<number, TileTags> {
  const rows = statement(
    db,
    `SELECT mt.media_id, mt.tag_id FROM json_each(?) j
     CROSS JOIN media_tags mt ON mt.media_id = j.value AND mt.source = '${USER_SOURCE}'
     JOIN tags t ON t.id = mt.tag_id
     ORDER BY mt.media_id, t.key`,
  )
    .raw()
    .all(jsonIds(ids)) as [number, number][];
  const out = new Map<number, TileTags>();
  for (const [mediaId, tagId] of rows) {
    let entry = out.get(mediaId);
    if (!entry) {
      entry = { tagIds: [], tagCount: 0 };
      out.set(mediaId, entry);
    }
    entry.tagCount += 1;
    if (entry.tagIds.length < limit) entry.tagIds.push(tagId);
  }
  return out;
}
