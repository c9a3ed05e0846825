/**
 * Adding and removing user tags, shared by `media.editTags`, `media.update` (tags replace the
 * list), `media.replace` and `media.promoteAiTags`. Call inside one transaction. The result
 * lists exactly which items gained or lost which tag, so an undo can invert precisely that.
 */
import type { TagChanges } from '../../../shared/contract.js';
import { FolioError } from '../../../shared/errors.js';
import { tagKey } from '../../../shared/tags.js';
import type { Db } from '../db/connection.js';
import { linkUserTag, unlinkUserTag, userTagsOf } from '../db/media-tag-repo.js';
import { touchMedia } from '../db/media-touch-repo.js';
import { ensureTags, findTags, pathKey, resolveTagKey } from '../db/tag-repo.js';

export interface TagEditResult {
  updated: number;
  changes: TagChanges;
  /** Tags asked to be removed that none of the items had (so the remove did nothing). */
  unmatched: string[];
}

export function assertNoOverlap(add: readonly string[], remove: readonly string[]): void {
  const adding = new Set(add.map(tagKey));
  const index = remove.findIndex((name) => adding.has(tagKey(name)));
  if (index >= 0) {
    throw new FolioError('INVALID_ARGUMENT', `"${remove[index]}" cannot be both added and removed`, {
      field: `remove[${index}]`,
    });
  }
}

export function applyTagEdits(
  db: Db,
  ids: readonly number[],
  add: readonly string[],
  remove: readonly string[],
  actor: string,
  now: string,
): TagEditResult {
  const changes: TagChanges = { added: [], removed: [] };
  const touched = new Set<number>();
  for (const tag of ensureTags(db, add, now)) {
    const gained = linkUserTag(db, tag.id, ids, now);
    if (gained.length === 0) continue;
    changes.added.push({ tag: tag.name, ids: gained });
    for (const id of gained) touched.add(id);
  }
  const unmatched: string[] = [];
  for (const name of remove) {
    // A path or an alias of it (tag tree).
    const [tag] = findTags(db, [name]);
    const lost = tag === undefined ? [] : unlinkUserTag(db, tag.id, ids);
    if (tag === undefined || lost.length === 0) {
      unmatched.push(name);
      continue;
    }
    changes.removed.push({ tag: tag.name, ids: lost });
    for (const id of lost) touched.add(id);
  }
  touchMedia(db, [...touched], actor, now);
  return { updated: touched.size, changes, unmatched };
}

/** Makes the item's user tags exactly `tags` (an empty list clears them). */
export function replaceUserTags(db: Db, id: number, tags: readonly string[], actor: string, now: string): TagEditResult {
  // An alias in the list means the tag it stands for.
  const keyOf = (name: string) => resolveTagKey(db, pathKey(name))?.key ?? pathKey(name);
  const wanted = new Set(tags.map(keyOf));
  const current = userTagsOf(db, [id]).map((row) => row.name);
  const have = new Set(current.map(pathKey));
  const add = tags.filter((name) => !have.has(keyOf(name)));
  const remove = current.filter((name) => !wanted.has(pathKey(name)));
  return applyTagEdits(db, [id], add, remove, actor, now);
}

/** Every item a tag edit changed, once. */
export function changedIds(changes: TagChanges): number[] {
  const ids = new Set<number>();
  for (const change of [...changes.added, ...changes.removed]) for (const id of change.ids) ids.add(id);
  return [...ids];
}
