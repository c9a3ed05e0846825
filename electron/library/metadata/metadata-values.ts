/**
 * Turning the loosely typed values a metadata parser gives (exifr: a bag of one is a plain
 * string, a number-looking keyword is a number, a language alternative is `{ lang, value }`)
 * into clean strings. Nothing here throws on odd input: it gives an empty answer.
 */

const MAX_TEXT = 2000;

/** Every text in a value: a string, a number, a list, a language alternative, or a list of those. */
export function textsOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' && Number.isFinite(value)) return [String(value)];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value === 'object' && 'value' in value) return textsOf((value as { value: unknown }).value);
  return [];
}

/** A language alternative's default text (`x-default`, else the first), cleaned; null when empty. */
export function langAltText(value: unknown): string | null {
  if (Array.isArray(value)) {
    const preferred = value.find((item) => typeof item === 'object' && item !== null && (item as { lang?: unknown }).lang === 'x-default') ?? value[0];
    return langAltText(preferred);
  }
  return cleanText(textsOf(value)[0]);
}

/** A caption or title: cut at a NUL, controls other than line breaks removed, trimmed; null when empty. */
export function cleanText(value: string | undefined): string | null {
  if (value === undefined) return null;
  const cut = value.split('\0', 1)[0] ?? '';
  const clean = cut.normalize('NFC').replace(/[^\P{Cc}\n\t]/gu, ' ').trim();
  if (clean.length === 0) return null;
  return [...clean].slice(0, MAX_TEXT).join('');
}

/** Windows' XP* tags are UTF-16LE bytes (exifr gives them as a byte array or an index-keyed object). */
export function utf16Text(value: unknown): string | null {
  if (typeof value === 'string') return cleanText(value);
  let bytes: Buffer;
  if (value instanceof Uint8Array) bytes = Buffer.from(value);
  else if (Array.isArray(value)) bytes = Buffer.from(value.filter((b): b is number => typeof b === 'number'));
  else if (typeof value === 'object' && value !== null) bytes = Buffer.from(Object.values(value).filter((b): b is number => typeof b === 'number'));
  else return null;
  return cleanText(bytes.subarray(0, bytes.length - (bytes.length % 2)).toString('utf16le'));
}

/** A list that may be a single object: the items of an RDF bag or sequence. */
export function listOf(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A whole number from a number or a numeric string (XMP keeps "3" or "3.0"). */
export function numberOf(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : null;
}
