/**
 * The toolbar's search language, parsed into a MediaFilter (input shape):
 *   sunset beach            words in the name or description
 *   tag:beach  #beach       has the tag            -tag:old  -#old   lacks the tag
 *   tag:"new york"          quotes keep spaces     type:image|video|audio|document|other
 *   is:missing is:offline is:damaged is:unsupported is:untagged
 * Unknown `key:value` terms are kept as words, so a search for "10:30" still finds "10:30".
 */
import type { Availability, FileState, MediaType } from './media.js';
import { MEDIA_TYPES } from './media.js';

export interface ParsedQuery {
  tagsAll?: string[];
  tagsNone?: string[];
  type?: MediaType[];
  availability?: Availability[];
  fileState?: FileState[];
  untagged?: boolean;
  text?: string;
}

const TOKEN = /(-?)(?:(#|[a-z]+:)?("([^"]*)"?|\S+))/giu;

function stripQuotes(raw: string): string {
  return raw.startsWith('"') ? raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined) : raw;
}

function push<T>(list: T[] | undefined, value: T): T[] {
  return list === undefined ? [value] : list.includes(value) ? list : [...list, value];
}

export function parseSearchQuery(query: string): ParsedQuery {
  const result: ParsedQuery = {};
  const words: string[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const negated = match[1] === '-';
    const key = (match[2] ?? '').toLowerCase();
    const value = stripQuotes(match[3] ?? '');
    if (value === '') continue;
    const lower = value.toLowerCase();
    if (key === 'tag:' || key === '#') {
      if (negated) result.tagsNone = push(result.tagsNone, value);
      else result.tagsAll = push(result.tagsAll, value);
    } else if (key === 'type:' && !negated && (MEDIA_TYPES as readonly string[]).includes(lower)) {
      result.type = push(result.type, lower as MediaType);
    } else if (key === 'is:' && !negated && (lower === 'missing' || lower === 'offline')) {
      result.availability = push(result.availability, lower);
    } else if (key === 'is:' && !negated && (lower === 'damaged' || lower === 'unsupported' || lower === 'oversized' || lower === 'empty')) {
      result.fileState = push(result.fileState, lower);
    } else if (key === 'is:' && !negated && lower === 'untagged') {
      result.untagged = true;
    } else {
      words.push(match[0]);
    }
  }
  if (words.length > 0) result.text = words.join(' ');
  return result;
}
