/**
 * AI tags: item↔tag links whose source is the extension that made them (never `user`), each
 * with a confidence; and `extension_runs`, how each extension's last run on an item went.
 */
import type { AiTagBox } from '../../../shared/media.js';
import type { Db } from './connection.js';
import { jsonIds, sortedJsonIds, statement } from './statements.js';
import { USER_SOURCE } from './tag-repo.js';

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

export interface ExtensionRunRow {
  media_id: number;
  extension: string;
  status: string;
  message: string | null;
  ran_at: string;
}

export function recordExtensionRun(db: Db, run: ExtensionRunRow): void {
  statement(
    db,
    `INSERT INTO extension_runs (media_id, extension, status, message, ran_at) VALUES (@media_id, @extension, @status, @message, @ran_at)
     ON CONFLICT (media_id, extension) DO UPDATE SET status = excluded.status, message = excluded.message, ran_at = excluded.ran_at`,
  ).run(run);
}

export function extensionRunsOf(db: Db, ids: readonly number[]): ExtensionRunRow[] {
  return statement(
    db,
    `SELECT media_id, extension, status, message, ran_at FROM extension_runs
     WHERE media_id IN (SELECT value FROM json_each(?)) ORDER BY media_id, extension`,
  ).all(jsonIds(ids)) as ExtensionRunRow[];
}
