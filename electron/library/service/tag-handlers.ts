import type { TagChanges } from '../../../shared/contract.js';
import { FolioError } from '../../../shared/errors.js';
import { MAX_IDS } from '../../../shared/limits.js';
import type { Actor } from '../../../shared/media.js';
import { tagKey } from '../../../shared/tags.js';
import { nowIso } from '../base/clock.js';
import { countTagsAmong } from '../db/media-tag-repo.js';
import { autocompleteTagNodes, usedTagNodes } from '../db/tag-node-query.js';
import { renameTag } from './rename-tag.js';
import { applyTagEdits, assertNoOverlap, changedIds } from './tag-edits.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { viewPositionsOf } from './view-positions.js';
import { mergeTagChanges, resolveSelection, slices, tagEditSliceSize, yieldToOthers } from './view-selection.js';
import { emitChange, inTransaction, requireItems, uniqueIds } from './write-helpers.js';

export type TagHandlersMethod = 'media.editTags' | 'media.tagSummary' | 'tags.list' | 'tags.rename';

const DEFAULT_TAG_LIMIT = 1_000;
const DEFAULT_AUTOCOMPLETE_LIMIT = 20;

/** What the user typed so far → a key prefix. Unlike a tag, a trailing space is kept ("new " → "new york"). */
function autocompletePrefix(raw: string): string {
  return tagKey(raw.normalize('NFC').replace(/\s+/gu, ' ').trimStart());
}

export function tagHandlers(lib: LibraryContext): HandlerGroup<TagHandlersMethod> {
  const { db, events } = lib;
  const positions = viewPositionsOf(db);

  /**
   * Every item of a view selection, in parts of MAX_TAG_LINKS_PER_CALL links (each one
   * transaction, other requests served between them). The per-item changes come back while
   * they fit in one ordinary answer; past that only the counts do.
   */
  async function editViewTags(ids: readonly number[], add: string[], remove: string[], actor: Actor) {
    let updated = 0;
    const parts: TagChanges[] = [];
    let unmatched: string[] = [];
    for (const part of slices(ids, tagEditSliceSize(add.length + remove.length))) {
      const result = inTransaction(db, () => applyTagEdits(db, part, add, remove, actor, nowIso()));
      updated += result.updated;
      unmatched = result.unmatched;
      parts.push(result.changes);
      await yieldToOthers();
    }
    const changes = mergeTagChanges(parts);
    const changesOmitted = changedIds(changes).length > MAX_IDS;
    if (updated > 0) emitChange(events, ['tags'], actor, changedIds(changes));
    return changesOmitted ? { updated, changes: { added: [], removed: [] }, unmatched, changesOmitted } : { updated, changes, unmatched };
  }

  return {
    'media.editTags': (args, ctx) => {
      const add = args.add ?? [];
      const remove = args.remove ?? [];
      if (add.length === 0 && remove.length === 0) {
        throw new FolioError('INVALID_ARGUMENT', 'Give at least one tag to add or to remove', { field: 'add' });
      }
      assertNoOverlap(add, remove);
      if (args.allOf !== undefined) return editViewTags(resolveSelection(positions, args), add, remove, ctx.actor);
      const ids = uniqueIds(args.ids ?? []);
      const result = inTransaction(db, () => {
        requireItems(db, ids);
        return applyTagEdits(db, ids, add, remove, ctx.actor, nowIso());
      });
      if (result.updated > 0) emitChange(events, ['tags'], ctx.actor, changedIds(result.changes));
      return result;
    },

    'media.tagSummary': (args) => {
      const unique = resolveSelection(positions, args);
      if (args.allOf === undefined) requireItems(db, unique);
      return { total: unique.length, tags: countTagsAmong(db, unique) };
    },

    'tags.list': ({ prefix, limit }) => {
      if (prefix === undefined) return usedTagNodes(db, limit ?? DEFAULT_TAG_LIMIT);
      const key = autocompletePrefix(prefix);
      if (/\p{Cc}/u.test(key)) return [];
      return key === '' ? usedTagNodes(db, limit ?? DEFAULT_AUTOCOMPLETE_LIMIT) : autocompleteTagNodes(db, key, limit ?? DEFAULT_AUTOCOMPLETE_LIMIT);
    },

    'tags.rename': ({ from, to }, ctx) => {
      const result = inTransaction(db, () => renameTag(db, from, to, ctx.actor, nowIso()));
      emitChange(events, ['tags'], ctx.actor, result.ids);
      return result.tag;
    },
  };
}
