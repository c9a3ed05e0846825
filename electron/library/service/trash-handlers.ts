import { MAX_IDS } from '../../../shared/limits.js';
import { nowIso } from '../base/clock.js';
import { reclaimFreePages } from '../db/connection.js';
import { planSoftDelete, purgeTrashed, restoreItems, trashItems } from '../db/trash-repo.js';
import { deleteCachedThumbnails, forgetDerivedRecords } from './forget-items.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { viewPositionsOf } from './view-positions.js';
import { resolveSelection, slices, yieldToOthers } from './view-selection.js';
import { emitChange, inTransaction, requireItems, uniqueIds } from './write-helpers.js';

export type TrashHandlersMethod = 'media.softDelete' | 'media.restore' | 'trash.empty';

export function trashHandlers(lib: LibraryContext): HandlerGroup<TrashHandlersMethod> {
  const { db, events, paths } = lib;
  const positions = viewPositionsOf(db);
  return {
    'media.softDelete': async (args, ctx) => {
      const unique = resolveSelection(positions, args);
      const trashPart = (part: readonly number[]) =>
        inTransaction(db, () => {
          if (args.allOf === undefined) requireItems(db, part);
          const plan = planSoftDelete(db, part);
          return { deletedCount: trashItems(db, plan, ctx.actor, nowIso()), moved: plan.map(([id]) => id) };
        });
      let deletedCount = 0;
      const moved: number[] = [];
      // A view selection goes in parts of MAX_IDS (one transaction each); ids given are one part.
      for (const part of args.allOf === undefined ? [unique] : slices(unique, MAX_IDS)) {
        const done = trashPart(part);
        deletedCount += done.deletedCount;
        for (const id of done.moved) moved.push(id);
        if (args.allOf !== undefined) await yieldToOthers();
      }
      if (deletedCount > 0) emitChange(events, ['trash'], ctx.actor, moved);
      // A whole large view's ids would be megabytes of answer: only the count comes back.
      if (args.allOf !== undefined && unique.length > MAX_IDS) return { ids: [], deletedCount, idsOmitted: true };
      return { ids: unique, deletedCount };
    },

    'media.restore': ({ ids }, ctx) => {
      const unique = uniqueIds(ids);
      const restoredCount = inTransaction(db, () => {
        requireItems(db, unique);
        return restoreItems(db, unique, ctx.actor, nowIso());
      });
      if (restoredCount > 0) emitChange(events, ['trash'], ctx.actor);
      return { ids: unique, restoredCount };
    },

    'trash.empty': (_args, ctx) => {
      const { removedCount, cleanup } = inTransaction(db, () => {
        const purged = purgeTrashed(db);
        return { removedCount: purged.count, cleanup: forgetDerivedRecords(db, purged.md5s) };
      });
      deleteCachedThumbnails(paths, cleanup);
      if (removedCount > 0) reclaimFreePages(db);
      if (removedCount > 0) emitChange(events, ['trash', 'items'], ctx.actor);
      return { removedCount };
    },
  };
}
