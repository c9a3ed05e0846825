import { describe, expect, it } from 'vitest';
import { invertTagChanges, isEmptyChange, replayTagChanges } from '../../../renderer/src/logic/tag-changes.js';

describe('tag change inverses', () => {
  it('removes what was added and adds back what was removed, grouped by id set', () => {
    const changes = {
      added: [
        { tag: 'beach', ids: [3, 1, 2] },
        { tag: 'sun', ids: [1, 2, 3] },
      ],
      removed: [{ tag: 'old', ids: [2] }],
    };
    expect(invertTagChanges(changes)).toEqual([
      { ids: [2], add: ['old'], remove: [] },
      { ids: [1, 2, 3], add: [], remove: ['beach', 'sun'] },
    ]);
    expect(replayTagChanges(changes)).toEqual([
      { ids: [1, 2, 3], add: ['beach', 'sun'], remove: [] },
      { ids: [2], add: [], remove: ['old'] },
    ]);
  });

  it('only touches the items that really changed (one already had the tag)', () => {
    const changes = { added: [{ tag: 'beach', ids: [1, 3] }], removed: [] };
    expect(invertTagChanges(changes)).toEqual([{ ids: [1, 3], add: [], remove: ['beach'] }]);
  });

  it('recognises an edit that changed nothing', () => {
    expect(isEmptyChange({ added: [{ tag: 'x', ids: [] }], removed: [] })).toBe(true);
    expect(isEmptyChange({ added: [], removed: [{ tag: 'x', ids: [4] }] })).toBe(false);
    expect(invertTagChanges({ added: [{ tag: 'x', ids: [] }], removed: [] })).toEqual([]);
  });
});
