/**
 * The tag tree's vocabulary operations: rename or move a branch (onto an existing path: a
 * merge), merge tags, delete a branch, aliases and implications. Each runs inside the caller's
 * transaction, checks everything before it writes (a typed error leaves nothing changed, and
 * the transaction rolls back whatever it had started), and records its inverse.
 *
 * Links name tags by id, so a rename or move rewrites a few tag rows, never an item's links;
 * a merge moves the links of one tag onto another with one INSERT … SELECT (an item that had
 * both keeps one), AI links included, since the two tags are now one.
 */
import { FolioError } from '../../../shared/errors.js';
import { escapeTagLevel, splitTagPath } from '../../../shared/tag-path.js';
import { tagKey } from '../../../shared/tags.js';
import type { Db } from '../db/connection.js';
import { implicationCycleThrough } from '../db/implication-cycle-query.js';
import { statement } from '../db/statements.js';
import { deleteAlias, getAlias, insertAlias, moveAliases } from '../db/tag-alias-repo.js';
import { deleteImplication, implicationsTouching, impliesReach, insertImplication, moveImplications } from '../db/tag-implication-repo.js';
import {
  childByLevelKey,
  childrenOf,
  deleteTagRows,
  descendantsOf,
  ensureTagPath,
  getTag,
  getTagByKey,
  getTags,
  pathKey,
  resolveTagKey,
  rewriteBranch,
  setTagColour,
  type TagRow,
} from '../db/tag-repo.js';
import { keepLinksToBeAdded, keepRemovedLinks } from '../db/tag-undo-repo.js';
import { ensureRecordedPath, type TagUndoRecorder } from './tag-undo.js';

export function requireTag(db: Db, id: number, field = 'id'): TagRow {
  const tag = getTag(db, id);
  if (!tag) throw new FolioError('NOT_FOUND', `Tag ${id} was not found; nothing was changed`, { field });
  return tag;
}

/** A tag named by id or written path (a path may be an alias of it). */
export function requireTagRef(db: Db, ref: number | string, field: string): TagRow {
  if (typeof ref === 'number') return requireTag(db, ref, field);
  const tag = resolveTagKey(db, pathKey(ref));
  if (!tag) throw new FolioError('NOT_FOUND', `There is no tag "${ref}"; nothing was changed`, { field });
  return tag;
}

function isInBranch(tag: Pick<TagRow, 'key'>, of: Pick<TagRow, 'key'>): boolean {
  return tag.key === of.key || tag.key.startsWith(`${of.key}/`);
}

function branchRows(db: Db, tag: TagRow): TagRow[] {
  return [tag, ...descendantsOf(db, tag)];
}

/** Places `tag` (its branch following) at `path`; onto an existing tag, the two become one. */
export function moveTag(db: Db, recorder: TagUndoRecorder, tag: TagRow, path: string, now: string): { tag: TagRow; merged: boolean } {
  const levels = splitTagPath(path);
  const level = levels.at(-1) as string;
  const key = pathKey(path);
  if (isInBranch({ key }, tag) && key !== tag.key) {
    throw new FolioError('INVALID_ARGUMENT', `Cannot move "${tag.name}" under itself (to "${path}"); nothing was changed`, { field: 'path' });
  }
  const alias = getAlias(db, key);
  if (alias) {
    const owner = requireTag(db, alias.tag_id);
    throw new FolioError('CONFLICT', `"${path}" is an alias of "${owner.name}"; remove the alias first, or merge into "${owner.name}"`, { field: 'path' });
  }
  const existing = getTagByKey(db, key);
  if (existing && existing.id !== tag.id) {
    mergeInto(db, recorder, tag, existing, now);
    return { tag: requireTag(db, existing.id), merged: true };
  }
  const parent = levels.length > 1 ? ensureRecordedPath(db, recorder, levels.slice(0, -1), now) : null;
  if (parent && isInBranch(parent, tag)) {
    throw new FolioError('INVALID_ARGUMENT', `Cannot move "${tag.name}" under itself (to "${path}"); nothing was changed`, { field: 'path' });
  }
  // Below an alias the parent is the tag it stands for, so the key is built from the parent's.
  const levelKey = tagKey(level);
  const nextKey = parent ? `${parent.key}/${escapeTagLevel(levelKey)}` : escapeTagLevel(levelKey);
  const clash = nextKey === tag.key ? undefined : getTagByKey(db, nextKey);
  if (clash) {
    mergeInto(db, recorder, tag, clash, now);
    return { tag: requireTag(db, clash.id), merged: true };
  }
  recorder.keep(branchRows(db, tag));
  const name = parent ? `${parent.name}/${escapeTagLevel(level)}` : escapeTagLevel(level);
  rewriteBranch(db, tag, { name, key: nextKey, parentId: parent?.id ?? null, level, levelKey });
  return { tag: requireTag(db, tag.id), merged: false };
}

/**
 * `src` and its branch become `dst`: its links, aliases and implications go to `dst`, each
 * child merges into `dst`'s child of the same level or moves under `dst`. Refused into the
 * tag's own branch.
 */
export function mergeInto(db: Db, recorder: TagUndoRecorder, src: TagRow, dst: TagRow, _now: string): void {
  if (src.id === dst.id) return;
  if (isInBranch(dst, src)) {
    throw new FolioError('INVALID_ARGUMENT', `Cannot merge "${src.name}" into its own descendant "${dst.name}"; nothing was changed`, { field: 'into' });
  }
  recorder.keep(branchRows(db, src));
  recorder.keep(branchRows(db, dst));
  const ruled = implicationsTouching(db, [...branchRows(db, src), ...branchRows(db, dst)].map((row) => row.id)).length > 0;
  mergeRows(db, recorder, src, dst);
  // A rule between the two (dst implies src) becomes dst implies itself and goes; a longer
  // chain (dst → c → src) would become a cycle (dst → c → dst): refused, and the caller's
  // transaction takes back everything the merge had written. Only rules touching the two
  // branches can close one, so without them there is nothing to look for.
  if (ruled) refuseCycle(db, src, dst);
}

function refuseCycle(db: Db, src: TagRow, dst: TagRow): void {
  const merged = requireTag(db, dst.id);
  const cycle = implicationCycleThrough(db, branchRows(db, merged).map((row) => row.id));
  if (cycle === null) return;
  const names = getTags(db, cycle).map((row) => `"${row.name}"`);
  throw new FolioError(
    'INVALID_ARGUMENT',
    `Merging "${src.name}" into "${dst.name}" would make an implication cycle (${names.join(' → ')}); remove one of those implications first. Nothing was changed`,
    { field: 'into' },
  );
}

function mergeRows(db: Db, recorder: TagUndoRecorder, src: TagRow, dst: TagRow): void {
  for (const child of childrenOf(db, src.id)) {
    const twin = childByLevelKey(db, dst.id, child.level_key);
    if (twin) {
      mergeRows(db, recorder, child, twin);
    } else {
      rewriteBranch(db, child, {
        name: `${dst.name}/${escapeTagLevel(child.level)}`,
        key: `${dst.key}/${escapeTagLevel(child.level_key)}`,
        parentId: dst.id,
        level: child.level,
        levelKey: child.level_key,
      });
    }
  }
  keepRemovedLinks(db, recorder.id, src.id);
  keepLinksToBeAdded(db, recorder.id, src.id, dst.id);
  statement(
    db,
    `INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at, box)
     SELECT media_id, @dst, source, confidence, added_at, box FROM media_tags WHERE tag_id = @src ORDER BY source, media_id
     ON CONFLICT DO NOTHING`,
  ).run({ src: src.id, dst: dst.id });
  statement(db, `DELETE FROM media_tags WHERE tag_id = ?`).run(src.id);
  moveAliases(db, src.id, dst.id);
  moveImplications(db, src.id, dst.id);
  if (dst.colour === null && src.colour !== null) setTagColour(db, dst.id, src.colour);
  deleteTagRows(db, [src.id]);
  recorder.deleted(src.id);
}

/** Removes the tag and its branch from every item; returns how many active items had it. */
export function deleteBranch(db: Db, recorder: TagUndoRecorder, tag: TagRow): number {
  const rows = branchRows(db, tag);
  const ids = JSON.stringify(rows.map((row) => row.id));
  const removedFrom = statement(
    db,
    `SELECT count(DISTINCT mt.media_id) FROM media_tags mt
     WHERE mt.tag_id IN (SELECT value FROM json_each(?)) AND mt.source = 'user'
       AND NOT EXISTS (SELECT 1 FROM trash WHERE media_id = mt.media_id)`,
  )
    .pluck()
    .get(ids) as number;
  recorder.keep(rows);
  for (const row of rows) keepRemovedLinks(db, recorder.id, row.id);
  statement(db, `DELETE FROM media_tags WHERE tag_id IN (SELECT value FROM json_each(?))`).run(ids);
  // Deepest first: no row may point at a parent gone before it.
  const deepestFirst = [...rows].sort((a, b) => b.key.length - a.key.length).map((row) => row.id);
  deleteTagRows(db, deepestFirst);
  for (const id of deepestFirst) recorder.deleted(id);
  return removedFrom;
}

export function userItemsOfTags(db: Db, tagIds: readonly number[]): number[] {
  return statement(db, `SELECT DISTINCT media_id FROM media_tags WHERE tag_id IN (SELECT value FROM json_each(?)) AND source = 'user'`)
    .pluck()
    .all(JSON.stringify(tagIds)) as number[];
}

/** Adds and removes aliases of `tag`; returns the items whose tags changed (an alias that merged a tag in). */
export function editAliases(
  db: Db,
  recorder: () => TagUndoRecorder,
  tag: TagRow,
  add: readonly string[],
  remove: readonly string[],
  confirmMerge: boolean,
  now: string,
): number[] {
  const touched: number[] = [];
  remove.forEach((alias, index) => {
    const found = getAlias(db, pathKey(alias));
    if (!found || found.tag_id !== tag.id) {
      throw new FolioError('NOT_FOUND', `"${alias}" is not an alias of "${tag.name}"; nothing was changed`, { field: `remove[${index}]` });
    }
    deleteAlias(db, found.key);
  });
  add.forEach((alias, index) => {
    const field = `add[${index}]`;
    const key = pathKey(alias);
    const current = requireTag(db, tag.id);
    if (key === current.key) {
      throw new FolioError('INVALID_ARGUMENT', `"${alias}" cannot be an alias of itself (an alias cycle); nothing was changed`, { field });
    }
    const existingAlias = getAlias(db, key);
    if (existingAlias) {
      if (existingAlias.tag_id === tag.id) return;
      const owner = requireTag(db, existingAlias.tag_id);
      throw new FolioError('CONFLICT', `"${alias}" is already an alias of "${owner.name}"; remove it there first`, { field });
    }
    const existingTag = getTagByKey(db, key);
    if (existingTag) {
      if (isInBranch(current, existingTag) || isInBranch(existingTag, current)) {
        throw new FolioError('INVALID_ARGUMENT', `"${alias}" is in the same branch as "${current.name}" and cannot be its alias (an alias cycle); nothing was changed`, { field });
      }
      const used = existingTag.item_count > 0 || childrenOf(db, existingTag.id).length > 0 || userItemsOfTags(db, [existingTag.id]).length > 0;
      if (used && !confirmMerge) {
        throw new FolioError(
          'CONFLICT',
          `"${alias}" is a tag in use (${existingTag.item_count.toLocaleString('en-US')} items); to make it an alias, merge it into "${current.name}" (confirmMerge)`,
          { field },
        );
      }
      touched.push(...userItemsOfTags(db, [existingTag.id]));
      mergeInto(db, recorder(), existingTag, current, now);
    }
    insertAlias(db, { key, alias, tag_id: tag.id });
  });
  return touched;
}

/** Adds and removes implications of `tag` (paths; a missing implied tag is made); cycles refused. */
export function editImplies(db: Db, tag: TagRow, add: readonly string[], remove: readonly string[], now: string): void {
  remove.forEach((path, index) => {
    const implied = resolveTagKey(db, pathKey(path));
    if (!implied || !deleteImplication(db, tag.id, implied.id)) {
      throw new FolioError('NOT_FOUND', `"${tag.name}" does not imply "${path}"; nothing was changed`, { field: `remove[${index}]` });
    }
  });
  add.forEach((path, index) => {
    const field = `add[${index}]`;
    const implied = resolveTagKey(db, pathKey(path)) ?? ensureTagPath(db, splitTagPath(path), now);
    if (implied.id === tag.id) {
      throw new FolioError('INVALID_ARGUMENT', `"${tag.name}" cannot imply itself (an implication cycle); nothing was changed`, { field });
    }
    if (impliesReach(db, implied.id, tag.id)) {
      throw new FolioError(
        'INVALID_ARGUMENT',
        `"${tag.name}" cannot imply "${implied.name}": "${implied.name}" already counts as "${tag.name}" (an implication cycle); nothing was changed`,
        { field },
      );
    }
    insertImplication(db, tag.id, implied.id);
  });
}

export function setColour(db: Db, tag: TagRow, colour: string | null): void {
  setTagColour(db, tag.id, colour);
}
