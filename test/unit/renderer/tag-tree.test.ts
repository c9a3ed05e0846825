import { describe, expect, it } from 'vitest';
import { chipColour, colourIndex } from '../../../renderer/src/logic/tag-colours.js';
import { dropProblem, movedPath, renamedPath, writtenName } from '../../../renderer/src/logic/tag-move.js';
import { buildTagTree, expandedToReveal, filterTagTree, foldTagText, pathKey, visibleRows, type TreeTag } from '../../../renderer/src/logic/tag-tree.js';
import { treeKey, typeAhead } from '../../../renderer/src/logic/tree-keys.js';
import { tagKey } from '../../../shared/tags.js';
import { splitTagPath, tagPathKey } from '../../../shared/tag-path.js';
import { impliedWithSources, parentPathOf, suggestionsWithout } from '../../../renderer/src/logic/tag-suggestions.js';

let nextId = 1;
function tag(path: string, parentId: number | null, extra: Partial<TreeTag> = {}): TreeTag {
  const levels = path.split('/');
  return { id: nextId++, path, name: levels[levels.length - 1] as string, parentId, count: 1, branchCount: 1, colour: null, aliases: [], implies: [], ...extra };
}

/** Places / France / Paris, Places / Europe, animal, AC/DC (a slash inside one level). */
function library() {
  nextId = 1;
  const places = tag('Places', null, { count: 0, branchCount: 3 });
  const france = tag('Places/France', places.id, { count: 1, branchCount: 2 });
  const paris = tag('Places/France/Paris', france.id, { aliases: ['Lutèce'] });
  const europe = tag('Places/Europe', places.id, { count: 0, branchCount: 0 });
  const animal = tag('animal', null, { count: 4, branchCount: 4, colour: '#30a46c' });
  const acdc: TreeTag = { ...tag('x', null), path: 'AC\\/DC', name: 'AC/DC' };
  return { places, france, paris, europe, animal, acdc, all: [paris, animal, europe, france, acdc, places] };
}

const names = (rows: ReturnType<typeof visibleRows>): string[] => rows.map((r) => `${'  '.repeat(r.level - 1)}${r.node.tag.name}`);

describe('buildTagTree', () => {
  it('links children under parents whatever the input order, siblings by name', () => {
    const { all, places, france } = library();
    const tree = buildTagTree(all);
    expect(tree.roots.map((n) => n.tag.name)).toEqual(['AC/DC', 'animal', 'Places']);
    expect(tree.byId.get(places.id)?.children.map((n) => n.tag.name)).toEqual(['Europe', 'France']);
    expect(tree.byId.get(france.id)?.children[0]?.depth).toBe(2);
  });

  it('keeps a tag whose parent is missing, at the top', () => {
    const { paris } = library();
    const tree = buildTagTree([paris]);
    expect(tree.roots.map((n) => n.tag.path)).toEqual(['Places/France/Paris']);
  });

  it('does not loop on parent ids that form a cycle', () => {
    const a = { ...tag('a', null), id: 100, parentId: 101 };
    const b = { ...tag('b', null), id: 101, parentId: 100 };
    const tree = buildTagTree([a, b]);
    expect(tree.byId.size).toBe(2);
    expect(visibleRows(tree, new Set([100, 101])).length).toBe(2);
  });
});

describe('visibleRows', () => {
  it('shows children of expanded nodes only, with ARIA positions', () => {
    const { all, places, france } = library();
    const tree = buildTagTree(all);
    expect(names(visibleRows(tree, new Set()))).toEqual(['AC/DC', 'animal', 'Places']);
    const rows = visibleRows(tree, new Set([places.id, france.id]));
    expect(names(rows)).toEqual(['AC/DC', 'animal', 'Places', '  Europe', '  France', '    Paris']);
    const franceRow = rows.find((r) => r.node.tag.id === france.id);
    expect(franceRow).toMatchObject({ level: 2, hasChildren: true, expanded: true, position: 2, siblings: 2 });
  });

  it('reveals a tag by opening its ancestors', () => {
    const { all, paris, places, france } = library();
    const tree = buildTagTree(all);
    expect([...expandedToReveal(tree, paris.id, new Set())].sort()).toEqual([places.id, france.id].sort());
  });
});

describe('filterTagTree', () => {
  it('keeps the ancestors of matches and opens them', () => {
    const { all } = library();
    const tree = buildTagTree(all);
    const filter = filterTagTree(tree, 'par');
    expect(names(visibleRows(tree, new Set(), filter))).toEqual(['Places', '  France', '    Paris']);
  });

  it('folds case and matches aliases and paths', () => {
    const { all, paris } = library();
    const tree = buildTagTree(all);
    expect([...(filterTagTree(tree, 'LUTÈCE')?.matches ?? [])]).toEqual([paris.id]);
    expect(filterTagTree(tree, 'france/pa')?.matches.has(paris.id)).toBe(true);
    expect(filterTagTree(tree, 'ac/dc')?.matches.size).toBe(1);
  });

  it('is null with no text, and finds unused tags on request', () => {
    const { all, europe } = library();
    const tree = buildTagTree(all);
    expect(filterTagTree(tree, '  ')).toBeNull();
    const unused = filterTagTree(tree, '', true);
    expect([...(unused?.matches ?? [])]).toEqual([europe.id]);
    expect(names(visibleRows(tree, new Set(), unused))).toEqual(['Places', '  Europe']);
  });
});

describe('treeKey', () => {
  const setup = () => {
    const lib = library();
    const tree = buildTagTree(lib.all);
    return { ...lib, tree, rows: visibleRows(tree, new Set([lib.places.id])) };
  };

  it('moves up and down, clamped, and to either end', () => {
    const { rows, animal, acdc, places, france } = setup();
    expect(treeKey(rows, acdc.id, 'ArrowDown')).toEqual({ focus: animal.id });
    expect(treeKey(rows, acdc.id, 'ArrowUp')).toEqual({ focus: acdc.id });
    expect(treeKey(rows, animal.id, 'End')).toEqual({ focus: france.id });
    expect(treeKey(rows, france.id, 'Home')).toEqual({ focus: acdc.id });
    expect(treeKey(rows, france.id, 'ArrowDown')).toEqual({ focus: france.id });
    expect(treeKey(rows, null, 'ArrowDown')).toEqual({ focus: acdc.id });
    expect(places.id).toBeGreaterThan(0);
  });

  it('right opens a closed node, then steps into it; left closes, then steps out', () => {
    const { rows, places, france, europe, animal } = setup();
    expect(treeKey(rows, france.id, 'ArrowRight')).toEqual({ expand: france.id });
    expect(treeKey(rows, places.id, 'ArrowRight')).toEqual({ focus: europe.id });
    expect(treeKey(rows, animal.id, 'ArrowRight')).toEqual({});
    expect(treeKey(rows, places.id, 'ArrowLeft')).toEqual({ collapse: places.id });
    expect(treeKey(rows, europe.id, 'ArrowLeft')).toEqual({ focus: places.id });
    expect(treeKey(rows, animal.id, 'ArrowLeft')).toEqual({});
  });

  it('lets other keys through, and types ahead by name', () => {
    const { rows, animal, places, acdc } = setup();
    expect(treeKey(rows, animal.id, 'F2')).toBeNull();
    expect(typeAhead(rows, acdc.id, 'p')).toBe(places.id);
    expect(typeAhead(rows, places.id, 'a')).toBe(acdc.id);
    expect(typeAhead(rows, null, 'zz')).toBeNull();
  });
});

describe('dropProblem and movedPath', () => {
  it('refuses a move under itself or its own branch, and a move to where it already is', () => {
    const { all, places, france, paris, europe, animal } = library();
    const tree = buildTagTree(all);
    expect(dropProblem(tree, places.id, places.id)).toMatch(/under itself/);
    expect(dropProblem(tree, places.id, paris.id)).toMatch(/own branch/);
    expect(dropProblem(tree, france.id, places.id)).toMatch(/already under/);
    expect(dropProblem(tree, animal.id, null)).toMatch(/top level/);
    expect(dropProblem(tree, 999, null)).toMatch(/no longer/);
    expect(dropProblem(tree, france.id, europe.id)).toBeNull();
    expect(dropProblem(tree, paris.id, null)).toBeNull();
  });

  it('builds the moved path, escaping a slash inside a level', () => {
    const { all, france, europe, acdc, animal } = library();
    const tree = buildTagTree(all);
    expect(movedPath(tree.byId.get(france.id)!, tree.byId.get(europe.id)!)).toBe('Places/Europe/France');
    expect(movedPath(france, null)).toBe('France');
    expect(movedPath(acdc, animal)).toBe('animal/AC\\/DC');
    expect(movedPath(animal, acdc)).toBe('AC\\/DC/animal');
  });

  it('renames the last level in place, in the written syntax', () => {
    const { france, acdc, animal } = library();
    expect(renamedPath(france, 'Frankreich')).toBe('Places/Frankreich');
    expect(renamedPath(france, ' Gaule/Nord ')).toBe('Places/Gaule/Nord');
    expect(renamedPath(animal, 'animals')).toBe('animals');
    expect(renamedPath(animal, '  ')).toBeNull();
    expect(writtenName(acdc)).toBe('AC\\/DC');
  });
});

describe('chip colours', () => {
  it('uses the tag colour, else the nearest coloured ancestor, folding case', () => {
    const { all, places } = library();
    const index = colourIndex([...all.filter((t) => t.id !== places.id), { ...places, colour: '#3e63dd' }]);
    expect(chipColour(index, 'animal')).toBe('#30a46c');
    expect(chipColour(index, 'places/france/paris')).toBe('#3e63dd');
    expect(chipColour(index, 'Elsewhere')).toBeNull();
    expect(chipColour(colourIndex([]), 'animal')).toBeNull();
  });
});

describe('tag editor suggestions and implied tags', () => {
  it('drops suggestions already on the item, and doubles reached through an alias', () => {
    const list = [
      { path: 'Places/France/Paris', name: 'Paris', count: 3 },
      { path: 'New York', name: 'New York', count: 2, viaAlias: 'nyc' },
      { path: 'new york', name: 'new york', count: 2 },
    ];
    expect(suggestionsWithout(list, ['places/FRANCE/paris']).map((s) => s.viaAlias ?? s.path)).toEqual(['nyc']);
    expect(parentPathOf(list[0]!)).toBe('Places/France');
    expect(parentPathOf(list[1]!)).toBe('');
  });

  it('names the tag that implies each implied tag, along a chain', () => {
    nextId = 1;
    const kitten = tag('kitten', null, { implies: ['cat'] });
    const cat = tag('cat', null, { implies: ['animal'] });
    const animal = tag('animal', null);
    const tree = buildTagTree([kitten, cat, animal]);
    expect(impliedWithSources(['cat', 'animal', 'mystery'], ['Kitten'], tree)).toEqual([
      { path: 'cat', by: 'Kitten' },
      { path: 'animal', by: 'cat' },
      { path: 'mystery', by: null },
    ]);
  });
});

describe('visibleRows with include', () => {
  it('leaves out a branch without opening the others', () => {
    const { all } = library();
    const tree = buildTagTree(all);
    expect(names(visibleRows(tree, new Set(), null, (t) => t.branchCount > 0))).toEqual(['AC/DC', 'animal', 'Places']);
    const places = all.find((t) => t.path === 'Places')!;
    expect(names(visibleRows(tree, new Set([places.id]), null, (t) => t.branchCount > 0))).toEqual(['AC/DC', 'animal', 'Places', '  France']);
  });
});

describe('sibling order', () => {
  it('sorts digits by their value and folds case', () => {
    nextId = 1;
    const tags = ['tag 10', 'Tag 2', 'tag 1', 'apple', 'Zebra', 'élan'].map((p) => tag(p, null));
    expect(buildTagTree(tags).roots.map((n) => n.tag.name)).toEqual(['apple', 'tag 1', 'Tag 2', 'tag 10', 'Zebra', 'élan']);
  });
});

describe('foldTagText', () => {
  it('folds exactly as tagKey does, ASCII or not', () => {
    for (const text of ['Paris', 'NEW york', 'a\\/b', 'Straße', 'ΣΊΣΥΦΟΣ', 'Ame\u0301lie', 'K\u212A', '']) expect(foldTagText(text)).toBe(tagKey(text));
  });
});

describe('pathKey', () => {
  it('equals tagPathKey of the split path, with or without the fast path', () => {
    for (const path of ['Places/France/Paris', 'AC\\/DC/Live', 'a\\\\b/c', 'Straße/Köln', 'NEW YORK']) {
      expect(pathKey(path)).toBe(tagPathKey(splitTagPath(path)));
    }
  });
});
