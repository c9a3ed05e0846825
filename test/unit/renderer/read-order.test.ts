import { describe, expect, it } from 'vitest';
import { ReadOrder } from '../../../renderer/src/logic/read-order.js';

describe('ReadOrder', () => {
  it('applies answers in order, drops one older than an answer applied, and applies a late one that is newer', () => {
    const order = new ReadOrder();
    const first = order.ask();
    const second = order.ask();
    const third = order.ask();
    expect(order.fresh(second)).toBe(true);
    // The first read's answer came after the second's: it would put an older state back.
    expect(order.fresh(first)).toBe(false);
    expect(order.fresh(third)).toBe(true);
    expect(order.fresh(order.ask())).toBe(true);
  });

  it('applies every answer of reads that come back in the order they were asked', () => {
    const order = new ReadOrder();
    const reads = [order.ask(), order.ask(), order.ask()];
    expect(reads.map((read) => order.fresh(read))).toEqual([true, true, true]);
  });
});
