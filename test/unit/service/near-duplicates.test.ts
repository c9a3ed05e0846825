import { describe, expect, it } from 'vitest';
import type { HashedItem } from '../../../electron/library/db/perceptual-hash-repo.js';
import { confidenceFraction } from '../../../electron/library/service/auto-tag.js';
import { duplicateGroups, similarTo } from '../../../electron/library/service/near-duplicates.js';
import { hammingDistance, hashHalves } from '../../../electron/library/thumbnails/perceptual-hash.js';

const item = (id: number, md5: string, dhash: string | null, width = 100): HashedItem => ({ id, md5, dhash, file_size: width * 10, width, height: width });

describe('hammingDistance', () => {
  it('counts the differing bits of two 64-bit hashes', () => {
    const [aHi, aLo] = hashHalves('ffffffff00000000');
    const [bHi, bLo] = hashHalves('fffffffe00000003');
    expect(hammingDistance(aHi, aLo, bHi, bLo)).toBe(3);
    expect(hammingDistance(aHi, aLo, aHi, aLo)).toBe(0);
    const [zHi, zLo] = hashHalves('0000000000000000');
    const [oHi, oLo] = hashHalves('ffffffffffffffff');
    expect(hammingDistance(zHi, zLo, oHi, oLo)).toBe(64);
  });
});

describe('duplicateGroups and similarTo', () => {
  const items = [
    item(1, 'a', '00000000000000ff', 640),
    item(2, 'a', '00000000000000ff', 640), // the same file twice
    item(3, 'b', '00000000000000fe', 320), // 1 bit off: a resized copy
    item(4, 'c', '0000000000000ff0', 100), // 8 bits off b, 8 off a: joined through the chain
    item(5, 'd', 'ffffffffffff0000'), // another picture
    item(6, 'e', null), // not hashed: only its md5 counts
    item(7, 'e', null),
  ];

  it('groups exact copies by md5 and near ones by hash distance, largest first', () => {
    expect(duplicateGroups(items, 8)).toEqual([
      { kind: 'exact', items: [expect.objectContaining({ id: 1 }), expect.objectContaining({ id: 2 })] },
      {
        kind: 'near',
        items: [
          expect.objectContaining({ id: 1, distance: 0 }),
          expect.objectContaining({ id: 2, distance: 0 }),
          expect.objectContaining({ id: 3, distance: 1 }),
          expect.objectContaining({ id: 4, distance: 8 }),
        ],
      },
      { kind: 'exact', items: [expect.objectContaining({ id: 6 }), expect.objectContaining({ id: 7 })] },
    ]);
    expect(duplicateGroups(items, 0).filter((group) => group.kind === 'near')).toEqual([]);
  });

  it('lists what looks like one item, closest first, without itself', () => {
    expect(similarTo(items, items[0] as HashedItem, 8, 10)).toEqual([
      { id: 2, distance: 0, sameFile: true },
      { id: 3, distance: 1, sameFile: false },
      { id: 4, distance: 8, sameFile: false },
    ]);
    expect(similarTo(items, items[0] as HashedItem, 8, 1)).toHaveLength(1);
  });
});

describe('confidenceFraction', () => {
  it('reads a minConfidence above 1 as ImageKit’s percentage', () => {
    expect(confidenceFraction(0.4)).toBe(0.4);
    expect(confidenceFraction(1)).toBe(1);
    expect(confidenceFraction(95)).toBe(0.95);
  });
});
