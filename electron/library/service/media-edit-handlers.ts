import { FolioError, notFound } from '../../../shared/errors.js';
import { nowIso } from '../base/clock.js';
import { ancestorsAndSelf, getMediaRow, setParentOf, updateEditableFields } from '../db/media-repo.js';
import { loadMediaItems } from '../items/media-item.js';
import type { ChangeAspect } from '../../../shared/events.js';
import { applyPatch, mergedMetadata, replacementPatch, requireRow } from './item-edits.js';
import { patchAspects } from './patch-aspects.js';
import { renameItem } from './rename-item.js';
import type { CallContext, HandlerGroup, LibraryContext } from './types.js';
import { emitChange, inTransaction, requireItems, uniqueIds } from './write-helpers.js';

export type MediaEditHandlersMethod = 'media.update' | 'media.replace' | 'media.mergeMetadata' | 'media.rename' | 'media.setParent';

export function mediaEditHandlers(lib: LibraryContext): HandlerGroup<MediaEditHandlersMethod> {
  const { db, events } = lib;

  const answer = (id: number, ctx: CallContext, aspects: readonly ChangeAspect[]) => {
    emitChange(events, aspects, ctx.actor, [id]);
    const [item] = loadMediaItems(db, ctx.urls, [id]);
    if (!item) throw notFound(`Item ${id}`, 'id');
    return item;
  };

  return {
    'media.update': ({ id, patch }, ctx) => {
      const { tagsChanged } = inTransaction(db, () => applyPatch(db, id, patch, ctx.actor, nowIso()));
      return answer(id, ctx, patchAspects(patch, tagsChanged));
    },

    'media.replace': ({ id, fields }, ctx) => {
      const patch = replacementPatch(fields);
      const { tagsChanged } = inTransaction(db, () => applyPatch(db, id, patch, ctx.actor, nowIso()));
      return answer(id, ctx, patchAspects(patch, tagsChanged));
    },

    'media.mergeMetadata': ({ id, set, remove }, ctx) => {
      inTransaction(db, () => {
        const row = requireRow(db, id);
        const metadata = mergedMetadata(row.metadata, set, remove);
        updateEditableFields(db, id, { metadata: JSON.stringify(metadata) }, ctx.actor, nowIso());
      });
      return answer(id, ctx, ['fields']);
    },

    'media.rename': ({ id, name, onDisk }, ctx) => {
      renameItem(db, id, name, onDisk === true, ctx.actor, nowIso());
      // On disk the file's path changed too.
      return answer(id, ctx, onDisk === true ? ['fields', 'files'] : ['fields']);
    },

    'media.setParent': ({ ids, parentId }, ctx) => {
      const unique = uniqueIds(ids);
      inTransaction(db, () => {
        requireItems(db, unique);
        if (parentId !== null) checkParent(unique, parentId);
        setParentOf(db, unique, parentId, ctx.actor, nowIso());
      });
      emitChange(events, ['fields'], ctx.actor, parentId === null ? unique : [...unique, parentId]);
      return { ids: unique };
    },
  };

  function checkParent(ids: readonly number[], parentId: number): void {
    const parent = getMediaRow(db, parentId);
    if (!parent) throw notFound(`Item ${parentId}`, 'parentId');
    if (ids.includes(parentId)) {
      throw new FolioError('INVALID_ARGUMENT', `Item ${parentId} cannot be a derived version of itself`, { field: 'parentId' });
    }
    // Refuse cycles: the new parent must not already descend from any of the items.
    const above = new Set(ancestorsAndSelf(db, parentId));
    const cyclic = ids.find((id) => above.has(id));
    if (cyclic !== undefined) {
      throw new FolioError(
        'INVALID_ARGUMENT',
        `Item ${parentId} is itself derived from item ${cyclic}, so it cannot be its parent`,
        { field: 'parentId' },
      );
    }
    if (parent.status === 'deleted') {
      throw new FolioError('CONFLICT', `Item ${parentId} is in the trash; restore it first`, { field: 'parentId' });
    }
  }
}
