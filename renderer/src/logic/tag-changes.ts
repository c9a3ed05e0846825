/**
 * Turns the `changes` that `media.editTags` reports (exactly which ids gained or lost which
 * tag) into the edit calls that undo or redo them. Tags touching the same ids are grouped
 * so a typical undo is one atomic call; different id sets need one call each.
 */
import type { TagChanges } from '../../../shared/contract.js';

export interface TagEdit {
  ids: number[];
  add: string[];
  remove: string[];
}

function groupKey(ids: readonly number[]): string {
  return [...ids].sort((a, b) => a - b).join(',');
}

function group(adds: TagChanges['added'], removes: TagChanges['removed']): TagEdit[] {
  const groups = new Map<string, TagEdit>();
  const slot = (ids: number[]): TagEdit => {
    const key = groupKey(ids);
    let edit = groups.get(key);
    if (!edit) {
      edit = { ids: [...ids].sort((a, b) => a - b), add: [], remove: [] };
      groups.set(key, edit);
    }
    return edit;
  };
  for (const { tag, ids } of adds) if (ids.length > 0) slot(ids).add.push(tag);
  for (const { tag, ids } of removes) if (ids.length > 0) slot(ids).remove.push(tag);
  return [...groups.values()];
}

/** The calls that put every item back as it was before the edit. */
export function invertTagChanges(changes: TagChanges): TagEdit[] {
  return group(changes.removed, changes.added);
}

/** The calls that make the same change again (only what actually changed the first time). */
export function replayTagChanges(changes: TagChanges): TagEdit[] {
  return group(changes.added, changes.removed);
}

export function isEmptyChange(changes: TagChanges): boolean {
  return changes.added.every((c) => c.ids.length === 0) && changes.removed.every((c) => c.ids.length === 0);
}
