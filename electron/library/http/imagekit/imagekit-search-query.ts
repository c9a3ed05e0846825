/**
 * The part of ImageKit's `searchQuery` language (Lucene-like: `tags IN ["a","b"] AND
 * fileType = "image"`) that has a Folio filter behind it. Anything else is a 400 that says what
 * is understood, rather than a list that silently ignores half the query.
 */
import { FolioError } from '../../../../shared/errors.js';
import type { MediaType } from '../../../../shared/media.js';

export interface SearchQueryFilter {
  tagsAll?: string[];
  tagsAny?: string[];
  tagsNone?: string[];
  type?: MediaType[];
  text?: string;
}

export const NON_IMAGE_TYPES: MediaType[] = ['video', 'audio', 'document', 'other'];

const UNDERSTOOD =
  'Folio understands terms joined by AND: tags IN [..], tags NOT IN [..], tags = "..", name : "words", fileType = "image" | "non-image", type = "file"';

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'list'; items: string[] };

function fail(message: string): never {
  throw new FolioError('INVALID_ARGUMENT', `searchQuery: ${message}. ${UNDERSTOOD}`, { field: 'searchQuery' });
}

function readString(query: string, start: number): [string, number] {
  const quote = query[start];
  let at = start + 1;
  let text = '';
  while (at < query.length && query[at] !== quote) {
    if (query[at] === '\\' && at + 1 < query.length) at++;
    text += query[at];
    at++;
  }
  if (at >= query.length) fail(`the text starting at position ${start + 1} has no closing quote`);
  return [text, at + 1];
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < query.length) {
    const char = query[at] ?? '';
    if (/\s/.test(char)) {
      at++;
    } else if (char === '"' || char === "'") {
      const [text, next] = readString(query, at);
      tokens.push({ kind: 'string', text });
      at = next;
    } else if (char === '[') {
      const items: string[] = [];
      at++;
      for (;;) {
        while (/[\s,]/.test(query[at] ?? '')) at++;
        if (at >= query.length) fail('a list has no closing ]');
        if (query[at] === ']') break;
        if (query[at] !== '"' && query[at] !== "'") fail(`list items must be quoted (position ${at + 1})`);
        const [text, next] = readString(query, at);
        items.push(text);
        at = next;
      }
      tokens.push({ kind: 'list', items });
      at++;
    } else if (/[=:<>]/.test(char)) {
      const op = /^(>=|<=|=|:|<|>)/.exec(query.slice(at))?.[0] ?? char;
      tokens.push({ kind: 'op', text: op });
      at += op.length;
    } else if (char === '(' || char === ')') {
      fail('parentheses are not supported');
    } else {
      const word = /^[^\s=:<>"'[\]()]+/.exec(query.slice(at))?.[0] ?? char;
      tokens.push({ kind: 'word', text: word });
      at += word.length;
    }
  }
  return tokens;
}

function push(list: string[] | undefined, values: readonly string[]): string[] {
  return [...(list ?? []), ...values];
}

function valueText(token: Token | undefined, field: string): string {
  if (token?.kind !== 'string' && token?.kind !== 'word') fail(`${field} needs a quoted value`);
  return token.text;
}

export function parseImageKitSearchQuery(query: string): SearchQueryFilter {
  const tokens = tokenize(query);
  const filter: SearchQueryFilter = {};
  const words: string[] = [];
  let at = 0;
  while (at < tokens.length) {
    if (at > 0) {
      const joiner = tokens[at];
      if (joiner?.kind === 'word' && joiner.text.toUpperCase() === 'OR') fail('OR is not supported');
      if (joiner?.kind !== 'word' || joiner.text.toUpperCase() !== 'AND') fail('terms must be joined by AND');
      at++;
    }
    const fieldToken = tokens[at++];
    if (fieldToken?.kind !== 'word') fail('a term must start with a field name');
    const field = fieldToken.text;
    let op = tokens[at++];
    let negated = false;
    if (op?.kind === 'word' && op.text.toUpperCase() === 'NOT') {
      negated = true;
      op = tokens[at++];
    }
    const operator = op?.kind === 'op' ? op.text : op?.kind === 'word' ? op.text.toUpperCase() : '';
    const value = tokens[at++];

    if (field === 'tags' && operator === 'IN') {
      if (value?.kind !== 'list') fail('tags IN needs a list like ["a", "b"]');
      if (negated) filter.tagsNone = push(filter.tagsNone, value.items);
      else filter.tagsAny = push(filter.tagsAny, value.items);
    } else if (field === 'tags' && (operator === '=' || operator === ':')) {
      const tag = valueText(value, field);
      if (negated) filter.tagsNone = push(filter.tagsNone, [tag]);
      else filter.tagsAll = push(filter.tagsAll, [tag]);
    } else if (field === 'name' && operator === ':' && !negated) {
      // Folio matches words in the name or the description; ImageKit's `:` is a contains match.
      words.push(valueText(value, field));
    } else if (field === 'fileType' && operator === '=' && !negated) {
      const kind = valueText(value, field);
      if (kind === 'image') filter.type = ['image'];
      else if (kind === 'non-image') filter.type = NON_IMAGE_TYPES;
      else if (kind !== 'all') fail(`fileType is "image", "non-image" or "all", not "${kind}"`);
    } else if (field === 'type' && operator === '=' && !negated) {
      const kind = valueText(value, field);
      if (kind !== 'file' && kind !== 'all') fail(`Folio lists files only (type = "file"), not "${kind}"`);
    } else {
      fail(`"${field} ${negated ? 'NOT ' : ''}${operator}" has no Folio filter`);
    }
  }
  if (words.length > 0) filter.text = words.join(' ');
  return filter;
}
