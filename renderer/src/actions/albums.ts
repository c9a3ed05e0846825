/**
 * Albums from the sidebar, the gallery and the toolbar: make, rename, delete, add the
 * selection, remove it, reorder by drag, save the search as a smart album. Each records its
 * inverse for undo (Ctrl+Z), read from the library just before the edit.
 */
import type { Album, AlbumKind } from '../../../shared/albums.js';
import { call } from '../api/client.js';
import { placementsRestoring, type AlbumPlacement } from '../logic/album-order.js';
import { useStore } from '../store/store.js';
import { chunked } from './chunks.js';
import { noteChange } from './refresh.js';
import { attempt, notify } from './report.js';
import { recordEdit } from './undo.js';

export async function refreshAlbums(): Promise<void> {
  const albums = await attempt('load the albums', () => call('albums.list', {}));
  if (albums === undefined) return;
  const state = useStore.getState();
  state.setAlbums(albums);
  // The album shown was renamed, its search changed, or it was deleted (here or elsewhere).
  const { view } = state;
  if (view.kind !== 'album' && view.kind !== 'smart') return;
  const shown = albums.find((album) => album.id === view.id && album.kind === view.kind);
  if (shown === undefined) state.setView({ kind: 'all' });
  else if (shown.name !== view.name || (view.kind === 'smart' && shown.query !== view.query)) {
    useStore.setState({ view: view.kind === 'smart' ? { ...view, name: shown.name, query: shown.query ?? '' } : { ...view, name: shown.name } });
  }
}

function changed(ids?: readonly number[]): void {
  noteChange(ids === undefined ? { aspects: ['albums'] } : { aspects: ['albums'], ids: [...ids] });
  void refreshAlbums();
}

const KIND_WORD: Record<AlbumKind, string> = { album: 'album', smart: 'smart album', folder: 'folder' };

async function addInParts(albumId: number, ids: readonly number[], moveBefore?: number | null): Promise<void> {
  // The first part takes the place; the next ones follow it, before the same item.
  for (const part of chunked(ids)) await call('albums.editItems', { id: albumId, add: part, ...(moveBefore === undefined ? {} : { moveBefore }) });
}

async function place(albumId: number, steps: readonly AlbumPlacement[]): Promise<void> {
  for (const step of steps) await addInParts(albumId, step.add, step.moveBefore);
}

async function removeInParts(albumId: number, ids: readonly number[]): Promise<void> {
  for (const part of chunked(ids)) await call('albums.editItems', { id: albumId, remove: part });
}

export async function createAlbum(name: string, kind: AlbumKind, parentId: number | null, query?: string): Promise<Album | undefined> {
  const album = await attempt(`make the ${KIND_WORD[kind]}`, () => call('albums.create', { name, kind, parentId, ...(query === undefined ? {} : { query }) }));
  if (album === undefined) return undefined;
  let current = album;
  changed();
  recordEdit({
    label: `Make ${KIND_WORD[kind]} “${name}”`,
    undo: async () => {
      await call('albums.delete', { id: current.id });
      changed();
    },
    redo: async () => {
      current = await call('albums.create', { name, kind, parentId, ...(query === undefined ? {} : { query }) });
      changed();
    },
  });
  return album;
}

export async function renameAlbum(album: Album, name: string): Promise<void> {
  if (name === album.name) return;
  const done = await attempt(`rename “${album.name}”`, () => call('albums.update', { id: album.id, name }));
  if (done === undefined) return;
  changed();
  recordEdit({
    label: `Rename “${album.name}” to “${name}”`,
    undo: async () => {
      await call('albums.update', { id: album.id, name: album.name });
      changed();
    },
    redo: async () => {
      await call('albums.update', { id: album.id, name });
      changed();
    },
  });
}

export async function moveAlbum(album: Album, parentId: number | null): Promise<void> {
  const done = await attempt(`move “${album.name}”`, () => call('albums.update', { id: album.id, parentId }));
  if (done === undefined) return;
  changed();
  recordEdit({
    label: `Move “${album.name}”`,
    undo: async () => {
      await call('albums.update', { id: album.id, parentId: album.parentId });
      changed();
    },
    redo: async () => {
      await call('albums.update', { id: album.id, parentId });
      changed();
    },
  });
}

/** Deleting keeps the items; undo makes the album again with the same items in the same order. */
export async function deleteAlbum(album: Album): Promise<void> {
  const items = album.kind === 'album' ? ((await attempt('read the album', () => call('albums.itemIds', { id: album.id })))?.ids ?? null) : [];
  if (items === null) return;
  const done = await attempt(`delete “${album.name}”`, () => call('albums.delete', { id: album.id }));
  if (done === undefined) return;
  const state = useStore.getState();
  if ((state.view.kind === 'album' || state.view.kind === 'smart') && state.view.id === album.id) state.setView({ kind: 'all' });
  changed();
  let id = album.id;
  recordEdit({
    label: `Delete ${KIND_WORD[album.kind]} “${album.name}”`,
    undo: async () => {
      const made = await call('albums.create', {
        name: album.name,
        kind: album.kind,
        parentId: album.parentId,
        ...(album.query === undefined ? {} : { query: album.query }),
      });
      id = made.id;
      if (items.length > 0) await addInParts(id, items);
      changed();
    },
    redo: async () => {
      await call('albums.delete', { id });
      changed();
    },
  });
}

/** Adds items (appended, in the order given); undo takes out only those that were not there. */
export async function addToAlbum(album: Album, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const done = await attempt(`add to “${album.name}”`, async () => {
    const before = new Set((await call('albums.itemIds', { id: album.id })).ids);
    await addInParts(album.id, ids);
    return ids.filter((id) => !before.has(id));
  });
  if (done === undefined) return;
  changed(ids);
  notify(`Added ${done.length === 1 ? '1 item' : `${done.length.toLocaleString()} items`} to “${album.name}”`);
  recordEdit({
    label: `Add to “${album.name}”`,
    undo: async () => {
      await removeInParts(album.id, done);
      changed(done);
    },
    redo: async () => {
      await addInParts(album.id, done);
      changed(done);
    },
  });
}

/** Removes items; undo puts each back in its place. */
export async function removeFromAlbum(albumId: number, name: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const back = await attempt(`remove from “${name}”`, async () => {
    const order = (await call('albums.itemIds', { id: albumId })).ids;
    await removeInParts(albumId, ids);
    return placementsRestoring(order, new Set(ids));
  });
  if (back === undefined) return;
  changed(ids);
  recordEdit({
    label: `Remove from “${name}”`,
    undo: async () => {
      await place(albumId, back);
      changed(ids);
    },
    redo: async () => {
      await removeInParts(albumId, ids);
      changed(ids);
    },
  });
}

/** Moves items (in the order given) before another item of the album; undo puts them back. */
export async function reorderAlbum(albumId: number, name: string, ids: readonly number[], before: number | null): Promise<void> {
  const moving = ids.filter((id) => id !== before);
  if (moving.length === 0) return;
  const back = await attempt(`reorder “${name}”`, async () => {
    const order = (await call('albums.itemIds', { id: albumId })).ids;
    await addInParts(albumId, moving, before);
    return placementsRestoring(order, new Set(moving));
  });
  if (back === undefined) return;
  changed(moving);
  recordEdit({
    label: `Reorder “${name}”`,
    undo: async () => {
      await place(albumId, back);
      changed(moving);
    },
    redo: async () => {
      await addInParts(albumId, moving, before);
      changed(moving);
    },
  });
}
