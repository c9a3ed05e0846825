import type { AutoTagItemResult } from '../../../shared/contract.js';
import { tagKey } from '../../../shared/tags.js';
import { nowIso } from '../base/clock.js';
import { deleteAiTags, itemsWithAiTag } from '../db/media-tag-repo.js';
import { touchMedia } from '../db/media-touch-repo.js';
import { findTags } from '../db/tag-repo.js';
import { listExtensions } from '../extensions/registry.js';
import { loadMediaItems } from '../items/media-item.js';
import { chooseExtensions, runExtensions, writeOutcomes } from './auto-tag.js';
import { applyTagEdits, changedIds, type TagEditResult } from './tag-edits.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { emitChange, inTransaction, requireItems, uniqueIds } from './write-helpers.js';

export type AiHandlersMethod = 'media.autoTag' | 'media.removeAiTags' | 'media.promoteAiTags' | 'extensions.list';

export function aiHandlers(lib: LibraryContext): HandlerGroup<AiHandlersMethod> {
  const { db, events, paths, options } = lib;
  return {
    'media.autoTag': async ({ ids, extensions }, ctx) => {
      const chosen = chooseExtensions(extensions);
      const unique = uniqueIds(ids);
      requireItems(db, unique);
      const env = { paths, pixelLimit: options.pixelLimit, decodeTimeoutSeconds: options.decodeTimeoutSeconds };
      const outcomes = await runExtensions(db, unique, chosen, env);
      const written = inTransaction(db, () => writeOutcomes(db, outcomes));
      // Faces of a named person may set its tag (a user tag) as well as suggest it.
      emitChange(events, chosen.some((c) => c.extension.name === 'faces') ? ['aiTags', 'tags'] : ['aiTags'], ctx.actor, written);
      // In the order asked (the work finished in whatever order it finished).
      const done = new Set(written);
      return {
        items: loadMediaItems(db, ctx.urls, unique.filter((id) => done.has(id))).map(
          (item): AutoTagItemResult => ({ id: item.id, aiTags: item.aiTags, extensionStatus: item.extensionStatus }),
        ),
      };
    },

    'media.removeAiTags': ({ ids, names, source }, ctx) => {
      const unique = uniqueIds(ids);
      const removed = inTransaction(db, () => {
        requireItems(db, unique);
        const tagIds = names === undefined ? null : findTags(db, names).map((tag) => tag.id);
        if (tagIds !== null && tagIds.length === 0) return [];
        const items = deleteAiTags(db, unique, tagIds, source ?? null);
        touchMedia(db, uniqueIds(items), ctx.actor, nowIso());
        return items;
      });
      if (removed.length > 0) emitChange(events, ['aiTags'], ctx.actor, uniqueIds(removed));
      return { removedCount: removed.length };
    },

    'media.promoteAiTags': ({ ids, names }, ctx) => {
      const unique = uniqueIds(ids);
      const result = inTransaction(db, () => {
        requireItems(db, unique);
        const now = nowIso();
        // `unmatched`: the names none of the items has as an AI tag.
        const total: TagEditResult = { updated: 0, changes: { added: [], removed: [] }, unmatched: [] };
        const promoted = new Set<string>();
        const touched = new Set<number>();
        for (const tag of findTags(db, names)) {
          const carriers = itemsWithAiTag(db, tag.id, unique);
          if (carriers.length === 0) continue;
          promoted.add(tag.key);
          const { changes } = applyTagEdits(db, carriers, [tag.name], [], ctx.actor, now);
          total.changes.added.push(...changes.added);
          // The suggestion became the user's own tag: it is no longer an AI tag of these items.
          deleteAiTags(db, carriers, [tag.id], null);
          touchMedia(db, carriers, ctx.actor, now);
          for (const id of carriers) touched.add(id);
        }
        total.updated = changedIds(total.changes).length;
        total.unmatched = names.filter((name) => !promoted.has(tagKey(name)));
        return { total, touched: [...touched] };
      });
      if (result.touched.length > 0) emitChange(events, ['tags', 'aiTags'], ctx.actor, result.touched);
      return result.total;
    },

    'extensions.list': () => listExtensions(),
  };
}
