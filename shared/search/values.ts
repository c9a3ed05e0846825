/**
 * The values a field takes: numbers with comparisons and ranges, sizes with units, calendar
 * dates to a year, month or day, ages (`7d`). Each reader gets the value's text and where it
 * starts in the query, and throws a positioned error naming what it expected.
 */
import type { AgeUnit, Comparison, DateTest, NumberTest } from './ast.js';
import { searchError } from './search-error.js';

const COMPARISON = /^(<=|>=|<|>|=)?/u;

function splitComparison(text: string): { op: Comparison; rest: string; opLength: number } {
  const op = (COMPARISON.exec(text)?.[1] ?? '') as Comparison | '';
  return { op: op === '' ? '=' : op, rest: text.slice(op.length), opLength: op.length };
}

export interface NumberRule {
  /** How the field is named in the sentences ("A rating"). */
  what: string;
  min: number;
  max: number;
  integer: boolean;
  /** Sizes: a number may carry a unit (10MB); returns the factor, or null for an unknown unit. */
  unit?: (suffix: string) => number | null;
}

const NUMBER = /^(\d+(?:\.\d+)?|\.\d+)([a-z]*)$/iu;

function readNumber(text: string, at: number, rule: NumberRule): number {
  const match = NUMBER.exec(text);
  if (match === null) throw searchError(`${rule.what} needs a number here, not "${text}"`, at, text.length);
  const suffix = match[2] ?? '';
  let factor = 1;
  if (suffix !== '') {
    const unit = rule.unit?.(suffix) ?? null;
    if (unit === null) throw searchError(`${rule.what} does not take the unit "${suffix}"`, at + (match[1] ?? '').length, suffix.length);
    factor = unit;
  }
  const value = Number(match[1]) * factor;
  if (rule.integer && !Number.isInteger(value)) throw searchError(`${rule.what} is a whole number, not ${text}`, at, text.length);
  if (value < rule.min || value > rule.max) throw searchError(`${rule.what} is from ${rule.min} to ${rule.max}, not ${text}`, at, text.length);
  return rule.unit === undefined ? value : Math.round(value);
}

export function readNumberTest(text: string, at: number, rule: NumberRule): NumberTest {
  const range = text.indexOf('..');
  if (range !== -1) {
    const from = readNumber(text.slice(0, range), at, rule);
    const to = readNumber(text.slice(range + 2), at + range + 2, rule);
    if (from > to) throw searchError(`${rule.what} range runs from the smaller number to the larger`, at, text.length);
    return { kind: 'range', from, to };
  }
  const { op, rest, opLength } = splitComparison(text);
  if (rest === '') throw searchError(`${rule.what} needs a number after "${op}"`, at, Math.max(1, text.length));
  return { kind: 'compare', op, value: readNumber(rest, at + opLength, rule) };
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, k: 1e3, m: 1e6, g: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3,
};
export const sizeUnit = (suffix: string): number | null => SIZE_UNITS[suffix.toLowerCase()] ?? null;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date written to a year, month or day; checked, returned as written. */
function readDate(text: string, at: number, what: string): string {
  const match = DATE.exec(text);
  if (match === null) throw searchError(`${what} is a date written 2023, 2023-06 or 2023-06-15, not "${text}"`, at, text.length);
  const year = Number(match[1]);
  if (year < 1000) throw searchError(`${what} has a four-digit year, not ${match[1]}`, at, 4);
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) throw searchError(`${what} has a month from 01 to 12, not ${match[2]}`, at + 5, 2);
    if (match[3] !== undefined) {
      const day = Number(match[3]);
      if (day < 1 || day > daysIn(year, month)) throw searchError(`${what} has no day ${match[3]} in ${match[1]}-${match[2]}`, at + 8, 2);
    }
  }
  return text;
}

const AGE = /^(\d+)([hdwmy])$/u;

export function readDateTest(text: string, at: number, what: string): DateTest {
  const range = text.indexOf('..');
  if (range !== -1) {
    const from = readDate(text.slice(0, range), at, what);
    const to = readDate(text.slice(range + 2), at + range + 2, what);
    if (dateStart(from) > dateStart(to)) throw searchError(`${what} range runs from the earlier date to the later`, at, text.length);
    return { kind: 'range', from, to };
  }
  const { op, rest, opLength } = splitComparison(text);
  if (rest === '') throw searchError(`${what} needs a date after "${op}"`, at, Math.max(1, text.length));
  const age = AGE.exec(rest);
  if (age !== null) {
    const amount = Number(age[1]);
    if (amount < 1 || amount > 100_000) throw searchError(`${what} is an age of 1 or more, as 7d`, at + opLength, rest.length);
    return { kind: 'age', op, amount, unit: age[2] as AgeUnit };
  }
  if (/^\d+[a-z]+$/iu.test(rest)) {
    throw searchError(`${what} is an age in h, d, w, m or y (as 7d), not "${rest}"`, at + opLength, rest.length);
  }
  return { kind: 'compare', op, value: readDate(rest, at + opLength, what) };
}

/**
 * The first day of a date written to a year, month or day, as `YYYY-MM-DD`. Stored times are
 * ISO text ("2023-06-15T10:00:00…"), so every time on that day sorts at or after it, whatever
 * precision or zone suffix it was written with.
 */
export function dateStart(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/** The first day after a date written to a year, month or day, as `YYYY-MM-DD`. */
export function dateEnd(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  const next = month === undefined
    ? new Date(Date.UTC(year + 1, 0, 1))
    : day === undefined
      ? new Date(Date.UTC(year, month, 1))
      : new Date(Date.UTC(year, month - 1, day + 1));
  return next.toISOString().slice(0, 10);
}

/** `now` moved back by an age. */
export function ageStart(now: Date, amount: number, unit: AgeUnit): string {
  const at = new Date(now.getTime());
  if (unit === 'h') at.setUTCHours(at.getUTCHours() - amount);
  else if (unit === 'd') at.setUTCDate(at.getUTCDate() - amount);
  else if (unit === 'w') at.setUTCDate(at.getUTCDate() - 7 * amount);
  else if (unit === 'm') at.setUTCMonth(at.getUTCMonth() - amount);
  else at.setUTCFullYear(at.getUTCFullYear() - amount);
  return at.toISOString();
}
