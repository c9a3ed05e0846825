import { nowIso } from '../base/clock.js';
import { reclaimFreePages } from '../db/connection.js';
import { planSoftDelete, purgeTrashed, restoreItems, trashItems } from '../db/trash-repo.js';
import { deleteCachedThumbnails, forgetDerivedRecords } from './forget-items.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { emitChange, inTransaction, requireItems, uniqueIds } from './write-helpers.js';

export type TrashHandlersMethod = 'media.softDelete' | 'media.restore' | 'trash.empty';

export function trashHandlers(lib: LibraryContext): HandlerGroup<TrashHandlersMethod> {
  const { db, events, paths } = lib;
  return {
    'media.softDelete': ({ ids }, ctx) => {
      const unique = uniqueIds(ids);
      const { deletedCount, moved } = inTransaction(db, () => {
        requireItems(db, unique);
        const plan = planSoftDelete(db, unique);
        return { deletedCount: trashItems(db, plan, ctx.actor, nowIso()), moved: plan.map(([id]) => id) };
      });
      if (deletedCount > 0) emitChange(events, ['trash'], ctx.actor, moved);
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
