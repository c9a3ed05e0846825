/**
 * Bulk commands on a selection that may hold a span of the view (Ctrl+A on a million items):
 * the held ids go as ids, the span as `allOf`, resolved by the library at the moment of the
 * call. Undo is recorded from what the library answered (the exact items changed) when it
 * answered them; an edit of more items than one answer carries cannot be undone.
 */
import type { TagChanges } from '../../../shared/contract.js';
import { call } from '../api/client.js';
import type { SelectionTarget } from '../logic/selection-target.js';
import { useStore } from '../store/store.js';
import { chunked } from './chunks.js';
import { trashItems } from './edit-items.js';
import { editTags, recordTagChanges } from './edit-tags.js';
import { noteChange } from './refresh.js';
import { attempt, notify } from './report.js';
import { recordEdit } from './undo.js';

function items(count: number): string {
  return count === 1 ? '1 item' : `${count.toLocaleString()} items`;
}

export async function editSelectionTags(target: SelectionTarget, add: readonly string[], remove: readonly string[]): Promise<boolean> {
  if (target.allOf === null) return editTags(target.ids, add, remove);
  if (add.length === 0 && remove.length === 0) return false;
  const allOf = target.allOf;
  const label = `Tags: ${[...add.map((t) => `add “${t}”`), ...remove.map((t) => `remove “${t}”`)].join(' and ')} (${items(target.count)})`;
  const result = await attempt(label, async () => {
    const answer = await call('media.editTags', { allOf, add: [...add], remove: [...remove] });
    if (target.ids.length > 0) await editTags(target.ids, add, remove);
    return answer;
  });
  if (!result) return false;
  noteChange({ aspects: ['tags'] });
  if (result.changesOmitted) notify(`Changed the tags of ${items(result.updated)}`, 'This edit was too large to be undone.');
  else recordTagChanges(label, result.changes as TagChanges);
  return true;
}

async function restore(ids: readonly number[]): Promise<void> {
  for (const slice of chunked(ids)) await call('media.restore', { ids: slice });
  noteChange({ aspects: ['trash'] });
}

async function trashIds(ids: readonly number[]): Promise<void> {
  for (const slice of chunked(ids)) await call('media.softDelete', { ids: slice });
  noteChange({ aspects: ['trash'] });
}

export async function trashSelection(target: SelectionTarget, chosen: readonly number[] = target.ids): Promise<void> {
  if (target.allOf === null) return trashItems(chosen);
  const allOf = target.allOf;
  const result = await attempt('move to the trash', async () => {
    const answer = await call('media.softDelete', { allOf });
    if (target.ids.length > 0) await trashIds(target.ids);
    return answer;
  });
  if (!result) return;
  noteChange({ aspects: ['trash'] });
  // The span's positions now point at other items.
  useStore.getState().clearSelection();
  if (result.idsOmitted) {
    notify(`Moved ${items(result.deletedCount)} to the trash`, 'Restore them from the trash; this move was too large to be undone.');
    return;
  }
  const moved = [...result.ids, ...target.ids];
  notify(`Moved ${items(result.deletedCount)} to the trash`, 'Ctrl+Z undoes.');
  recordEdit({
    label: `Move ${items(moved.length)} to the trash`,
    undo: () => restore(moved),
    redo: () => trashIds(moved),
  });
}
