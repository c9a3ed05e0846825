/**
 * Stacks by hand: stack selected items, take a stack apart, choose its cover, and the library's
 * stack rules. A stack is one level of derived versions (shared/stacks.ts), so trash and
 * restore already move a stack as one.
 */
import { FolioError } from '../../../shared/errors.js';
import { STACK_RULE_NAMES } from '../../../shared/stacks.js';
import { nowIso } from '../base/clock.js';
import type { Db } from '../db/connection.js';
import { getMediaRow } from '../db/media-repo.js';
import { setParentOf } from '../db/media-repo.js';
import { getStackRules, setStackRules } from '../db/settings-repo.js';
import { coverOf, versionsOf } from '../db/stack-repo.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { emitChange, inTransaction, requireItems, uniqueIds } from './write-helpers.js';

export type StackHandlersMethod =
  | 'media.stack'
  | 'media.unstack'
  | 'media.setStackCover'
  | 'media.stackMembers'
  | 'library.stackRules'
  | 'library.setStackRules';

function members(db: Db, id: number): { coverId: number; versionIds: number[] } {
  const coverId = coverOf(db, id);
  return { coverId, versionIds: versionsOf(db, coverId) };
}

function requireActive(db: Db, ids: readonly number[]): void {
  for (const id of ids) {
    if (getMediaRow(db, id)?.status === 'deleted') {
      throw new FolioError('CONFLICT', `Item ${id} is in the trash; restore it first`, { field: 'ids' });
    }
  }
}

export function stackHandlers(lib: LibraryContext): HandlerGroup<StackHandlersMethod> {
  const { db, events } = lib;
  return {
    'media.stack': ({ ids, coverId }, ctx) => {
      const unique = uniqueIds(coverId === undefined ? ids : [coverId, ...ids]);
      const cover = unique[0] as number;
      if (unique.length < 2) throw new FolioError('INVALID_ARGUMENT', 'A stack needs at least two items', { field: 'ids' });
      const changed = inTransaction(db, () => {
        requireItems(db, unique);
        requireActive(db, unique);
        // Every item brings its whole stack along; the stacks become one, under the cover.
        const all = new Set<number>();
        for (const id of unique) {
          const stack = members(db, id);
          all.add(stack.coverId);
          stack.versionIds.forEach((v) => all.add(v));
        }
        all.delete(cover);
        const now = nowIso();
        setParentOf(db, [cover], null, ctx.actor, now);
        setParentOf(db, [...all], cover, ctx.actor, now);
        return [cover, ...all];
      });
      emitChange(events, ['fields'], ctx.actor, changed);
      return members(db, cover);
    },

    'media.unstack': ({ id }, ctx) => {
      const before = inTransaction(db, () => {
        requireItems(db, [id], 'id');
        const stack = members(db, id);
        setParentOf(db, stack.versionIds, null, ctx.actor, nowIso());
        return stack;
      });
      emitChange(events, ['fields'], ctx.actor, [before.coverId, ...before.versionIds]);
      return before;
    },

    'media.setStackCover': ({ id }, ctx) => {
      const changed = inTransaction(db, () => {
        requireItems(db, [id], 'id');
        requireActive(db, [id]);
        const stack = members(db, id);
        if (stack.coverId === id) return [];
        const others = [stack.coverId, ...stack.versionIds.filter((v) => v !== id)];
        const now = nowIso();
        setParentOf(db, [id], null, ctx.actor, now);
        setParentOf(db, others, id, ctx.actor, now);
        return [id, ...others];
      });
      if (changed.length > 0) emitChange(events, ['fields'], ctx.actor, changed);
      return members(db, id);
    },

    'media.stackMembers': ({ id }) => {
      requireItems(db, [id], 'id');
      return members(db, id);
    },

    'library.stackRules': () => getStackRules(db),

    'library.setStackRules': (changes) => {
      return inTransaction(db, () => {
        const rules = getStackRules(db);
        for (const name of STACK_RULE_NAMES) {
          const value = changes[name];
          if (value !== undefined) rules[name] = value;
        }
        setStackRules(db, rules);
        return rules;
      });
    },
  };
}
