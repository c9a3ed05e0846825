/**
 * The `tags` table: the tag vocabulary, a tree (links to items are in media-tag-repo). A tag's
 * `name` is its written path (shared/tag-path.ts) and `key` the path's key (every level folded:
 * two spellings with one key are one tag; the first spelling stays). `level`/`level_key` are
 * the last level. A branch is one range of the unique key index: `key >= 'a/' AND key < 'a0'`
 * ('0' follows '/'). `tags.item_count` is kept by the schema's triggers, never computed here.
 */
import { escapeTagLevel, splitTagPath, tagPathKey } from '../../../shared/tag-path.js';
import { tagKey } from '../../../shared/tags.js';
import type { Db } from './connection.js';
import { jsonIds, statement } from './statements.js';

export interface TagRow {
  id: number;
  /** The written path. */
  name: string;
  key: string;
  item_count: number;
  /** Active items with a user tag anywhere in the branch (itself included), each once: kept by migration 017's triggers. */
  branch_count: number;
  parent_id: number | null;
  level: string;
  level_key: string;
  colour: string | null;
}

export const TAG_COLUMNS = 'id, name, key, item_count, branch_count, parent_id, level, level_key, colour';
const COLUMNS_OF_T = TAG_COLUMNS.split(', ').map((column) => `t.${column}`).join(', ');

export function getTagByKey(db: Db, key: string): TagRow | undefined {
  return statement(db, `SELECT ${TAG_COLUMNS} FROM tags WHERE key = ?`).get(key) as TagRow | undefined;
}

export function getTag(db: Db, id: number): TagRow | undefined {
  return statement(db, `SELECT ${TAG_COLUMNS} FROM tags WHERE id = ?`).get(id) as TagRow | undefined;
}

export function getTags(db: Db, ids: readonly number[]): TagRow[] {
  return statement(db, `SELECT ${COLUMNS_OF_T} FROM json_each(?) j JOIN tags t ON t.id = j.value ORDER BY j.key`).all(
    jsonIds(ids),
  ) as TagRow[];
}

function aliasTarget(db: Db, key: string): TagRow | undefined {
  return statement(db, `SELECT ${COLUMNS_OF_T} FROM tag_aliases a JOIN tags t ON t.id = a.tag_id WHERE a.key = ?`).get(key) as
    | TagRow
    | undefined;
}

/** Where each level of a path key ends (a `/` that is not escaped as `\/`), the last excluded. */
function levelEnds(key: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < key.length; i += 1) {
    if (key[i] === '\\') i += 1;
    else if (key[i] === '/') ends.push(i);
  }
  return ends;
}

/**
 * A path key with an alias at its start replaced by its tag's key: with `nyc` an alias of
 * `Places/USA/New York`, `nyc/brooklyn` is `places/usa/new york/brooklyn` (and the autocomplete
 * prefix `nyc/` is `places/usa/new york/`). The longest leading levels that are an alias win;
 * a key with no alias at its start comes back as it is. An alias never shares a key with a
 * tag, so no tag can be hidden by this.
 */
export function keyThroughAlias(db: Db, key: string): { key: string; alias: TagRow | null } {
  const ends = levelEnds(key);
  for (let i = ends.length - 1; i >= 0; i -= 1) {
    const end = ends[i] as number;
    const target = aliasTarget(db, key.slice(0, end));
    if (target) return { key: target.key + key.slice(end), alias: target };
  }
  return { key, alias: null };
}

/**
 * The tag a written path names: the tag of that path, else the tag an alias of that path stands
 * for, else the tag the path names once an alias at its start stands for its tag
 * (`nyc/Brooklyn`). Every reader and writer of written paths comes through here.
 */
export function resolveTagKey(db: Db, key: string): TagRow | undefined {
  const found = getTagByKey(db, key) ?? aliasTarget(db, key);
  if (found) return found;
  const through = keyThroughAlias(db, key);
  return through.alias ? getTagByKey(db, through.key) : undefined;
}

/** The key of a written (already normalised) path. */
export function pathKey(path: string): string {
  return tagPathKey(splitTagPath(path));
}

/** Existing tags for the given paths (by key, or through an alias); paths without a tag are left out. */
export function findTags(db: Db, paths: readonly string[]): TagRow[] {
  const out: TagRow[] = [];
  for (const path of paths) {
    const row = resolveTagKey(db, pathKey(path));
    if (row) out.push(row);
  }
  return out;
}

/**
 * The tag of each written path, created with its missing levels when new (keeping this
 * spelling for what it creates). A path that is an alias gives the tag it stands for. Call
 * inside a transaction.
 */
export function ensureTags(db: Db, paths: readonly string[], now: string): TagRow[] {
  return paths.map((path) => ensureTagPath(db, splitTagPath(path), now));
}

export function ensureTagPath(db: Db, levels: readonly string[], now: string): TagRow {
  const whole = resolveTagKey(db, tagPathKey(levels));
  if (whole) return whole;
  const insert = statement(
    db,
    `INSERT INTO tags (name, key, parent_id, level, level_key, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
  );
  // Leading levels that are an alias (`nyc/Brooklyn`) stand for the alias's tag: the new levels go below it.
  const [parentThroughAlias, firstNew] = leadingAlias(db, levels);
  let parent: TagRow | undefined = parentThroughAlias;
  for (let depth = firstNew; depth <= levels.length; depth += 1) {
    const level = levels[depth - 1] as string;
    const key = parent ? `${parent.key}/${escapeTagLevel(tagKey(level))}` : tagPathKey(levels.slice(0, depth));
    let row = getTagByKey(db, key);
    if (!row) {
      // Below an existing level, the path keeps that level's spelling.
      const name = parent ? `${parent.name}/${escapeTagLevel(level)}` : escapeTagLevel(level);
      insert.run(name, key, parent?.id ?? null, level, tagKey(level), now);
      row = getTagByKey(db, key);
      if (!row) throw new Error(`tag ${key} vanished inside its transaction`);
    }
    parent = row;
  }
  return parent as TagRow;
}

/** The tag the longest leading levels stand for as an alias (not the whole path), and the depth of the first level after them. */
function leadingAlias(db: Db, levels: readonly string[]): [TagRow | undefined, number] {
  for (let depth = levels.length - 1; depth >= 1; depth -= 1) {
    const key = tagPathKey(levels.slice(0, depth));
    const target = getTagByKey(db, key) ? undefined : aliasTarget(db, key);
    if (target) return [target, depth + 1];
  }
  return [undefined, 1];
}

/** The tag's rows below it (not itself), in key order: parents before children. */
export function descendantsOf(db: Db, tag: Pick<TagRow, 'key'>): TagRow[] {
  return statement(db, `SELECT ${TAG_COLUMNS} FROM tags WHERE key >= ? AND key < ? ORDER BY key`).all(
    `${tag.key}/`,
    `${tag.key}0`,
  ) as TagRow[];
}

export function childrenOf(db: Db, parentId: number): TagRow[] {
  return statement(db, `SELECT ${TAG_COLUMNS} FROM tags WHERE parent_id = ? ORDER BY level_key`).all(parentId) as TagRow[];
}

export function childByLevelKey(db: Db, parentId: number | null, levelKey: string): TagRow | undefined {
  return statement(db, `SELECT ${TAG_COLUMNS} FROM tags WHERE parent_id IS ? AND level_key = ?`).get(parentId, levelKey) as
    | TagRow
    | undefined;
}

/**
 * Gives a tag a new path (and parent), and every tag below it the new path in front of its
 * own: one statement for the branch, on its key range. Links name tags by id, so no item row
 * or link is written.
 */
export function rewriteBranch(
  db: Db,
  tag: TagRow,
  next: { name: string; key: string; parentId: number | null; level: string; levelKey: string },
): void {
  statement(
    db,
    `UPDATE tags SET name = @newName || substr(name, @nameCut), key = @newKey || substr(key, @keyCut)
     WHERE key >= @from AND key < @to`,
  ).run({
    newName: next.name,
    nameCut: tag.name.length + 1,
    newKey: next.key,
    keyCut: tag.key.length + 1,
    from: `${tag.key}/`,
    to: `${tag.key}0`,
  });
  statement(db, `UPDATE tags SET name = ?, key = ?, parent_id = ?, level = ?, level_key = ? WHERE id = ?`).run(
    next.name,
    next.key,
    next.parentId,
    next.level,
    next.levelKey,
    tag.id,
  );
}

export function setTagColour(db: Db, tagId: number, colour: string | null): void {
  statement(db, `UPDATE tags SET colour = ? WHERE id = ?`).run(colour, tagId);
}

/** Puts a tag row back as it was (undo), with its id; its count follows from its links. */
export function restoreTagRow(db: Db, row: TagRow, now: string): void {
  statement(
    db,
    `INSERT INTO tags (id, name, key, parent_id, level, level_key, colour, created_at)
     VALUES (@id, @name, @key, @parent_id, @level, @level_key, @colour, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, key = excluded.key, parent_id = excluded.parent_id,
       level = excluded.level, level_key = excluded.level_key, colour = excluded.colour`,
  ).run({ ...row, now });
}

export function deleteTagRows(db: Db, ids: readonly number[]): void {
  // Children first, so that no parent_id points at a deleted row at the statement's end.
  statement(db, `DELETE FROM tags WHERE id IN (SELECT value FROM json_each(?))`).run(jsonIds(ids));
}

/** Σ item_count of the tags: the driver estimate of a tag set (an upper bound of its distinct items). */
export function sumItemCounts(db: Db, ids: readonly number[]): number {
  return statement(db, `SELECT coalesce(sum(item_count), 0) FROM tags WHERE id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(jsonIds(ids)) as number;
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

/**
 * Forgets tags nothing holds on to any more: no link (user or AI), no tag below it, no alias,
 * no implication either way, no colour. A tag the user shaped in the tag manager stays; a level
 * emptied by a merge or an AI tag no item carries goes. Leaves first, so a chain of emptied
 * levels goes in as many rounds as it is deep.
 */
export function deleteUnusedTags(db: Db): number {
  const remove = statement(
    db,
    `DELETE FROM tags WHERE colour IS NULL
       AND NOT EXISTS (SELECT 1 FROM media_tags mt WHERE mt.tag_id = tags.id)
       AND NOT EXISTS (SELECT 1 FROM tags c WHERE c.parent_id = tags.id)
       AND NOT EXISTS (SELECT 1 FROM tag_aliases a WHERE a.tag_id = tags.id)
       AND NOT EXISTS (SELECT 1 FROM tag_implies i WHERE i.tag_id = tags.id OR i.implied_id = tags.id)`,
  );
  let total = 0;
  for (;;) {
    const { changes } = remove.run();
    total += changes;
    if (changes === 0) return total;
  }
}

export function countTagsInUse(db: Db): number {
  return statement(db, `SELECT count(*) FROM tags WHERE item_count > 0`).pluck().get() as number;
}

export interface TagCountRow {
  name: string;
  count: number;
}
/** Active-item counts of tags by id, in the order given (0 for an id that is not a tag). */
export function tagItemCounts(db: Db, ids: readonly number[]): number[] {
  const rows = statement(db, `SELECT t.item_count FROM json_each(?) j LEFT JOIN tags t ON t.id = j.value ORDER BY j.key`)
    .pluck()
    .all(JSON.stringify(ids)) as (number | null)[];
  return rows.map((count) => count ?? 0);
}
