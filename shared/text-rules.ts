/**
 * One rule for every text the library stores, applied where text comes in (the argument
 * parser every transport calls, the HTTP body reader, the importer's file names):
 * - text must be valid Unicode: a lone UTF-16 surrogate (or bytes that are not UTF-8) is
 *   refused, never stored as something else, so that what was sent can address what is kept;
 * - a tag or a name needs at least one visible character;
 * - names made from file names have their control characters replaced, so what the API
 *   returns it also accepts back.
 */
import { FolioError } from './errors.js';

// In a /u pattern a well-formed pair is one code point, so \p{Cs} matches only lone halves.
const LONE_SURROGATE = /\p{Cs}/u;
// What draws nothing on its own: format characters (zero-width space and joiners, the BOM,
// bidirectional controls), spaces, combining marks with nothing to combine with, and the
// fillers some scripts define.
const INVISIBLE = /^[\p{Cf}\p{Z}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0\u2800\u180E]*$/u;
const CONTROL = /\p{Cc}/gu;

const MAX_DEPTH = 64;

function fieldOf(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** The field of the first string (or object key) in `value` that is not valid Unicode. */
export function findBrokenText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findBrokenText(value[i], fieldOf(path, i), depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return fieldOf(path, key);
    const found = findBrokenText(inner, fieldOf(path, key), depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Refuses arguments holding text that is not valid Unicode, naming the field. */
export function requireWellFormedText(value: unknown): void {
  const field = findBrokenText(value);
  if (field === null) return;
  throw new FolioError(
    'INVALID_ARGUMENT',
    `${field === '' ? 'The text' : field} is not valid Unicode (it holds half of a UTF-16 surrogate pair); send the text as it was typed`,
    field === '' ? undefined : { field },
  );
}

export function isInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

/**
 * A display name from a file name: whitespace controls (a newline, a tab) become spaces and
 * other control characters U+FFFD, so the name passes the same check a client's name does.
 */
export function displayNameFromFileName(fileName: string): string {
  const cleaned = fileName
    .normalize('NFC')
    .replace(CONTROL, (c) => (/\s/u.test(c) ? ' ' : '\uFFFD'))
    .replace(/\s+/gu, ' ')
    .trim();
  return cleaned === '' || isInvisible(cleaned) ? '\uFFFD' : cleaned;
}
