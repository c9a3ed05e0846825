import { FolioError } from './errors.js';
import { isInvisible } from './text-rules.js';

export const TAG_MAX_LENGTH = 100;

// Whitespace of any kind (tabs, newlines from a paste) collapses to one space first; control
// characters left after that (NUL, ESC, DEL, C1) can't be shown in a chip and break terminal
// output, so they are refused. Format characters (ZWJ in emoji) stay allowed.
const FORBIDDEN = /\p{Cc}/u;
const WHITESPACE_RUN = /\s+/gu;

/**
 * The canonical form of a tag as the user meant it: NFC, trimmed, inner whitespace collapsed
 * to one space. Throws INVALID_ARGUMENT (naming `field`) for empty, control-character or
 * over-long tags.
 */
export function normalizeTag(raw: unknown, field = 'tag'): string {
  if (typeof raw !== 'string') {
    throw new FolioError('INVALID_ARGUMENT', 'A tag must be a string', { field });
  }
  const name = raw.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
  if (FORBIDDEN.test(name)) {
    throw new FolioError('INVALID_ARGUMENT', 'A tag cannot contain control characters', { field });
  }
  if (name.length === 0) {
    throw new FolioError('INVALID_ARGUMENT', 'A tag cannot be empty', { field });
  }
  if (isInvisible(name)) {
    throw new FolioError('INVALID_ARGUMENT', 'A tag needs at least one visible character', { field });
  }
  // Every list of tags may be written as one comma-separated string (REST, the CLI), so a
  // comma inside a tag could never be addressed again there.
  if (name.includes(',')) {
    throw new FolioError('INVALID_ARGUMENT', 'A tag cannot contain a comma (commas separate tags)', { field });
  }
  if ([...name].length > TAG_MAX_LENGTH) {
    throw new FolioError('INVALID_ARGUMENT', `A tag can have at most ${TAG_MAX_LENGTH} characters`, {
      field,
    });
  }
  return name;
}

/**
 * The key two tags are compared by. Upper- then lower-casing folds the cases that plain
 * `toLowerCase` misses (ß/SS, final sigma, Kelvin sign), in every script, not only ASCII;
 * SQLite's NOCASE would only fold A–Z.
 */
export function tagKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/**
 * Normalises a list and drops later duplicates (by key), keeping the first spelling. Each
 * element's error names its index, e.g. `tags[2]`.
 */
export function normalizeTagList(raw: readonly unknown[], field = 'tags'): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  raw.forEach((value, index) => {
    const name = normalizeTag(value, `${field}[${index}]`);
    const key = tagKey(name);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  });
  return out;
}
