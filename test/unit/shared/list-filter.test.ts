import { describe, expect, it } from 'vitest';
import { mergeFilters, searchFilter } from '../../../shared/list-filter.js';

describe('mergeFilters', () => {
  it('adds lists up in order, folding case, with the last spelling', () => {
    expect(mergeFilters({ tagsAll: ['Beach'] }, { tagsAll: ['sun', 'beach'] })).toEqual({ tagsAll: ['beach', 'sun'] });
  });

  it('joins words and keeps the first single value', () => {
    expect(mergeFilters({ text: 'sunset', status: 'active' }, { text: 'dusk', status: 'deleted', folderId: 3 })).toEqual({
      text: 'sunset dusk',
      status: 'active',
      folderId: 3,
    });
  });

  it('leaves out what no part gives', () => {
    expect(mergeFilters({ tagsAll: undefined }, {})).toEqual({});
  });

  it('reads the search text first, then the parts (REST, CLI and the gallery all do this)', () => {
    expect(searchFilter('tag:beach -tag:old sunset', { tagsAll: ['sea'], text: 'dusk', type: ['image'] })).toEqual({
      query: 'tag:beach -tag:old sunset',
      tagsAll: ['sea'],
      type: ['image'],
      text: 'dusk',
    });
    expect(searchFilter('   ')).toEqual({});
  });

  it('joins two queries so that both hold, each with its own ORs', () => {
    expect(mergeFilters({ query: 'a OR b' }, { query: 'c' })).toEqual({ query: '(a OR b) (c)' });
  });
});
