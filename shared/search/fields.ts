/**
 * The fields of the search language and how each reads its value. One table, so the parser,
 * the printer and the search box's autocomplete agree on the names and the fixed values.
 */
import { MEDIA_FLAGS, MEDIA_LABELS, MEDIA_TYPES, MAX_RATING } from '../media.js';
import type { Term, TermField } from './ast.js';
import { searchError } from './search-error.js';
import { readDateTest, readNumberTest, sizeUnit } from './values.js';

/** The `is:` states: where the file is and what reading it found, and the untagged items. */
export const IS_VALUES = ['missing', 'offline', 'damaged', 'unsupported', 'oversized', 'empty', 'unreadable', 'untagged'] as const;
export const DUPLICATE_VALUES = ['exact', 'near'] as const;
export const HAS_VALUES = ['gps', 'description', 'metadata.'] as const;

export interface FieldInfo {
  field: TermField;
  /** What the field finds, for the autocomplete list. */
  hint: string;
  /** The values it takes, when they are a fixed list. */
  values?: readonly string[];
}

/** Every name a person may write before the colon, with its field (`ext` is `format`). */
export const FIELD_NAMES: Readonly<Record<string, FieldInfo>> = {
  tag: { field: 'tag', hint: 'has the tag (or one below it)' },
  ai: { field: 'ai', hint: 'has the AI tag, ai:dog>=0.8 with a confidence' },
  rating: { field: 'rating', hint: 'stars: rating:>=4, rating:3..5' },
  label: { field: 'label', hint: 'colour label', values: MEDIA_LABELS },
  flag: { field: 'flag', hint: 'pick or reject', values: MEDIA_FLAGS },
  type: { field: 'type', hint: 'image, video, audio, document, other', values: MEDIA_TYPES },
  is: { field: 'is', hint: 'missing, offline, damaged, untagged…', values: IS_VALUES },
  album: { field: 'album', hint: 'in the album: album:"Name"' },
  taken: { field: 'taken', hint: 'date taken: taken:2023-06, taken:2019..2020' },
  added: { field: 'added', hint: 'date added: added:<7d, added:2024' },
  size: { field: 'size', hint: 'file size: size:>10MB' },
  width: { field: 'width', hint: 'pixels: width:>=4000' },
  height: { field: 'height', hint: 'pixels: height:<1000' },
  camera: { field: 'camera', hint: 'camera make or model' },
  folder: { field: 'folder', hint: 'path inside a folder' },
  name: { field: 'name', hint: 'words in the name' },
  format: { field: 'format', hint: 'file format: format:jpeg' },
  ext: { field: 'format', hint: 'file format (as format:)' },
  has: { field: 'has', hint: 'has:gps, has:description, has:metadata.key', values: HAS_VALUES },
  duplicate: { field: 'duplicate', hint: 'duplicate:exact (same content as another item), duplicate:near (looks like another picture)', values: DUPLICATE_VALUES },
};

/** The name the printer writes for each field. */
export const FIELD_SPELLING: Readonly<Record<TermField, string>> = {
  tag: 'tag', ai: 'ai', rating: 'rating', label: 'label', flag: 'flag', type: 'type', is: 'is', album: 'album',
  taken: 'taken', added: 'added', size: 'size', width: 'width', height: 'height', camera: 'camera', folder: 'folder',
  name: 'name', format: 'format', has: 'has', duplicate: 'duplicate',
};

const PIXELS = { min: 0, max: 1_000_000, integer: true } as const;

function oneOf(value: string, at: number, name: string, allowed: readonly string[]): string {
  const lower = value.toLowerCase();
  if (allowed.includes(lower)) return lower;
  throw searchError(`${name}: takes ${allowed.join(', ')}, not "${value}"`, at, value.length);
}

function hasValue(value: string, at: number): string {
  const lower = value.toLowerCase();
  if (lower === 'gps' || lower === 'description') return lower;
  if (lower.startsWith('metadata.') && value.length > 'metadata.'.length) return `metadata.${value.slice('metadata.'.length)}`;
  throw searchError(`has: takes gps, description or metadata.<key>, not "${value}"`, at, value.length);
}

/**
 * The term for `name:value`. `value` is the text after the colon (unquoted), `at` where it
 * starts; `quotedLength` is how many of its first characters were inside quotes (-1: none), a
 * name that an ai: confidence may follow but that is never read as one.
 */
export function readTerm(info: FieldInfo, name: string, value: string, at: number, quotedLength: number): Term {
  const field = info.field;
  switch (field) {
    case 'tag':
    case 'album':
    case 'camera':
    case 'folder':
    case 'name':
      return { field, value };
    case 'format':
      return { field, value: value.toLowerCase().replace(/^\.+/u, '') };
    case 'ai': {
      const from = Math.max(0, quotedLength);
      const found = value.slice(from).search(/(<=|>=|<|>|=)/u);
      const split = found === -1 ? -1 : from + found;
      if (split === -1) return { field, value, confidence: null };
      if (split === 0) throw searchError('ai: needs a tag name before the confidence, as ai:dog>=0.8', at, value.length);
      // Past a quoted name the place in the text is two quotes further on.
      const offset = quotedLength >= 0 && split >= quotedLength ? 1 : 0;
      const written = value.slice(split);
      const confidence = readNumberTest(written, at + split + offset, { what: 'A confidence', min: 0, max: 1, integer: false });
      if (confidence.kind !== 'compare') throw searchError('A confidence is one comparison, as ai:dog>=0.8', at + split + offset, written.length);
      return { field, value: value.slice(0, split), confidence };
    }
    case 'rating':
      return { field, test: readNumberTest(value, at, { what: 'A rating', min: 0, max: MAX_RATING, integer: true }) };
    case 'width':
    case 'height':
      return { field, test: readNumberTest(value, at, { what: field === 'width' ? 'A width' : 'A height', ...PIXELS }) };
    case 'size':
      return { field, test: readNumberTest(value, at, { what: 'A size', min: 0, max: 1e15, integer: true, unit: sizeUnit }) };
    case 'taken':
    case 'added':
      return { field, test: readDateTest(value, at, field === 'taken' ? 'taken:' : 'added:') };
    case 'has':
      return { field, value: hasValue(value, at) };
    case 'label':
    case 'flag':
    case 'type':
    case 'is':
    case 'duplicate':
      return { field, value: oneOf(value, at, name, info.values ?? []) };
  }
}
