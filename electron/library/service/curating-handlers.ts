/**
 * Curating many items at once, as a photographer goes through a shoot: a rating, a colour
 * label, a pick/reject flag on the selection. One transaction; an unknown id changes nothing.
 */
import { nowIso } from '../base/clock.js';
import { setCuratingOf } from '../db/media-repo.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { emitChange, inTransaction, requireItems, uniqueIds } from './write-helpers.js';

export type CuratingHandlersMethod = 'media.setCurating';

export function curatingHandlers(lib: LibraryContext): HandlerGroup<CuratingHandlersMethod> {
  const { db, events } = lib;
  return {
    'media.setCurating': ({ ids, rating, label, flag }, ctx) => {
      const unique = uniqueIds(ids);
      const updated = inTransaction(db, () => {
        requireItems(db, unique);
        return setCuratingOf(db, unique, { rating, label, flag }, ctx.actor, nowIso());
      });
      emitChange(events, ['fields'], ctx.actor, unique);
      return { updated };
    },
  };
}
