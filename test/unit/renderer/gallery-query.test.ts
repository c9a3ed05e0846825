import { describe, expect, it } from 'vitest';
import { buildFilter, sameView, viewTitle } from '../../../renderer/src/logic/gallery-query.js';
import { readableError } from '../../../renderer/src/logic/error-messages.js';
import { splitTagSummary, withoutPresent } from '../../../renderer/src/logic/tag-summary.js';
import { FolioError } from '../../../shared/errors.js';
import { MediaFilter } from '../../../shared/schemas.js';

describe('gallery filter', () => {
  it('combines the sidebar view with the search text', () => {
    expect(buildFilter({ kind: 'all' }, '')).toEqual({ status: 'active', versions: false });
    expect(buildFilter({ kind: 'trash' }, 'beach')).toEqual({ query: 'beach', status: 'deleted', versions: false });
    expect(buildFilter({ kind: 'folder', id: 4, label: 'x' }, 'type:video')).toEqual({ query: 'type:video', status: 'active', versions: false, folderId: 4 });
    expect(buildFilter({ kind: 'untagged' }, '  ')).toEqual({ status: 'active', versions: false, untagged: true });
    expect(buildFilter({ kind: 'tag', name: 'Beach' }, 'tag:sun -tag:old')).toEqual({
      query: 'tag:sun -tag:old',
      status: 'active',
      versions: false,
      tagsAll: ['Beach'],
    });
  });

  it('builds filters the contract accepts', () => {
    for (const filter of [buildFilter({ kind: 'tag', name: 'x' }, 'is:missing words "quoted"'), buildFilter({ kind: 'trash' }, '')]) {
      expect(MediaFilter.safeParse(filter).success).toBe(true);
    }
  });

  it('compares and names views', () => {
    expect(sameView({ kind: 'folder', id: 1, label: 'a' }, { kind: 'folder', id: 1, label: 'b' })).toBe(true);
    expect(sameView({ kind: 'tag', name: 'a' }, { kind: 'tag', name: 'b' })).toBe(false);
    expect(viewTitle({ kind: 'tag', name: 'sun' })).toBe('Tag: sun');
  });
});

describe('error wording', () => {
  it('words the message by code and keeps a useful server message', () => {
    const error = readableError(new FolioError('NOT_FOUND', 'Item 4 was not found'), 'rename the item');
    expect(error.title).toBe('Could not rename the item. That item is no longer in the library.');
    expect(error.detail).toBe('Item 4 was not found');
  });

  it('hides internals of unexpected errors', () => {
    expect(readableError(new Error('SQLITE_BUSY at /home/x/db'))).toEqual({
      code: 'INTERNAL',
      title: 'Something went wrong inside Folio.',
      detail: null,
    });
  });
});

describe('tag summary', () => {
  it('splits tags that all items have from those only some have', () => {
    expect(splitTagSummary(3, [{ name: 'a', count: 3 }, { name: 'b', count: 1 }, { name: 'c', count: 0 }])).toEqual({
      all: ['a'],
      some: [{ name: 'b', count: 1 }],
    });
  });

  it('leaves out suggestions already present, compared the way the library compares tags', () => {
    expect(withoutPresent([{ name: 'Straße', count: 2 }, { name: 'sea', count: 1 }], ['STRASSE'])).toEqual([{ name: 'sea', count: 1 }]);
  });
});
