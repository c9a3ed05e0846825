/**
 * The tag tree's methods (issue 13): the tree, rename/move/colour, merge, aliases,
 * implications, delete and undo. Each write is one transaction and says aspect `tags`; items
 * whose links changed (a merge, a delete, an undo of those) are stamped as changed.
 */
import { FolioError } from '../../../shared/errors.js';
import type { TagNode } from '../../../shared/tag-tree.js';
import { nowIso } from '../base/clock.js';
import { touchMedia } from '../db/media-touch-repo.js';
import { descendantsOf, getTag } from '../db/tag-repo.js';
import { tagNodeOf } from '../db/tag-node-query.js';
import { tagTree } from '../db/tag-tree-query.js';
import { ensureRecordedPath, revertTagUndo, TagUndoRecorder } from './tag-undo.js';
import { deleteBranch, editAliases, editImplies, mergeInto, moveTag, requireTag, requireTagRef, setColour, userItemsOfTags } from './tag-vocabulary.js';
import { splitTagPath } from '../../../shared/tag-path.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { emitChange, inTransaction } from './write-helpers.js';

export type TagTreeMethod = 'tags.tree' | 'tags.update' | 'tags.merge' | 'tags.setAliases' | 'tags.setImplies' | 'tags.delete' | 'tags.undo';

function nodeOf(lib: LibraryContext, id: number): TagNode {
  const node = tagNodeOf(lib.db, id);
  if (!node) throw new Error(`tag ${id} vanished after its change`);
  return node;
}

export function tagTreeHandlers(lib: LibraryContext): HandlerGroup<TagTreeMethod> {
  const { db, events } = lib;
  return {
    'tags.tree': () => tagTree(db),

    'tags.update': ({ id, path, colour }, ctx) => {
      if (path === undefined && colour === undefined) {
        throw new FolioError('INVALID_ARGUMENT', 'Give a new path, a colour, or both', { field: 'path' });
      }
      const now = nowIso();
      const result = inTransaction(db, () => {
        const tag = requireTag(db, id);
        const recorder = new TagUndoRecorder(db, 'update', now);
        let merged = false;
        let target = tag;
        let items: number[] = [];
        if (path !== undefined) {
          items = userItemsOfTags(db, [tag, ...descendantsOf(db, tag)].map((row) => row.id));
          const moved = moveTag(db, recorder, tag, path, now);
          merged = moved.merged;
          target = moved.tag;
          if (!merged) items = [];
        }
        if (colour !== undefined) {
          recorder.keep([requireTag(db, target.id)]);
          setColour(db, target, colour);
        }
        if (merged) touchMedia(db, items, ctx.actor, now);
        return { id: target.id, merged, undo: recorder.finish(), items };
      });
      emitChange(events, ['tags'], ctx.actor, result.merged ? result.items : undefined);
      return { tag: nodeOf(lib, result.id), merged: result.merged, undo: result.undo };
    },

    'tags.merge': ({ from, into }, ctx) => {
      const now = nowIso();
      const result = inTransaction(db, () => {
        // Every source must exist before anything moves.
        const sources = from.map((ref, index) => requireTagRef(db, ref, `from[${index}]`));
        const recorder = new TagUndoRecorder(db, 'merge', now);
        const target = ensureRecordedPath(db, recorder, splitTagPath(into), now);
        const items = userItemsOfTags(db, sources.flatMap((tag) => [tag, ...descendantsOf(db, tag)].map((row) => row.id)));
        for (const source of sources) {
          // An earlier merge may have moved (or merged away) this one: read it again.
          const current = getTag(db, source.id);
          if (current) mergeInto(db, recorder, current, requireTag(db, target.id), now);
        }
        touchMedia(db, items, ctx.actor, now);
        return { id: target.id, undo: recorder.finish(), items };
      });
      emitChange(events, ['tags'], ctx.actor, result.items);
      return { tag: nodeOf(lib, result.id), undo: result.undo };
    },

    'tags.setAliases': ({ id, add, remove, confirmMerge }, ctx) => {
      if ((add?.length ?? 0) === 0 && (remove?.length ?? 0) === 0) {
        throw new FolioError('INVALID_ARGUMENT', 'Give at least one alias to add or to remove', { field: 'add' });
      }
      const now = nowIso();
      const items = inTransaction(db, () => {
        const tag = requireTag(db, id);
        let recorder: TagUndoRecorder | null = null;
        const touched = editAliases(db, () => (recorder ??= new TagUndoRecorder(db, 'merge', now)), tag, add ?? [], remove ?? [], confirmMerge === true, now);
        (recorder as TagUndoRecorder | null)?.finish();
        touchMedia(db, touched, ctx.actor, now);
        return touched;
      });
      emitChange(events, ['tags'], ctx.actor, items.length > 0 ? items : undefined);
      return nodeOf(lib, id);
    },

    'tags.setImplies': ({ id, add, remove }, ctx) => {
      if ((add?.length ?? 0) === 0 && (remove?.length ?? 0) === 0) {
        throw new FolioError('INVALID_ARGUMENT', 'Give at least one implied tag to add or to remove', { field: 'add' });
      }
      inTransaction(db, () => editImplies(db, requireTag(db, id), add ?? [], remove ?? [], nowIso()));
      emitChange(events, ['tags'], ctx.actor);
      return nodeOf(lib, id);
    },

    'tags.delete': ({ id }, ctx) => {
      const now = nowIso();
      const result = inTransaction(db, () => {
        const tag = requireTag(db, id);
        const recorder = new TagUndoRecorder(db, 'delete', now);
        const items = userItemsOfTags(db, [tag, ...descendantsOf(db, tag)].map((row) => row.id));
        const removedFrom = deleteBranch(db, recorder, tag);
        touchMedia(db, items, ctx.actor, now);
        return { removedFrom, undo: recorder.finish(), items };
      });
      emitChange(events, ['tags'], ctx.actor, result.items);
      return { id, removedFrom: result.removedFrom, undo: result.undo };
    },

    'tags.undo': ({ token }, ctx) => {
      const now = nowIso();
      const items = inTransaction(db, () => {
        const touched = revertTagUndo(db, token, now);
        touchMedia(db, touched, ctx.actor, now);
        return touched;
      });
      emitChange(events, ['tags'], ctx.actor, items.length > 0 ? items : undefined);
      return { ok: true as const };
    },
  };
}
