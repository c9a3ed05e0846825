/**
 * The tags each item counts as having through implications (issue 13): from each user tag, up
 * the tree (what an ancestor implies holds for the branch) and along implications, chained.
 * Computed for a page of items at a time, never stored: changing a rule changes every item.
 * Tags the item carries itself are left out.
 */
import type { Db } from './connection.js';
import { USER_SOURCE } from './media-tag-repo.js';
import { jsonIds, statement } from './statements.js';

export function impliedTagsOf(db: Db, ids: readonly number[]): Map<number, string[]> {
  const rows = statement(
    db,
    `WITH RECURSIVE reach(media_id, tag_id, implied) AS (
       SELECT mt.media_id, mt.tag_id, 0 FROM media_tags mt
       WHERE mt.media_id IN (SELECT value FROM json_each(?)) AND mt.source = '${USER_SOURCE}'
         AND EXISTS (SELECT 1 FROM tag_implies LIMIT 1)
       UNION SELECT r.media_id, t.parent_id, 0 FROM reach r JOIN tags t ON t.id = r.tag_id WHERE t.parent_id IS NOT NULL
       UNION SELECT r.media_id, i.implied_id, 1 FROM reach r JOIN tag_implies i ON i.tag_id = r.tag_id
     )
     SELECT DISTINCT r.media_id, t.name FROM reach r JOIN tags t ON t.id = r.tag_id
     WHERE r.implied = 1
       AND NOT EXISTS (SELECT 1 FROM media_tags own WHERE own.media_id = r.media_id AND own.source = '${USER_SOURCE}' AND own.tag_id = r.tag_id)
     ORDER BY r.media_id, t.key`,
  )
    .raw()
    .all(jsonIds(ids)) as [number, string][];
  const out = new Map<number, string[]>();
  for (const [mediaId, name] of rows) {
    const list = out.get(mediaId);
    if (list) list.push(name);
    else out.set(mediaId, [name]);
  }
  return out;
}
