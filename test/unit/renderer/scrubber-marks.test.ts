import { describe, expect, it } from 'vitest';
import {
  bucketAt,
  bucketLabel,
  bucketStarts,
  fractionOfIndex,
  indexAtFraction,
  scrubberMarks,
  stepBucket,
} from '../../../renderer/src/logic/scrubber-marks.js';

// Twenty years of months, newest first, with a busy December every year.
const months = Array.from({ length: 240 }, (_, i) => {
  const year = 2024 - Math.floor(i / 12);
  const month = 12 - (i % 12);
  return { key: `${year}-${String(month).padStart(2, '0')}`, count: month === 12 ? 500 : 100 };
});
const total = months.reduce((sum, b) => sum + b.count, 0);

describe('bucket positions', () => {
  it('starts each bucket after the ones before it and finds the bucket of any position', () => {
    const starts = bucketStarts(months);
    expect(starts.slice(0, 3)).toEqual([0, 500, 600]);
    expect(bucketAt(starts, 0)).toBe(0);
    expect(bucketAt(starts, 499)).toBe(0);
    expect(bucketAt(starts, 500)).toBe(1);
    expect(bucketAt(starts, total - 1)).toBe(239);
  });

  it('maps the bar to positions by item count: half way is the middle item', () => {
    expect(indexAtFraction(0, total)).toBe(0);
    expect(indexAtFraction(0.5, total)).toBe(total / 2);
    expect(indexAtFraction(1, total)).toBe(total - 1);
    expect(fractionOfIndex(total / 4, total)).toBe(0.25);
    expect(indexAtFraction(0.5, 0)).toBe(0);
  });
});

describe('scrubberMarks', () => {
  it('labels each year where it starts, in proportion to its items, without crowding', () => {
    const marks = scrubberMarks('month', months, 800);
    const labels = marks.filter((m) => m.label !== null);
    expect(labels[0]).toMatchObject({ top: 0, label: '2024' });
    // Every year holds the same number of items: one twentieth of the bar each.
    expect(labels[1]?.top).toBeCloseTo(40, 6);
    expect(labels.map((m) => m.label)).toHaveLength(20);
    for (let i = 1; i < labels.length; i += 1) expect((labels[i]?.top ?? 0) - (labels[i - 1]?.top ?? 0)).toBeGreaterThanOrEqual(18);
    expect(marks.some((m) => m.label === null)).toBe(true);
  });

  it('leaves labels out on a short bar rather than overlapping them', () => {
    const labels = scrubberMarks('month', months, 200).filter((m) => m.label !== null);
    expect(labels.length).toBeLessThan(20);
    expect(labels.length).toBeGreaterThan(5);
  });

  it('labels letters and size bands by name', () => {
    const letters = scrubberMarks('letter', [{ key: 'a', count: 5 }, { key: 'b', count: 5 }], 400);
    expect(letters.map((m) => m.label)).toEqual(['A', 'B']);
    expect(scrubberMarks('size', [{ key: '2', count: 5 }, { key: '3', count: 5 }], 400).map((m) => m.label)).toEqual(['100 KB–1 MB', '1–2 MB']);
  });
});

describe('bucketLabel', () => {
  it('names a month, a letter, a band', () => {
    expect(bucketLabel('month', '2012-03', 'en-GB')).toBe('March 2012');
    expect(bucketLabel('letter', 'é', 'fr')).toBe('É');
    expect(bucketLabel('size', '8')).toBe('1 GB and more');
  });
});

describe('stepBucket', () => {
  it('steps by month, by year with the page keys, and to either end', () => {
    expect(stepBucket('month', 5, 240, 'ArrowDown')).toBe(6);
    expect(stepBucket('month', 0, 240, 'ArrowUp')).toBe(0);
    expect(stepBucket('month', 5, 240, 'PageDown')).toBe(17);
    expect(stepBucket('month', 5, 240, 'End')).toBe(239);
    expect(stepBucket('letter', 5, 26, 'PageUp')).toBe(0);
    expect(stepBucket('month', 5, 240, 'a')).toBeNull();
  });
});

describe('scrubberMarks with a sliver of a year at the top', () => {
  it('labels the full year after it instead', () => {
    const withSliver = [{ key: '2025-01', count: 3 }, ...months];
    const labels = scrubberMarks('month', withSliver, 800).filter((m) => m.label !== null);
    expect(labels[0]?.label).toBe('2024');
  });
});
