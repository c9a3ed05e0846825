/**
 * The `tags` table: the tag vocabulary (links to items are in media-tag-repo). Tags are found by
 * `key` (shared/tags.ts tagKey): two spellings with one key are one tag, and the first spelling
 * stays. `tags.item_count` is kept by the schema's triggers, never computed here.
 */
import { tagKey } from '../../../shared/tags.js';
import type { Db } from './connection.js';
import { statement } from './statements.js';

export interface TagRow {
  id: number;
  name: string;
  key: string;
  item_count: number;
}

export function getTagByKey(db: Db, key: string): TagRow | undefined {
  return statement(db, `SELECT id, name, key, item_count FROM tags WHERE key = ?`).get(key) as TagRow | undefined;
}

/** Existing tags for the given names (by key); names without a tag are left out. */
export function findTags(db: Db, names: readonly string[]): TagRow[] {
  const keys = names.map(tagKey);
  return statement(
    db,
    `SELECT t.id, t.name, t.key, t.item_count FROM json_each(?) j JOIN tags t ON t.key = j.value ORDER BY j.key`,
  ).all(JSON.stringify(keys)) as TagRow[];
}

/** The tag of each name, created when new (keeping this spelling). Call inside a transaction. */
export function ensureTags(db: Db, names: readonly string[], now: string): TagRow[] {
  const insert = statement(db, `INSERT INTO tags (name, key, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING`);
  return names.map((name) => {
    const key = tagKey(name);
    insert.run(name, key, now);
    const row = getTagByKey(db, key);
    if (!row) throw new Error(`tag ${key} vanished inside its transaction`);
    return row;
  });
}

export interface TagCountRow {
  name: string;
  count: number;
}

/** User tags carried by at least one active item, most used first. */
export function listTags(db: Db, limit: number): TagCountRow[] {
  return statement(
    db,
    `SELECT name, item_count AS count FROM tags WHERE item_count > 0 ORDER BY item_count DESC, key LIMIT ?`,
  ).all(limit) as TagCountRow[];
}

/**
 * Tags whose key starts with `keyPrefix`, most used first. The key range [prefix, successor)
 * is one range of the unique key index; a LIKE would scan all 20,000 tags.
 */
export function autocompleteTags(db: Db, keyPrefix: string, limit: number): TagCountRow[] {
  return statement(
    db,
    `SELECT name, item_count AS count FROM tags
     WHERE key >= ? AND key < ? AND item_count > 0
     ORDER BY item_count DESC, key LIMIT ?`,
  ).all(keyPrefix, prefixSuccessor(keyPrefix), limit) as TagCountRow[];
}

/** The smallest string greater than every string that starts with `prefix` (code point order = UTF-8 byte order). */
export function prefixSuccessor(prefix: string): string {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop() as string;
    let next = (last.codePointAt(0) as number) + 1;
    if (next === 0xd800) next = 0xe000; // skip the surrogate block: not valid in UTF-8 text
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  // Only U+10FFFF characters: nothing sorts after them, so every key is "below" this bound.
  return '\u{10ffff}'.repeat(prefix.length + 1);
}

export function setTagSpelling(db: Db, tagId: number, name: string): void {
  statement(db, `UPDATE tags SET name = ? WHERE id = ?`).run(name, tagId);
}

/** Forgets tags no item carries any more (neither as a user tag nor as an AI tag). */
export function deleteUnusedTags(db: Db): number {
  return statement(db, `DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM media_tags mt WHERE mt.tag_id = tags.id)`).run()
    .changes;
}

export function countTagsInUse(db: Db): number {
  return statement(db, `SELECT count(*) FROM tags WHERE item_count > 0`).pluck().get() as number;
}

/** Active-item counts of tags by id, in the order given (0 for an id that is not a tag). */
export function tagItemCounts(db: Db, ids: readonly number[]): number[] {
  const rows = statement(db, `SELECT t.item_count FROM json_each(?) j LEFT JOIN tags t ON t.id = j.value ORDER BY j.key`)
    .pluck()
    .all(JSON.stringify(ids)) as (number | null)[];
  return rows.map((count) => count ?? 0);
}
