import { describe, expect, it } from 'vitest';
import { colourIndex } from '../../../renderer/src/logic/tag-colours.js';
import { buildTagTree, type TreeTag } from '../../../renderer/src/logic/tag-tree.js';
import { tileChips } from '../../../renderer/src/logic/tile-tags.js';

const tag = (id: number, path: string, parentId: number | null, colour: string | null = null): TreeTag => ({
  id,
  path,
  name: path.split('/').at(-1) as string,
  parentId,
  count: 1,
  branchCount: 1,
  colour,
});

const TAGS = [tag(1, 'Places', null, '#3e63dd'), tag(2, 'Places/Paris', 1), tag(3, 'cat', null), tag(4, 'dog', null, '#e5484d')];

describe('tile chips', () => {
  it('draws names and colours from the tree (a branch colour reaches a tag without its own), and counts the rest', () => {
    const tree = buildTagTree(TAGS);
    const chips = tileChips([2, 3, 4], 5, tree.byId, colourIndex(TAGS));
    expect(chips).toEqual({
      chips: [
        { id: 2, name: 'Paris', path: 'Places/Paris', colour: '#3e63dd' },
        { id: 3, name: 'cat', path: 'cat', colour: null },
        { id: 4, name: 'dog', path: 'dog', colour: '#e5484d' },
      ],
      more: 2,
    });
  });

  it('follows a rename and a recolour of the tree without new tile data', () => {
    const renamed = [tag(1, 'Travel', null, '#30a46c'), tag(2, 'Travel/Paris', 1), ...TAGS.slice(2)];
    expect(tileChips([2], 1, buildTagTree(renamed).byId, colourIndex(renamed)).chips).toEqual([
      { id: 2, name: 'Paris', path: 'Travel/Paris', colour: '#30a46c' },
    ]);
  });

  it('counts a tag the tree does not know yet in the "+N", and shows nothing for an untagged item', () => {
    const tree = buildTagTree(TAGS);
    expect(tileChips([3, 99], 2, tree.byId, colourIndex(TAGS))).toEqual({ chips: [{ id: 3, name: 'cat', path: 'cat', colour: null }], more: 1 });
    expect(tileChips(undefined, undefined, tree.byId, colourIndex(TAGS))).toEqual({ chips: [], more: 0 });
  });
});
