/**
 * Which tags count as a written tag in a filter or search (`tag:Places`): the tag the path (or
 * an alias of it) names, every tag below it, every tag that implies one of those (chains
 * included), and everything below those in turn. One recursive query over the tree's parent
 * index and the implications' index by implied tag; a branch of a few hundred tags on a large
 * tree takes well under a millisecond.
 */
import { parseTagPath, tagPathKey } from '../../../shared/tag-path.js';
import type { Db } from './connection.js';
import { statement } from './statements.js';
import { resolveTagKey } from './tag-repo.js';

/** Tag ids whose items count as tagged `written`; [] when nothing matches (or `written` is no valid path). */
export function tagMatchIds(db: Db, written: string): number[] {
  let key: string;
  try {
    key = tagPathKey(parseTagPath(written));
  } catch {
    return [];
  }
  const tag = resolveTagKey(db, key);
  if (!tag) return [];
  return tagMatchIdsOf(db, tag.id);
}

/** The same set, from a tag id. */
export function tagMatchIdsOf(db: Db, tagId: number): number[] {
  return statement(
    db,
    `WITH RECURSIVE m(id) AS (
       SELECT ?
       UNION SELECT t.id FROM m JOIN tags t ON t.parent_id = m.id
       UNION SELECT i.tag_id FROM m JOIN tag_implies i ON i.implied_id = m.id
     ) SELECT id FROM m ORDER BY id`,
  )
    .pluck()
    .all(tagId) as number[];
}
