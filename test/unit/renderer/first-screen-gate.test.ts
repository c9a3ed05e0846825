import { describe, expect, it } from 'vitest';
import { createGate } from '../../../renderer/src/api/first-screen-gate.js';

describe('the first-screen gate', () => {
  it('holds calls until it opens, then lets every later one through at once', async () => {
    const timers: (() => void)[] = [];
    const gate = createGate(1_500, (fn) => timers.push(fn));
    let passed = 0;
    const held = [gate.passed(), gate.passed()].map((p) => p.then(() => (passed += 1)));
    await Promise.resolve();
    expect(passed).toBe(0);
    gate.open();
    await Promise.all(held);
    expect(passed).toBe(2);
    expect(gate.isOpen).toBe(true);
    await gate.passed();
  });

  it('opens by itself after its timeout, counted from the first call held', async () => {
    const timers: { fn: () => void; ms: number }[] = [];
    const gate = createGate(1_500, (fn, ms) => timers.push({ fn, ms }));
    expect(timers).toHaveLength(0); // no call held yet: no clock
    const held = gate.passed();
    void gate.passed();
    expect(timers).toEqual([{ fn: expect.any(Function), ms: 1_500 }]);
    timers[0]?.fn();
    await held;
    expect(gate.isOpen).toBe(true);
  });
});
