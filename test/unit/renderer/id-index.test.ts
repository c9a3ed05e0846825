import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../../renderer/src/logic/selection.js';

describe('IdIndex', () => {
  it('finds positions of dense ids (an array by id) and misses cleanly', () => {
    const index = new IdIndex([5, 3, 9, 1]);
    expect([5, 3, 9, 1].map((id) => index.indexOf(id))).toEqual([0, 1, 2, 3]);
    for (const id of [0, 2, 4, 10, 1e9, -1, 1.5, Number.NaN]) expect(index.indexOf(id)).toBe(-1);
    expect(index.has(9)).toBe(true);
    expect(index.has(8)).toBe(false);
  });

  it('falls back to a map for sparse ids', () => {
    const ids = [2 ** 40, 7, 2 ** 31 + 5];
    const index = new IdIndex(ids);
    expect(ids.map((id) => index.indexOf(id))).toEqual([0, 1, 2]);
    expect(index.indexOf(8)).toBe(-1);
  });

  it('indexes 5,000,000 ids in a reversed order', () => {
    const ids = Array.from({ length: 5_000_000 }, (_, i) => 5_000_000 - i);
    const index = new IdIndex(ids);
    expect(index.indexOf(5_000_000)).toBe(0);
    expect(index.indexOf(1)).toBe(4_999_999);
    expect(index.indexOf(2_500_000)).toBe(2_500_000);
  });

  it('is empty for no ids', () => {
    expect(new IdIndex([]).indexOf(1)).toBe(-1);
  });
});
