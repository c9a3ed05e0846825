/**
 * What the search box offers at the caret: the part of the query being typed, and the
 * suggestions for it — field names, the values of the fixed fields (labels, flags, types,
 * is:, has:, duplicate:), and, for `tag:`/`#` and `album:`, names the caller looks up.
 * Choosing one replaces that part with the whole term (quoted when the value needs it).
 */
import { FIELD_NAMES } from '../../../shared/search/index.js';
import { quote } from '../../../shared/search/printer.js';

export interface TypedPart {
  /** Where the part starts and ends in the query (the caret is inside or at its end). */
  start: number;
  end: number;
  /** `-` before the part, kept when a suggestion replaces it. */
  negated: boolean;
  /** The field as written ('tag' for `#`), or null while a bare word is typed. */
  field: string | null;
  /** What is typed after the colon (or the word itself), without a leading quote. */
  prefix: string;
}

export type Suggestion =
  | { kind: 'field'; label: string; hint: string; insert: string }
  | { kind: 'value'; label: string; hint?: string; insert: string };

/** Lists the caller fills from the library: tags (tags.list) and albums. */
export type NameSource = 'tag' | 'album';

const PART_BREAK = /[\s()]/u;

export function typedPart(query: string, caret: number): TypedPart | null {
  let start = caret;
  // A quoted value may hold spaces: walk back over an open quote of this part.
  const before = query.slice(0, caret);
  const openQuote = (before.match(/"/gu) ?? []).length % 2 === 1 ? before.lastIndexOf('"') : -1;
  if (openQuote !== -1) start = openQuote;
  while (start > 0 && !PART_BREAK.test(query[start - 1] as string)) start -= 1;
  let end = caret;
  while (end < query.length && !PART_BREAK.test(query[end] as string)) end += 1;
  let text = query.slice(start, caret);
  let negated = false;
  if (text.startsWith('-')) {
    negated = true;
    text = text.slice(1);
  }
  const afterNegation = start + (negated ? 1 : 0);
  if (text.startsWith('#')) return { start: afterNegation, end, negated, field: 'tag', prefix: text.slice(1).replace(/^"/u, '') };
  const colon = /^([a-z]+):/iu.exec(text);
  if (colon !== null) {
    return { start: afterNegation, end, negated, field: (colon[1] as string).toLowerCase(), prefix: text.slice(colon[0].length).replace(/^"/u, '') };
  }
  if (text === '' || text.startsWith('"')) return null;
  return { start: afterNegation, end, negated, field: null, prefix: text };
}

function valueText(value: string): string {
  return /[\s()"]/u.test(value) || value === '' ? quote(value) : value;
}

/** Suggestions that need no lookup: field names, and values of the fixed fields. */
export function fixedSuggestions(part: TypedPart): Suggestion[] {
  const prefix = part.prefix.toLowerCase();
  if (part.field === null) {
    return Object.entries(FIELD_NAMES)
      .filter(([name]) => name.startsWith(prefix) && name !== prefix)
      .map(([name, info]) => ({ kind: 'field', label: `${name}:`, hint: info.hint, insert: `${name}:` }));
  }
  const info = FIELD_NAMES[part.field];
  if (info?.values === undefined) return [];
  return info.values
    .filter((value) => value.startsWith(prefix) && value !== prefix)
    .map((value) => ({ kind: 'value', label: value, insert: value.endsWith('.') ? `${part.field}:${value}` : `${part.field}:${value} ` }));
}

/** Which name list the typed part wants, if any. */
export function nameSource(part: TypedPart): NameSource | null {
  if (part.field === 'tag') return 'tag';
  if (part.field === 'album') return 'album';
  return null;
}

export function nameSuggestions(part: TypedPart, names: readonly { name: string; count?: number }[]): Suggestion[] {
  return names.map(({ name, count }) => ({
    kind: 'value',
    label: name,
    ...(count === undefined ? {} : { hint: count.toLocaleString() }),
    insert: `${part.field}:${valueText(name)} `,
  }));
}

/** The query with the part replaced by the suggestion, and where the caret goes. */
export function applySuggestion(query: string, part: TypedPart, suggestion: Suggestion): { text: string; caret: number } {
  const head = query.slice(0, part.start);
  const tail = query.slice(part.end);
  const inserted = suggestion.insert;
  const spacer = inserted.endsWith(' ') && tail.startsWith(' ') ? inserted.slice(0, -1) : inserted;
  return { text: `${head}${spacer}${tail}`, caret: head.length + spacer.length + (spacer === inserted ? 0 : 1) };
}
