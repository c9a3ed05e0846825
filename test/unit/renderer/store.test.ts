import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress, MediaTile } from '../../../shared/media.js';
import { TILE_CACHE_LIMIT } from '../../../renderer/src/store/items-slice.js';
import { useStore } from '../../../renderer/src/store/store.js';

const initial = useStore.getState();

function tile(id: number): MediaTile {
  return {
    id,
    type: 'image',
    name: `IMG_${id}.jpg`,
    width: 10,
    height: 10,
    status: 'active',
    availability: 'present',
    fileState: 'ok',
    thumbnailSizes: [64],
    md5: null,
    rating: 0,
    label: 'none',
    flag: 'none',
  };
}

function progress(done: number, state: ImportProgress['state'] = 'running', jobId = 'a'): ImportProgress {
  return { jobId, state, total: 100, done, errors: 0, scanning: false, currentFile: null, startedAt: '', finishedAt: null, message: null };
}

beforeEach(() => useStore.setState(initial, true));

describe('the store', () => {
  it('combines every slice into one state', () => {
    const state = useStore.getState();
    for (const key of ['ids', 'selection', 'tiles', 'folders', 'importProgress', 'history', 'toasts']) expect(state).toHaveProperty(key);
  });

  it('keeps the tile cache bounded, dropping the tiles cached longest ago', () => {
    const { putTiles } = useStore.getState();
    putTiles(Array.from({ length: TILE_CACHE_LIMIT }, (_, i) => tile(i + 1)));
    putTiles([tile(1)]); // touched again: now the newest
    putTiles([tile(TILE_CACHE_LIMIT + 1), tile(TILE_CACHE_LIMIT + 2)]);
    const { tiles } = useStore.getState();
    expect(tiles.size).toBe(TILE_CACHE_LIMIT);
    expect(tiles.has(1)).toBe(true);
    expect(tiles.has(2)).toBe(false);
    expect(tiles.has(3)).toBe(false);
    expect(tiles.has(TILE_CACHE_LIMIT + 2)).toBe(true);
  });

  it('replaces a tile with a new object only for the ids that changed', () => {
    const { putTiles } = useStore.getState();
    putTiles([tile(1), tile(2)]);
    const before = useStore.getState().tiles;
    putTiles([{ ...tile(2), thumbnailSizes: [64, 128] }]);
    const after = useStore.getState().tiles;
    expect(after.get(1)).toBe(before.get(1));
    expect(after.get(2)).not.toBe(before.get(2));
  });

  it('indexes a new id list and marks it loaded', () => {
    useStore.getState().setIds([5, 3, 9]);
    const state = useStore.getState();
    expect(state.idIndex.indexOf(9)).toBe(2);
    expect(state.idsLoading).toBe(false);
  });

  it('switching to the same view again does not reload', () => {
    useStore.getState().setIds([1]);
    useStore.getState().setView({ kind: 'all' });
    expect(useStore.getState().idsLoading).toBe(false);
    useStore.getState().setView({ kind: 'trash' });
    expect(useStore.getState().idsLoading).toBe(true);
  });

  it('never lets an import progress go back to an older count of the same job', () => {
    const { setImportProgress } = useStore.getState();
    setImportProgress(progress(10));
    setImportProgress(progress(5));
    expect(useStore.getState().importProgress?.done).toBe(10);
    setImportProgress(progress(3, 'running', 'b'));
    expect(useStore.getState().importProgress?.jobId).toBe('b');
    setImportProgress(progress(0, 'cancelled', 'b'));
    expect(useStore.getState().importProgress?.state).toBe('cancelled');
  });

  it('keeps the last few messages and counts open modals', () => {
    const state = useStore.getState();
    for (let i = 0; i < 6; i += 1) state.addToast({ kind: 'info', title: `m${i}`, detail: null });
    expect(useStore.getState().toasts.map((t) => t.title)).toEqual(['m2', 'm3', 'm4', 'm5']);
    state.modalOpened();
    state.modalClosed();
    state.modalClosed();
    expect(useStore.getState().openModals).toBe(0);
  });
});
