/**
 * Curating many items at once, as a photographer goes through a shoot: a rating, a colour
 * label, a pick/reject flag on the selection. One transaction; an unknown id changes nothing.
 */
import { MAX_IDS } from '../../../shared/limits.js';
import { nowIso } from '../base/clock.js';
import { setCuratingOf } from '../db/media-repo.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { viewPositionsOf } from './view-positions.js';
import { resolveSelection, slices, yieldToOthers } from './view-selection.js';
import { emitChange, inTransaction, requireItems, uniqueIds } from './write-helpers.js';

export type CuratingHandlersMethod = 'media.setCurating';

export function curatingHandlers(lib: LibraryContext): HandlerGroup<CuratingHandlersMethod> {
  const { db, events } = lib;
  const positions = viewPositionsOf(db);
  return {
    'media.setCurating': async ({ ids, rating, label, flag, allOf }, ctx) => {
      if (allOf !== undefined) {
        // A whole view: in parts of MAX_IDS, one transaction each, other requests between them.
        const all = resolveSelection(positions, { allOf });
        let updated = 0;
        for (const part of slices(all, MAX_IDS)) {
          updated += inTransaction(db, () => setCuratingOf(db, part, { rating, label, flag }, ctx.actor, nowIso()));
          await yieldToOthers();
        }
        emitChange(events, ['fields'], ctx.actor, all);
        return { updated };
      }
      const unique = uniqueIds(ids ?? []);
      const updated = inTransaction(db, () => {
        requireItems(db, unique);
        return setCuratingOf(db, unique, { rating, label, flag }, ctx.actor, nowIso());
      });
      emitChange(events, ['fields'], ctx.actor, unique);
      return { updated };
    },
  };
}
