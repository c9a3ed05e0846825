/**
 * The `tag_aliases` table: written paths that stand for a tag (`nyc` → `Places/USA/New York`).
 * An alias is found by its key (the path key, case and Unicode folded), never shares a key with
 * a tag (the service sees to that), and goes with its tag.
 */
import type { Db } from './connection.js';
import { jsonIds, statement } from './statements.js';

export interface TagAliasRow {
  key: string;
  alias: string;
  tag_id: number;
}

export function getAlias(db: Db, key: string): TagAliasRow | undefined {
  return statement(db, `SELECT key, alias, tag_id FROM tag_aliases WHERE key = ?`).get(key) as TagAliasRow | undefined;
}

export function aliasesOf(db: Db, tagIds: readonly number[]): TagAliasRow[] {
  return statement(
    db,
    `SELECT a.key, a.alias, a.tag_id FROM json_each(?) j JOIN tag_aliases a ON a.tag_id = j.value ORDER BY a.tag_id, a.key`,
  ).all(jsonIds(tagIds)) as TagAliasRow[];
}

export function allAliases(db: Db): TagAliasRow[] {
  return statement(db, `SELECT key, alias, tag_id FROM tag_aliases ORDER BY tag_id, key`).all() as TagAliasRow[];
}

/** Aliases whose key starts with the prefix: one range of the primary key. */
export function aliasesWithPrefix(db: Db, keyPrefix: string, successor: string, limit: number): TagAliasRow[] {
  return statement(db, `SELECT key, alias, tag_id FROM tag_aliases WHERE key >= ? AND key < ? ORDER BY key LIMIT ?`).all(
    keyPrefix,
    successor,
    limit,
  ) as TagAliasRow[];
}

export function insertAlias(db: Db, row: TagAliasRow): void {
  statement(db, `INSERT INTO tag_aliases (key, alias, tag_id) VALUES (@key, @alias, @tag_id)`).run(row);
}

/** Puts an alias back (undo); an alias of that key made since is replaced. */
export function restoreAlias(db: Db, row: TagAliasRow): void {
  statement(db, `INSERT OR REPLACE INTO tag_aliases (key, alias, tag_id) VALUES (@key, @alias, @tag_id)`).run(row);
}

export function deleteAlias(db: Db, key: string): boolean {
  return statement(db, `DELETE FROM tag_aliases WHERE key = ?`).run(key).changes > 0;
}

/** Moves every alias of one tag to another (a merge). */
export function moveAliases(db: Db, fromId: number, toId: number): void {
  statement(db, `UPDATE tag_aliases SET tag_id = ? WHERE tag_id = ?`).run(toId, fromId);
}
