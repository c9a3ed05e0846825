/**
 * The scrubber beside the grid, as arithmetic: a place along the bar is a share of the view's
 * items (not of its pixels), so a month with twice the photos gets twice the length and a jump
 * to 50 % shows the item in the middle of the order. Marks are thinned so labels never overlap.
 */
import { SIZE_BAND_LABELS, type BucketKind, type SortBucket } from '../../../shared/sort-buckets.js';

/** Closer than this (px), a label is left out. */
const LABEL_GAP = 18;
/** Closer than this (px), a tick is left out. */
const TICK_GAP = 4;

export interface ScrubberMark {
  /** Distance from the bar's top, in px. */
  top: number;
  /** A label (a year, a letter, a size band), or null for a plain tick (a month). */
  label: string | null;
  bucket: number;
}

/** Where each bucket starts in the view's order (its first item's position). */
export function bucketStarts(buckets: readonly SortBucket[]): number[] {
  const starts: number[] = [];
  let sum = 0;
  for (const bucket of buckets) {
    starts.push(sum);
    sum += bucket.count;
  }
  return starts;
}

/** The bucket holding the item at position `index`. */
export function bucketAt(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= index) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** The item at a share `fraction` of the bar (0 top, 1 bottom). */
export function indexAtFraction(fraction: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(total - 1, Math.max(0, Math.floor(fraction * total)));
}

export function fractionOfIndex(index: number, total: number): number {
  return total <= 0 ? 0 : Math.min(1, Math.max(0, index / total));
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(locale: string | undefined): Intl.DateTimeFormat {
  const name = locale ?? '';
  let format = monthFormats.get(name);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(name, format);
  }
  return format;
}

/** What a bucket is called: "March 2012", "M", "1–2 MB". */
export function bucketLabel(kind: BucketKind, key: string, locale?: string): string {
  if (kind === 'size') return SIZE_BAND_LABELS[Number(key)] ?? key;
  if (kind === 'stars') return key === '0' ? 'Unrated' : `${'★'.repeat(Number(key))}`;
  if (kind === 'letter') return key === '' ? '…' : key.toLocaleUpperCase(locale);
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key === '' ? 'No date' : key;
  return monthFormat(locale).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** The short mark of a bucket along the bar: a month's year, a letter, a band. */
function markLabel(kind: BucketKind, key: string, locale?: string): string {
  return kind === 'month' ? key.slice(0, 4) : bucketLabel(kind, key, locale);
}

/**
 * Marks along a bar `height` px tall: a label where a year (or letter, or band) starts, a tick
 * for each month, each left out when it would crowd the one before it.
 */
export function scrubberMarks(kind: BucketKind, buckets: readonly SortBucket[], height: number, locale?: string): ScrubberMark[] {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (total === 0 || height <= 0) return [];
  const starts = bucketStarts(buckets);
  const tops = starts.map((start) => fractionOfIndex(start, total) * height);
  const groups = buckets.map((bucket) => markLabel(kind, bucket.key, locale));
  // Where each bucket's group (its year, letter, band) ends along the bar.
  const groupEnds: number[] = new Array<number>(buckets.length);
  let end = height;
  for (let i = buckets.length - 1; i >= 0; i -= 1) {
    groupEnds[i] = end;
    if (i === 0 || groups[i] !== groups[i - 1]) end = tops[i] as number;
  }
  const marks: ScrubberMark[] = [];
  let lastLabel = -Infinity;
  let lastTick = -Infinity;
  buckets.forEach((_, index) => {
    const top = tops[index] as number;
    const startsGroup = index === 0 || groups[index] !== groups[index - 1];
    // A sliver of a group (a few photos of a new year) at the top would take the label of the
    // full group after it: it gets a tick instead.
    const sliver = (groupEnds[index] as number) - top < TICK_GAP && index < buckets.length - 1;
    if (startsGroup && !sliver && top - lastLabel >= LABEL_GAP && top <= height - LABEL_GAP / 2) {
      marks.push({ top, label: groups[index] as string, bucket: index });
      lastLabel = top;
      lastTick = top;
    } else if (kind === 'month' && top - lastTick >= TICK_GAP) {
      marks.push({ top, label: null, bucket: index });
      lastTick = top;
    }
  });
  return marks;
}

/** A key step: the bucket to go to from `current`. Page keys move a year (twelve months) or five. */
export function stepBucket(kind: BucketKind, current: number, count: number, key: string): number | null {
  const page = kind === 'month' ? 12 : 5;
  const last = count - 1;
  switch (key) {
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(0, current - 1);
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(last, current + 1);
    case 'PageUp':
      return Math.max(0, current - page);
    case 'PageDown':
      return Math.min(last, current + page);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
