/**
 * The tag chips of a gallery tile: the tile carries its first tag ids (MediaTile.tagIds) and
 * how many tags it has; names and colours come from the tag tree the window holds, so renaming
 * or recolouring a tag redraws the chips without refetching a tile. Pure: no store, no DOM.
 */
import type { TagTreeNode, TreeTag } from './tag-tree.js';
import { chipColour, type ColourIndex } from './tag-colours.js';

export interface TileChip {
  id: number;
  /** The tag's last level: what fits on a tile. */
  name: string;
  path: string;
  colour: string | null;
}

export interface TileChips {
  chips: TileChip[];
  /** Tags not drawn (beyond the tile's few, or not in the tree yet): the "+N". */
  more: number;
}

export function tileChips(
  tagIds: readonly number[] | undefined,
  tagCount: number | undefined,
  byId: ReadonlyMap<number, TagTreeNode<TreeTag>>,
  colours: ColourIndex,
): TileChips {
  const chips: TileChip[] = [];
  for (const id of tagIds ?? []) {
    const node = byId.get(id);
    // A tag the tree does not know yet (made since it was read) waits for the tree's reload.
    if (node) chips.push({ id, name: node.tag.name, path: node.tag.path, colour: chipColour(colours, node.tag.path) });
  }
  return { chips, more: Math.max(0, (tagCount ?? 0) - chips.length) };
}

/** Tiles smaller than this show no chips: a 64 px tile has no room for a readable word. */
export const TILE_CHIPS_MIN_SIZE = 120;
