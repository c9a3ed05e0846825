/**
 * The timeline facet's model: month counts (media.sortBuckets by date taken, keys `YYYY-MM`)
 * grouped into years, newest first, and the search text that filters the gallery to one year
 * or month (`taken:2023-06`), replacing a `taken:` term the search already had.
 */
import type { SortBucket } from '../../../shared/sort-buckets.js';

export interface TimelineYear {
  year: string;
  count: number;
  months: { key: string; count: number }[];
}

const MONTH_KEY = /^\d{4}-\d{2}$/u;

export function timelineYears(buckets: readonly SortBucket[]): TimelineYear[] {
  const years = new Map<string, TimelineYear>();
  for (const bucket of buckets) {
    if (!MONTH_KEY.test(bucket.key)) continue;
    const year = bucket.key.slice(0, 4);
    const entry = years.get(year) ?? { year, count: 0, months: [] };
    entry.count += bucket.count;
    entry.months.push({ key: bucket.key, count: bucket.count });
    years.set(year, entry);
  }
  const list = [...years.values()].sort((a, b) => (a.year < b.year ? 1 : -1));
  for (const year of list) year.months.sort((a, b) => (a.key < b.key ? 1 : -1));
  return list;
}

/** A `taken:` term standing on its own at the top of the query (not negated, not in quotes). */
const TAKEN_TERM = /(^|\s)taken:[^\s()"]+(?=\s|$)/giu;

export function withoutTakenTerm(search: string): string {
  return search.replace(TAKEN_TERM, ' ').replace(/\s+/gu, ' ').trim();
}

export function withTakenTerm(search: string, value: string): string {
  const rest = withoutTakenTerm(search);
  return rest === '' ? `taken:${value}` : `${rest} taken:${value}`;
}

/** The year or month the search is filtered to by a lone `taken:` term, if any. */
export function takenTermOf(search: string): string | null {
  const found = [...search.matchAll(TAKEN_TERM)];
  return found.length === 1 ? (found[0]?.[0] ?? '').trim().slice('taken:'.length) : null;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(key: string): string {
  return MONTH_NAMES[Number(key.slice(5, 7)) - 1] ?? key;
}
