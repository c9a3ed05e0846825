import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/errors.js';
import { joinTagPath, normalizeTagPath, parseTagPath, splitTagPath, tagPathKey } from '../../../shared/tag-path.js';
import { TAG_MAX_LENGTH } from '../../../shared/tags.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).code).toBe('INVALID_ARGUMENT');
    return (error as FolioError).message;
  }
  throw new Error('expected an error');
}

describe('tag paths', () => {
  it('splits on "/" and normalises each level as a tag', () => {
    expect(parseTagPath('Places/France/Paris')).toEqual(['Places', 'France', 'Paris']);
    expect(parseTagPath('  Places /  New   York ')).toEqual(['Places', 'New York']);
    expect(parseTagPath('cat')).toEqual(['cat']);
  });

  it('writes a literal "/" or backslash inside a level escaped, and reads it back', () => {
    const levels = ['Music', 'AC/DC', 'back\\slash'];
    const written = joinTagPath(levels);
    expect(written).toBe('Music/AC\\/DC/back\\\\slash');
    expect(splitTagPath(written)).toEqual(levels);
    expect(parseTagPath(written)).toEqual(levels);
    // A backslash before any other character is that backslash.
    expect(splitTagPath('a\\b')).toEqual(['a\\b']);
  });

  it('refuses empty levels with where they are', () => {
    expect(messageOf(() => parseTagPath('a//b'))).toMatch(/empty level \(between "\/" 1 and 2/u);
    expect(messageOf(() => parseTagPath('a/b/'))).toMatch(/after the last/u);
    expect(messageOf(() => parseTagPath('/a'))).toMatch(/before the first/u);
    expect(messageOf(() => parseTagPath('a/ /b'))).toMatch(/empty level/u);
  });

  it('refuses what a tag may not be, at any level', () => {
    expect(messageOf(() => parseTagPath('a/b\u0007'))).toMatch(/control characters/u);
    expect(messageOf(() => parseTagPath(`a/${'x'.repeat(TAG_MAX_LENGTH + 1)}`))).toMatch(/at most/u);
    expect(messageOf(() => parseTagPath(Array.from({ length: 40 }, () => 'x').join('/')))).toMatch(/at most 32 levels/u);
    expect(messageOf(() => parseTagPath(7))).toMatch(/must be a string/u);
  });

  it('folds case and Unicode form level by level in the key', () => {
    expect(tagPathKey(parseTagPath('Places/CAFÉ'))).toBe(tagPathKey(parseTagPath('places/cafe\u0301')));
    expect(normalizeTagPath('places/cafe\u0301')).toBe('places/café');
  });
});
