import { describe, expect, it } from 'vitest';
import { curatingInverse } from '../../../renderer/src/logic/curating-inverse.js';
import { curatingForKey, describeCuratingChange, SHORTCUTS } from '../../../renderer/src/logic/curating-keys.js';

describe('curatingForKey (Lightroom keys)', () => {
  it('0–5 rate, 0 clearing the rating', () => {
    for (const stars of [0, 1, 2, 3, 4, 5]) expect(curatingForKey({ key: String(stars) })).toEqual({ rating: stars });
  });

  it('6–9 set the red, yellow, green and blue labels', () => {
    expect(['6', '7', '8', '9'].map((key) => curatingForKey({ key }))).toEqual([
      { label: 'red' },
      { label: 'yellow' },
      { label: 'green' },
      { label: 'blue' },
    ]);
  });

  it('P picks, X rejects, U unflags, in either case', () => {
    expect(curatingForKey({ key: 'p' })).toEqual({ flag: 'pick' });
    expect(curatingForKey({ key: 'P' })).toEqual({ flag: 'pick' });
    expect(curatingForKey({ key: 'x' })).toEqual({ flag: 'reject' });
    expect(curatingForKey({ key: 'U' })).toEqual({ flag: 'none' });
  });

  it('leaves other keys and every key with Ctrl, Cmd or Alt alone', () => {
    for (const key of ['a', 't', '?', 'Enter', 'ArrowLeft', ' ', 'F2', '10']) expect(curatingForKey({ key })).toBeNull();
    expect(curatingForKey({ key: '1', ctrlKey: true })).toBeNull();
    expect(curatingForKey({ key: 'p', metaKey: true })).toBeNull();
    expect(curatingForKey({ key: 'x', altKey: true })).toBeNull();
  });

  it('describes a change in words for the undo history', () => {
    expect(describeCuratingChange({ rating: 4 })).toBe('Rate 4 stars');
    expect(describeCuratingChange({ rating: 1 })).toBe('Rate 1 star');
    expect(describeCuratingChange({ rating: 0 })).toBe('Clear rating');
    expect(describeCuratingChange({ label: 'red', flag: 'pick' })).toBe('Label red, Pick');
    expect(describeCuratingChange({ flag: 'none' })).toBe('Unflag');
  });

  it('the help overlay lists every curating key, T and ?', () => {
    const keys = SHORTCUTS.map((s) => s.keys).join(' ');
    for (const key of ['0 – 5', '6 7 8 9', 'P / X / U', 'T', '?']) expect(keys).toContain(key);
  });
});

describe('curatingInverse', () => {
  it('groups the items by what they held, for the changed fields only, skipping unchanged ones', () => {
    const before = [
      { id: 1, rating: 0, label: 'none', flag: 'none' },
      { id: 2, rating: 3, label: 'red', flag: 'pick' },
      { id: 3, rating: 0, label: 'blue', flag: 'none' },
      { id: 4, rating: 5, label: 'none', flag: 'none' },
    ] as const;
    expect(curatingInverse(before, { rating: 5 })).toEqual([
      { ids: [1, 3], change: { rating: 0 } },
      { ids: [2], change: { rating: 3 } },
    ]);
    expect(curatingInverse(before, { label: 'red', flag: 'reject' })).toEqual([
      { ids: [1, 4], change: { label: 'none', flag: 'none' } },
      { ids: [2], change: { flag: 'pick' } },
      { ids: [3], change: { label: 'blue', flag: 'none' } },
    ]);
    expect(curatingInverse([before[3]], { rating: 5 })).toEqual([]);
  });
});
