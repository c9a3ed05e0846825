import type { Result } from '../../../shared/contract.js';
import { colourIndex, type ColourIndex } from '../logic/tag-colours.js';
import { buildTagTree, type TagTree } from '../logic/tag-tree.js';
import type { Slice } from './types.js';

/** A tag of the vocabulary as the library lists it (path, parent, counts, colour, aliases, implications). */
export type TagNode = Result<'tags.tree'>[number];

/** The whole tag vocabulary as a tree (sidebar, tag manager, chip colours), and whether the manager is shown. */
export interface TagTreeSlice {
  tagNodes: readonly TagNode[];
  tagTree: TagTree<TagNode>;
  tagColours: ColourIndex;
  /** The tag manager replaces the gallery in the main area while open. */
  tagManagerOpen: boolean;
  setTagNodes(nodes: readonly TagNode[]): void;
  setTagManagerOpen(open: boolean): void;
}

export const createTagTreeSlice: Slice<TagTreeSlice> = (set) => ({
  tagNodes: [],
  tagTree: buildTagTree<TagNode>([]),
  tagColours: new Map(),
  tagManagerOpen: false,
  setTagNodes: (tagNodes) => set({ tagNodes, tagTree: buildTagTree(tagNodes), tagColours: colourIndex(tagNodes) }),
  setTagManagerOpen: (tagManagerOpen) => set({ tagManagerOpen }),
});
