import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../../shared/errors.js';
import { parseImageKitSearchQuery } from '../../../../electron/library/http/imagekit/imagekit-search-query.js';

function refusal(query: string): FolioError {
  try {
    parseImageKitSearchQuery(query);
  } catch (error) {
    if (error instanceof FolioError) return error;
    throw error;
  }
  throw new Error(`"${query}" was accepted`);
}

describe("ImageKit's searchQuery, as far as Folio's filters go", () => {
  it('maps tags, name, fileType and type terms joined by AND', () => {
    expect(parseImageKitSearchQuery('tags IN ["sea", \'New York\']')).toEqual({ tagsAny: ['sea', 'New York'] });
    expect(parseImageKitSearchQuery('tags NOT IN ["old"] AND tags = "boat" and tags : "quay"')).toEqual({
      tagsNone: ['old'],
      tagsAll: ['boat', 'quay'],
    });
    expect(parseImageKitSearchQuery('name : "harbour dusk" AND fileType = "image" AND type = "file"')).toEqual({
      text: 'harbour dusk',
      type: ['image'],
    });
    expect(parseImageKitSearchQuery('fileType = "non-image"')).toEqual({ type: ['video', 'audio', 'document', 'other'] });
    expect(parseImageKitSearchQuery('fileType = "all"')).toEqual({});
    expect(parseImageKitSearchQuery('tags = "say \\"cheese\\""')).toEqual({ tagsAll: ['say "cheese"'] });
  });

  it('refuses what has no Folio filter, naming it and saying what is understood', () => {
    for (const [query, says] of [
      ['createdAt > "7d"', /"createdAt >" has no Folio filter/],
      ['name = "a.jpg"', /"name =" has no Folio filter/],
      ['tags IN ["a"] OR tags IN ["b"]', /OR is not supported/],
      ['(tags = "a")', /parentheses/],
      ['tags IN "a"', /needs a list/],
      ['tags = "open', /no closing quote/],
      ['tags IN ["a"', /no closing \]/],
      ['type = "folder"', /files only/],
      ['fileType = "raw"', /fileType is/],
      ['tags = "a" tags = "b"', /joined by AND/],
    ] as const) {
      const error = refusal(query);
      expect(error.code, query).toBe('INVALID_ARGUMENT');
      expect(error.field).toBe('searchQuery');
      expect(error.message, query).toMatch(says);
      expect(error.message).toMatch(/Folio understands/);
    }
  });
});
