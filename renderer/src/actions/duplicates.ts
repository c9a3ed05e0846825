/** The duplicates view's data and its one action: keep the best of a group, trash the others. */
import type { DuplicateGroup } from '../../../shared/duplicates.js';
import type { MediaTile } from '../../../shared/media.js';
import { call } from '../api/client.js';
import { attempt } from './report.js';
import { trashItems } from './edit-items.js';

export interface DuplicatesData {
  groups: DuplicateGroup[];
  unhashed: number;
  /** Name, thumbnails and the like of every item shown. */
  tiles: Map<number, MediaTile>;
}

const TILES_PER_CALL = 5_000;

export async function loadDuplicates(): Promise<DuplicatesData | undefined> {
  return attempt('find duplicates', async () => {
    const { groups, unhashed } = await call('duplicates.list', {});
    const ids = [...new Set(groups.flatMap((group) => group.items.map((item) => item.id)))];
    const tiles = new Map<number, MediaTile>();
    for (let i = 0; i < ids.length; i += TILES_PER_CALL) {
      for (const tile of await call('media.tiles', { ids: ids.slice(i, i + TILES_PER_CALL) })) tiles.set(tile.id, tile);
    }
    return { groups, unhashed, tiles };
  });
}

/**
 * "Keep the best": the first of each group (the server ranks most pixels, then largest file,
 * then oldest) stays; the others go to Folio's trash as one undoable edit. Files are untouched.
 */
export async function keepTheBest(groups: readonly DuplicateGroup[]): Promise<void> {
  const keep = new Set(groups.map((group) => group.items[0]?.id));
  const others = [...new Set(groups.flatMap((group) => group.items.slice(1).map((item) => item.id)))].filter((id) => !keep.has(id));
  await trashItems(others);
}
