import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../shared/args.js';
import { FolioError } from '../../../shared/errors.js';

function messageOf(method: Parameters<typeof parseArgs>[0], args: unknown): [string, string | undefined] {
  try {
    parseArgs(method, args);
  } catch (error) {
    if (error instanceof FolioError) return [error.message, error.field];
    throw error;
  }
  throw new Error('parsed');
}

describe('argument errors as sentences', () => {
  it('names the field and what it takes, never the schema library wording', () => {
    expect(messageOf('media.list', { limit: 1000 })).toEqual(['limit is at most 500 (got 1000)', 'limit']);
    expect(messageOf('media.list', { limit: 0 })).toEqual(['limit is at least 1 (got 0)', 'limit']);
    expect(messageOf('media.list', { limit: 'ten' })).toEqual(['limit must be a number (got "ten")', 'limit']);
    expect(messageOf('media.list', { limit: 1.5 })).toEqual(['limit must be a whole number (got 1.5)', 'limit']);
    expect(messageOf('media.list', { sort: { field: 'colour', direction: 'asc' } })).toEqual([
      'sort.field is one of: name, takenAt, addedAt, size, rating (got "colour")',
      'sort.field',
    ]);
    expect(messageOf('media.get', {})).toEqual(['id is required', 'id']);
    expect(messageOf('media.getMany', { ids: [] })).toEqual(['ids needs at least one entry', 'ids']);
  });

  it('keeps the sentences of our own validators', () => {
    expect(messageOf('media.update', { id: 1, patch: { name: '' } })[0]).toBe('A name cannot be empty');
  });
});
