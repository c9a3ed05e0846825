/**
 * The `media_tags` table: item↔tag links. A person's links have `source = 'user'`; an AI tag's
 * source is the extension that made it, with a confidence.
 */
import type { AiTagBox } from '../../../shared/media.js';
import type { Db } from './connection.js';
import { jsonIds, sortedJsonIds, statement } from './statements.js';
import { withBranchCounts } from './tag-branch-counts.js';
import type { TagCountRow } from './tag-repo.js';

export const USER_SOURCE = 'user';

export interface AiTagLink {
  tagId: number;
  confidence: number;
  /** For tags found at a place: pixels of the upright image (stored as "x,y,width,height"). */
  box: AiTagBox | null;
}

export function boxText(box: AiTagBox | null): string | null {
  return box === null ? null : `${box.x},${box.y},${box.width},${box.height}`;
}

export function boxFromText(text: string | null): AiTagBox | null {
  if (text === null) return null;
  const [x = 0, y = 0, width = 0, height = 0] = text.split(',').map(Number);
  return { x, y, width, height };
}

/** Replaces everything `source` said about the item with `tags`. */
export function replaceAiTags(db: Db, mediaId: number, source: string, tags: readonly AiTagLink[], now: string): void {
  statement(db, `DELETE FROM media_tags WHERE media_id = ? AND source = ?`).run(mediaId, source);
  const insert = statement(
    db,
    `INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at, box) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const tag of tags) insert.run(mediaId, tag.tagId, source, tag.confidence, now, boxText(tag.box));
}

export interface AiTagRow {
  media_id: number;
  tag_id: number;
  name: string;
  confidence: number;
  source: string;
  box: string | null;
}

/** AI tags of each item, most confident first. */
export function aiTagsOf(db: Db, ids: readonly number[]): AiTagRow[] {
  return statement(
    db,
    `SELECT mt.media_id, t.id AS tag_id, t.name, mt.confidence, mt.source, mt.box
     FROM media_tags mt JOIN tags t ON t.id = mt.tag_id
     WHERE mt.media_id IN (SELECT value FROM json_each(?)) AND mt.source <> '${USER_SOURCE}'
     ORDER BY mt.media_id, mt.confidence DESC, t.key, mt.source`,
  ).all(jsonIds(ids)) as AiTagRow[];
}

/**
 * Removes AI tags of the items: those with the given tags (null: any tag) from the given
 * source (null: any extension). Returns the item of each link that went.
 */
export function deleteAiTags(db: Db, ids: readonly number[], tagIds: readonly number[] | null, source: string | null): number[] {
  return statement(
    db,
    `DELETE FROM media_tags
     WHERE media_id IN (SELECT value FROM json_each(@ids)) AND source <> '${USER_SOURCE}'
       AND (@tagIds IS NULL OR tag_id IN (SELECT value FROM json_each(@tagIds)))
       AND (@source IS NULL OR source = @source)
     RETURNING media_id`,
  )
    .pluck()
    .all({ ids: sortedJsonIds(ids), tagIds: tagIds === null ? null : jsonIds(tagIds), source }) as number[];
}

/**
 * The items among `ids` that carry `tagId` as an AI tag (from any extension), in the order
 * given. `+` keeps the lookup on each item's few links (primary key) rather than on every
 * link of a tag that may be on half the library.
 */
export function itemsWithAiTag(db: Db, tagId: number, ids: readonly number[]): number[] {
  return statement(
    db,
    `SELECT j.value FROM json_each(?) j
     WHERE EXISTS (SELECT 1 FROM media_tags mt WHERE mt.media_id = j.value AND mt.source <> '${USER_SOURCE}' AND +mt.tag_id = ?)
     ORDER BY j.key`,
  )
    .pluck()
    .all(jsonIds(ids), tagId) as number[];
}

/** Links the tag to every item that lacks it; returns the items that gained it. */
export function linkUserTag(db: Db, tagId: number, ids: readonly number[], now: string): number[] {
  // `WHERE true` lets SQLite parse the upsert after a SELECT; RETURNING yields inserted rows only.
  const insert = statement(
    db,
    `INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at)
     SELECT value, ?, '${USER_SOURCE}', 1, ? FROM json_each(?) WHERE true
     ON CONFLICT DO NOTHING
     RETURNING media_id`,
  ).pluck();
  return withBranchCounts(db, tagId, 1, () => insert.all(tagId, now, sortedJsonIds(ids)) as number[]);
}

/** Unlinks the tag from the items; returns the items that had it. */
export function unlinkUserTag(db: Db, tagId: number, ids: readonly number[]): number[] {
  const remove = statement(
    db,
    `DELETE FROM media_tags
     WHERE tag_id = ? AND source = '${USER_SOURCE}' AND media_id IN (SELECT value FROM json_each(?))
     RETURNING media_id`,
  ).pluck();
  return withBranchCounts(db, tagId, -1, () => remove.all(tagId, sortedJsonIds(ids)) as number[]);
}

export interface ItemTagRow {
  media_id: number;
  tag_id: number;
  name: string;
}

/** The user tags of each item, alphabetical by key. */
export function userTagsOf(db: Db, ids: readonly number[]): ItemTagRow[] {
  return statement(
    db,
    `SELECT mt.media_id, t.id AS tag_id, t.name
     FROM media_tags mt JOIN tags t ON t.id = mt.tag_id
     WHERE mt.media_id IN (SELECT value FROM json_each(?)) AND mt.source = '${USER_SOURCE}'
     ORDER BY mt.media_id, t.key`,
  ).all(jsonIds(ids)) as ItemTagRow[];
}

/** How many of the items carry each user tag, most common first. */
export function countTagsAmong(db: Db, ids: readonly number[]): TagCountRow[] {
  return statement(
    db,
    `SELECT t.name, count(*) AS count
     FROM media_tags mt JOIN tags t ON t.id = mt.tag_id
     WHERE mt.media_id IN (SELECT value FROM json_each(?)) AND mt.source = '${USER_SOURCE}'
     GROUP BY t.id ORDER BY count DESC, t.key`,
  ).all(jsonIds(ids)) as TagCountRow[];
}

/** Moves the user links of one tag onto another (merging); returns the items concerned. */
export function moveUserLinks(db: Db, fromId: number, toId: number, now: string): number[] {
  const ids = statement(db, `SELECT media_id FROM media_tags WHERE tag_id = ? AND source = '${USER_SOURCE}'`)
    .pluck()
    .all(fromId) as number[];
  linkUserTag(db, toId, ids, now);
  unlinkUserTag(db, fromId, ids);
  return ids;
}

export function countUserLinks(db: Db, tagId: number): number {
  return statement(db, `SELECT count(*) FROM media_tags WHERE tag_id = ? AND source = '${USER_SOURCE}'`)
    .pluck()
    .get(tagId) as number;
}
