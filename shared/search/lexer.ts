/**
 * The search text → tokens, each with its place. A term is one run of text without spaces or
 * parentheses: `field:value`, `#tag`, a word, or a quoted phrase; a quote may also follow a
 * field's colon (`album:"Summer 2023"`). Inside quotes `\"` is a quote and `\\` a backslash.
 */
import { searchError } from './search-error.js';

export type Token =
  | { kind: 'open' | 'close' | 'or' | 'not'; start: number; end: number }
  /** `name` is the field as written before the colon ('#' for the tag shorthand), null for words and phrases. */
  | {
      kind: 'term';
      name: string | null;
      nameStart: number;
      value: string;
      valueStart: number;
      quoted: boolean;
      /** Text right after a field's closing quote (`ai:"golden retriever">=0.8`), '' when none. */
      suffix: string;
      suffixStart: number;
      start: number;
      end: number;
    };

const SPACE = /\s/u;
const BREAK = /[\s()"]/u;
const FIELD = /^([a-z]+):/iu;

function readQuoted(text: string, quoteAt: number): { value: string; end: number } {
  let value = '';
  let i = quoteAt + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') return { value, end: i + 1 };
    if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      value += text[i + 1];
      i += 2;
    } else {
      value += c;
      i += 1;
    }
  }
  throw searchError('This quote is never closed', quoteAt, text.length - quoteAt);
}

function readBare(text: string, from: number): number {
  let i = from;
  while (i < text.length && !BREAK.test(text[i] as string)) i += 1;
  return i;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (SPACE.test(c)) {
      i += 1;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'open' : 'close', start: i, end: i + 1 });
      i += 1;
    } else if (c === '-' && i + 1 < text.length && !SPACE.test(text[i + 1] as string) && text[i + 1] !== ')') {
      tokens.push({ kind: 'not', start: i, end: i + 1 });
      i += 1;
    } else if (c === '-') {
      throw searchError('A "-" negates the term right after it; nothing follows this one', i, 1);
    } else if (c === '"') {
      const { value, end } = readQuoted(text, i);
      tokens.push({ kind: 'term', name: null, nameStart: i, value, valueStart: i + 1, quoted: true, suffix: '', suffixStart: end, start: i, end });
      i = end;
    } else {
      const start = i;
      const rest = text.slice(i);
      const field = FIELD.exec(rest);
      const name = field !== null ? (field[1] as string) : c === '#' ? '#' : null;
      const valueStart = field !== null ? i + field[0].length : name === '#' ? i + 1 : i;
      if (text[valueStart] === '"' && name !== null) {
        const { value, end: closed } = readQuoted(text, valueStart);
        const end = readBare(text, closed);
        const suffix = text.slice(closed, end);
        tokens.push({ kind: 'term', name, nameStart: start, value, valueStart: valueStart + 1, quoted: true, suffix, suffixStart: closed, start, end });
        i = end;
        continue;
      }
      const end = readBare(text, valueStart);
      const value = text.slice(valueStart, end);
      if (name === null && value === 'OR') tokens.push({ kind: 'or', start, end });
      else tokens.push({ kind: 'term', name, nameStart: start, value, valueStart, quoted: false, suffix: '', suffixStart: end, start, end });
      i = end;
    }
  }
  return tokens;
}
