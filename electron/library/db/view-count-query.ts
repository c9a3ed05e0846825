/**
 * How many items the gallery's most common views hold, without walking them: "All media" and a
 * single tag, covers only or not. Counting by the list query walks the whole view (about a
 * second on 5,000,000 items); here the count comes from the table's b-tree count, the trash's
 * size and the tags' maintained `item_count` (active items), less the stack versions folded
 * into their covers (few, found by the partial parent index). Any other filter answers null
 * and is counted by the list query. test/integration/db/view-count-query.test.ts holds both
 * counts equal over trash, stacks and tags.
 */
import type { Db } from './connection.js';
import { notTrashed } from './media-columns.js';
import { USER_SOURCE } from './media-tag-repo.js';
import type { ListSpec } from './media-list-query.js';
import { statement } from './statements.js';

/** True for a spec field that filters nothing (so an unknown future filter disables the shortcut). */
export function unset(value: unknown): boolean {
  return value === null || value === undefined || value === false || (Array.isArray(value) && value.length === 0);
}

/** A version folded into its cover: both on the same side of the trash (here: both active). */
export const FOLDED_VERSION = `m.parent_id IS NOT NULL AND ${notTrashed('m.id')} AND ${notTrashed('m.parent_id')}`;

export function fastViewCount(db: Db, spec: ListSpec): number | null {
  const { status, column: _column, direction: _direction, after: _after, tagsAll, coversOnly, ...filters } = spec;
  if (status !== 'active' || tagsAll.length > 1 || !Object.values(filters).every(unset)) return null;
  // A tag filter is a set (the tag, its branch, what implies it): only a set of one tag has
  // its count kept; a branch is counted by the list query (an item may carry two of its tags).
  const set = tagsAll[0];
  if (set !== undefined && set.length !== 1) return null;
  const tagId = set?.[0];
  if (tagId === undefined) {
    const items = statement(db, 'SELECT count(*) FROM media').pluck().get() as number;
    const trashed = statement(db, 'SELECT count(*) FROM trash').pluck().get() as number;
    const versions = coversOnly === true ? (statement(db, `SELECT count(*) FROM media m WHERE ${FOLDED_VERSION}`).pluck().get() as number) : 0;
    return items - trashed - versions;
  }
  const tagged = statement(db, 'SELECT item_count FROM tags WHERE id = ?').pluck().get(tagId) as number | undefined;
  if (tagged === undefined) return null;
  const versions =
    coversOnly === true
      ? (statement(
          db,
          `SELECT count(*) FROM media m WHERE ${FOLDED_VERSION}
             AND EXISTS (SELECT 1 FROM media_tags t WHERE t.media_id = m.id AND t.tag_id = ? AND t.source = '${USER_SOURCE}')`,
        )
          .pluck()
          .get(tagId) as number)
      : 0;
  return tagged - versions;
}
