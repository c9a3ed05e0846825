/**
 * Rating, labelling and flagging the selection (the curating keys, the details panel). The
 * tiles change at once; undo puts back what each item held, read just before the edit.
 */
import type { MediaTile } from '../../../shared/media.js';
import { call } from '../api/client.js';
import { curatingInverse, type CuratingStep } from '../logic/curating-inverse.js';
import { describeCuratingChange, type CuratingChange } from '../logic/curating-keys.js';
import { useStore } from '../store/store.js';
import { chunked } from './chunks.js';
import { noteChange } from './refresh.js';
import { attempt } from './report.js';
import { recordEdit } from './undo.js';

// `media.tiles` answers at most this many ids per call.
const TILE_BATCH = 5_000;

async function currentTiles(ids: readonly number[]): Promise<MediaTile[]> {
  const tiles: MediaTile[] = [];
  for (const slice of chunked(ids, TILE_BATCH)) tiles.push(...(await call('media.tiles', { ids: slice })));
  return tiles;
}

/** Shows the change on the cached tiles and items before the library's refresh arrives. */
function showLocally(steps: readonly CuratingStep[]): void {
  const state = useStore.getState();
  const tiles: MediaTile[] = [];
  for (const { ids, change } of steps) {
    for (const id of ids) {
      const tile = state.tiles.get(id);
      if (tile) tiles.push({ ...tile, ...change });
    }
  }
  if (tiles.length > 0) state.putTiles(tiles);
}

async function apply(steps: readonly CuratingStep[]): Promise<void> {
  showLocally(steps);
  try {
    for (const { ids, change } of steps) {
      for (const slice of chunked(ids)) await call('media.setCurating', { ids: slice, ...change });
    }
  } finally {
    // Also after a refusal: the tiles shown at once are put back to what the library holds.
    noteChange({ aspects: ['fields'], ids: steps.flatMap((step) => step.ids) });
  }
}

/** Applies the change to the items; resolves to false after reporting a failure. */
export async function setCurating(ids: readonly number[], change: CuratingChange): Promise<boolean> {
  if (ids.length === 0) return false;
  const what = describeCuratingChange(change);
  const label = `${what} (${ids.length === 1 ? '1 item' : `${ids.length} items`})`;
  const done = await attempt(label.toLowerCase(), async () => {
    const before = await currentTiles(ids);
    const forward: CuratingStep[] = [{ ids: [...ids], change }];
    const back = curatingInverse(before, change);
    await apply(forward);
    if (back.length > 0) recordEdit({ label, undo: () => apply(back), redo: () => apply(forward) });
    return true;
  });
  return done === true;
}
