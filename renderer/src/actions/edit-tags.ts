/** Tag edits on one item or many, each recorded with the exact inverse the library reported. */
import type { TagChanges } from '../../../shared/contract.js';
import { call } from '../api/client.js';
import { invertTagChanges, isEmptyChange, replayTagChanges, type TagEdit } from '../logic/tag-changes.js';
import { chunked, tagEditSliceSize } from './chunks.js';
import { noteChange } from './refresh.js';
import { attempt } from './report.js';
import { recordEdit } from './undo.js';

async function applyEdits(edits: readonly TagEdit[]): Promise<void> {
  for (const edit of edits) {
    for (const ids of chunked(edit.ids, tagEditSliceSize(edit.add.length + edit.remove.length))) {
      await call('media.editTags', { ids, add: edit.add, remove: edit.remove });
    }
  }
  noteChange({ aspects: ['tags'], ids: edits.flatMap((e) => e.ids) });
}

function mergeChanges(parts: readonly TagChanges[]): TagChanges {
  return { added: parts.flatMap((p) => p.added), removed: parts.flatMap((p) => p.removed) };
}

export function recordTagChanges(label: string, changes: TagChanges): void {
  if (isEmptyChange(changes)) return;
  recordEdit({
    label,
    undo: () => applyEdits(invertTagChanges(changes)),
    redo: () => applyEdits(replayTagChanges(changes)),
  });
}

function describe(add: readonly string[], remove: readonly string[], count: number): string {
  const items = count === 1 ? '1 item' : `${count} items`;
  const parts = [
    add.length > 0 ? `add ${add.map((t) => `“${t}”`).join(', ')}` : '',
    remove.length > 0 ? `remove ${remove.map((t) => `“${t}”`).join(', ')}` : '',
  ].filter((p) => p !== '');
  return `${parts.join(' and ')} (${items})`;
}

export async function editTags(ids: readonly number[], add: readonly string[], remove: readonly string[]): Promise<boolean> {
  if (ids.length === 0 || (add.length === 0 && remove.length === 0)) return false;
  const label = describe(add, remove, ids.length);
  const result = await attempt(label, async () => {
    const parts: TagChanges[] = [];
    for (const slice of chunked(ids, tagEditSliceSize(add.length + remove.length))) {
      parts.push((await call('media.editTags', { ids: slice, add: [...add], remove: [...remove] })).changes);
    }
    return mergeChanges(parts);
  });
  if (!result) return false;
  recordTagChanges(`Tags: ${label}`, result);
  noteChange({ aspects: ['tags'], ids: [...ids] });
  return true;
}

/**
 * AI tags become user tags (the library drops the suggestion). Undo takes the user tags back
 * off; the suggestion itself comes back only by running auto-tagging again, as nothing else
 * writes AI tags.
 */
export async function promoteAiTags(ids: readonly number[], names: readonly string[]): Promise<void> {
  const result = await attempt('promote the AI tag', () => call('media.promoteAiTags', { ids: [...ids], names: [...names] }));
  if (!result) return;
  recordTagChanges(`Promote ${names.map((n) => `“${n}”`).join(', ')}`, result.changes);
  noteChange({ aspects: ['tags', 'aiTags'], ids: [...ids] });
}

export async function removeAiTags(ids: readonly number[], names: readonly string[]): Promise<void> {
  const result = await attempt('remove the AI tag', () => call('media.removeAiTags', { ids: [...ids], names: [...names] }));
  if (result) noteChange({ aspects: ['aiTags'], ids: [...ids] });
}

/** The panel's auto-tag button: the object recogniser, and the cheap local facts beside it. */
export const AUTO_TAG_EXTENSIONS = ['objects', 'local-analysis'] as const;

export async function autoTag(ids: readonly number[]): Promise<number | undefined> {
  const result = await attempt('run auto-tagging', async () => {
    let tagged = 0;
    for (const slice of chunked(ids, 1_000)) {
      const answer = await call('media.autoTag', { ids: slice, extensions: AUTO_TAG_EXTENSIONS.map((name) => ({ name })) });
      tagged += answer.items.filter((item) => item.aiTags.length > 0).length;
    }
    return tagged;
  });
  if (result !== undefined) noteChange({ aspects: ['aiTags'], ids: [...ids] });
  return result;
}
