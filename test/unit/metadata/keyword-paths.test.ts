import { describe, expect, it } from 'vitest';
import { dropBranches, keywordLevel, keywordPaths } from '../../../electron/library/metadata/keyword-paths.js';

describe('keyword paths from the keyword fields of other tools', () => {
  it('drops the flat dc:subject twins of a hierarchical keyword and the branches of a leaf', () => {
    const paths = keywordPaths({
      hierarchical: [{ texts: ['Places|France|Paris', 'Places|France', 'Places'], separator: '|' }],
      flat: ['Places', 'France', 'Paris', 'cat'],
    });
    expect(paths).toEqual([['Places', 'France', 'Paris'], ['cat']]);
  });

  it('merges the same path from several fields once, whatever the case', () => {
    const paths = keywordPaths({
      hierarchical: [
        { texts: ['Events|Wedding'], separator: '|' },
        { texts: ['events/wedding', 'People/Alice'], separator: '/' },
      ],
      flat: ['alice'],
    });
    expect(paths).toEqual([['Events', 'Wedding'], ['People', 'Alice']]);
  });

  it('keeps a slash inside a flat keyword as one level and skips a path with an empty level', () => {
    expect(keywordPaths({ hierarchical: [{ texts: ['a||b'], separator: '|' }], flat: ['AC/DC'] })).toEqual([['AC/DC']]);
  });

  it('makes a level of a keyword a tag can hold: commas become semicolons, controls spaces, empty is nothing', () => {
    expect(keywordLevel('Smith, John')).toBe('Smith; John');
    expect(keywordLevel('tab\there')).toBe('tab here');
    expect(keywordLevel('   ')).toBeNull();
  });

  it('keeps only the leaves', () => {
    expect(dropBranches([['a'], ['a', 'b'], ['a', 'b', 'c'], ['ab']])).toEqual([['a', 'b', 'c'], ['ab']]);
  });
});
