/**
 * Edits of one item's fields (name, description, custom metadata, focus area), trash and
 * restore; each records its inverse for undo: the previous values, or restore ↔ soft delete.
 */
import type { MediaItem } from '../../../shared/media.js';
import type { JsonObject } from '../../../shared/metadata.js';
import { call } from '../api/client.js';
import { useStore } from '../store/store.js';
import { chunked } from './chunks.js';
import { noteChange } from './refresh.js';
import { attempt, notify } from './report.js';
import { recordEdit } from './undo.js';

export interface FieldPatch {
  name?: string;
  description?: string;
  metadata?: JsonObject;
  customCoordinates?: string | null;
}

type FieldName = keyof FieldPatch;

const FIELD_LABELS: Record<FieldName, string> = {
  name: 'name',
  description: 'description',
  metadata: 'custom metadata',
  customCoordinates: 'focus area',
};

async function currentItem(id: number): Promise<MediaItem> {
  return useStore.getState().items.get(id) ?? (await call('media.get', { id }));
}

function previousValues(item: MediaItem, patch: FieldPatch): FieldPatch {
  const previous: FieldPatch = {};
  for (const key of Object.keys(patch) as FieldName[]) {
    if (key === 'name') previous.name = item.name;
    if (key === 'description') previous.description = item.description;
    if (key === 'metadata') previous.metadata = item.metadata;
    if (key === 'customCoordinates') previous.customCoordinates = item.customCoordinates;
  }
  return previous;
}

async function applyPatch(id: number, patch: FieldPatch): Promise<MediaItem> {
  const item = await call('media.update', { id, patch });
  useStore.getState().putItems([item]);
  noteChange({ aspects: ['fields'], ids: [id] });
  return item;
}

/** Saves fields of one item; resolves to the updated item, or undefined after reporting a failure. */
export async function updateItem(id: number, patch: FieldPatch): Promise<MediaItem | undefined> {
  const fields = (Object.keys(patch) as FieldName[]).map((f) => FIELD_LABELS[f]).join(', ');
  return attempt(`save the ${fields}`, async () => {
    const before = await currentItem(id);
    const previous = previousValues(before, patch);
    const updated = await applyPatch(id, patch);
    recordEdit({
      label: `Edit ${fields} of “${before.name}”`,
      undo: async () => void (await applyPatch(id, previous)),
      redo: async () => void (await applyPatch(id, patch)),
    });
    return updated;
  });
}

/**
 * Renames the item; with `onDisk` the file too (in its folder, never overwriting). Undo puts
 * the old name back the same way, so an on-disk rename is undone on disk as well.
 */
export async function renameItem(id: number, name: string, onDisk: boolean): Promise<MediaItem | undefined> {
  return attempt(onDisk ? 'rename the file' : 'rename the item', async () => {
    const before = await currentItem(id);
    const rename = async (to: string, fileName: string): Promise<void> => {
      const item = await call('media.rename', { id, name: onDisk ? fileName : to, onDisk });
      // An on-disk rename names the file; the display name is put back to what the user sees.
      const shown = item.name === to ? item : await call('media.update', { id, patch: { name: to } });
      useStore.getState().putItems([shown]);
      noteChange({ aspects: ['fields'], ids: [id] });
    };
    const renamed = await call('media.rename', { id, name, onDisk });
    useStore.getState().putItems([renamed]);
    noteChange({ aspects: ['fields'], ids: [id] });
    recordEdit({
      label: `Rename “${before.name}” to “${renamed.name}”`,
      undo: () => rename(before.name, before.originalName),
      redo: () => rename(renamed.name, renamed.originalName),
    });
    return renamed;
  });
}

function countLabel(count: number): string {
  return count === 1 ? '1 item' : `${count} items`;
}

async function softDelete(ids: readonly number[]): Promise<{ ids: number[]; deletedCount: number }> {
  const all: number[] = [];
  let deletedCount = 0;
  for (const slice of chunked(ids)) {
    const result = await call('media.softDelete', { ids: slice });
    all.push(...result.ids);
    deletedCount += result.deletedCount;
  }
  noteChange({ aspects: ['trash'], ids: all });
  return { ids: all, deletedCount };
}

async function restore(ids: readonly number[]): Promise<number> {
  let restored = 0;
  for (const slice of chunked(ids)) restored += (await call('media.restore', { ids: slice })).restoredCount;
  noteChange({ aspects: ['trash'], ids: [...ids] });
  return restored;
}

export async function trashItems(ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const result = await attempt('move to the trash', () => softDelete(ids));
  if (!result) return;
  const extra = result.deletedCount - ids.length;
  notify(
    `Moved ${countLabel(ids.length)} to the trash`,
    extra > 0 ? `${countLabel(extra)} derived from them went too. Ctrl+Z undoes.` : 'Ctrl+Z undoes.',
  );
  recordEdit({
    label: `Move ${countLabel(ids.length)} to the trash`,
    undo: async () => void (await restore(result.ids)),
    redo: async () => void (await softDelete(result.ids)),
  });
}

export async function restoreItems(ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const restored = await attempt('restore from the trash', () => restore(ids));
  if (restored === undefined) return;
  notify(`Restored ${countLabel(restored)}`);
  recordEdit({
    label: `Restore ${countLabel(ids.length)}`,
    undo: async () => void (await softDelete(ids)),
    redo: async () => void (await restore(ids)),
  });
}

/** Not undoable: the records and thumbnails are gone (the files never are). */
export async function emptyTrash(): Promise<void> {
  const result = await attempt('empty the trash', () => call('trash.empty', {}));
  if (!result) return;
  notify(`Emptied the trash: ${countLabel(result.removedCount)} forgotten`, 'Your files on disk were not touched.');
  noteChange({ aspects: ['trash', 'items'] });
}

/** Desktop only, confirmed by the user in a dialog first: the files go to the OS trash. */
export async function trashFiles(ids: readonly number[]): Promise<void> {
  const result = await attempt('move the files to the system trash', () =>
    call('shell.trashFiles', { ids: [...ids], confirmed: true }),
  );
  if (!result) return;
  notify(`Moved ${countLabel(result.trashed)} to the system trash`);
  noteChange({ aspects: ['trash'] });
}
