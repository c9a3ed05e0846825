import { describe, expect, it } from 'vitest';
import { normalizeTag, normalizeTagList, tagKey, TAG_MAX_LENGTH } from '../../../shared/tags.js';
import { FolioError } from '../../../shared/errors.js';

function errorOf(fn: () => unknown): FolioError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FolioError) return error;
    throw error;
  }
  throw new Error('expected a FolioError');
}

describe('normalizeTag', () => {
  it('trims, collapses inner whitespace and composes to NFC', () => {
    expect(normalizeTag('  new \t  york\n ')).toBe('new york');
    expect(normalizeTag('Cafe\u0301')).toBe('Café');
    expect(normalizeTag('Cafe\u0301')).toBe(normalizeTag('Café'));
    expect(normalizeTag('line\u2028separator')).toBe('line separator');
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \t\u00a0 '],
    ['NUL', 'a\u0000b'],
    ['escape', 'red\u001b[31m'],
    ['DEL', 'a\u007f'],
    ['C1 control', 'a\u0085b'],
  ])('rejects %s as INVALID_ARGUMENT', (_label, raw) => {
    const error = errorOf(() => normalizeTag(raw));
    expect(error.code).toBe('INVALID_ARGUMENT');
  });

  it('accepts the length limit and rejects one more character (counted in code points)', () => {
    expect(normalizeTag('😀'.repeat(TAG_MAX_LENGTH))).toHaveLength(TAG_MAX_LENGTH * 2);
    expect(errorOf(() => normalizeTag('x'.repeat(TAG_MAX_LENGTH + 1))).code).toBe('INVALID_ARGUMENT');
  });

  it('keeps zero-width joiners inside emoji', () => {
    expect(normalizeTag('👩‍💻')).toBe('👩‍💻');
  });

  it('rejects non-strings', () => {
    expect(errorOf(() => normalizeTag(42)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('tagKey', () => {
  it.each([
    ['Beach', 'BEACH'],
    ['straße', 'STRASSE'],
    ['ΟΔΟΣ', 'οδος'],
    ['Привет', 'пРИВЕТ'],
    ['Ǆemal', 'ǆemal'],
    ['Cafe\u0301', 'CAFÉ'],
  ])('treats %s and %s as the same tag', (a, b) => {
    expect(tagKey(normalizeTag(a))).toBe(tagKey(normalizeTag(b)));
  });

  it('keeps different words apart', () => {
    expect(tagKey('cat')).not.toBe(tagKey('cot'));
  });
});

describe('normalizeTagList', () => {
  it('drops case and NFC twins, keeping the first spelling', () => {
    expect(normalizeTagList(['Beach', 'beach', 'BEACH ', 'Café', 'Cafe\u0301', 'sun'])).toEqual(['Beach', 'Café', 'sun']);
  });

  it('names the index of the bad element', () => {
    expect(errorOf(() => normalizeTagList(['ok', '  '])).field).toBe('tags[1]');
  });
});
