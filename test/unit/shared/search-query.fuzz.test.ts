/**
 * Property-based fuzzing of the search language: any text the search box can hold either
 * parses or is refused with a typed INVALID_ARGUMENT whose place lies inside the text (so the
 * search box can underline it) — never another error; and searchFilter's filter always passes
 * the contract's schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../shared/args.js';
import { FolioError } from '../../../shared/errors.js';
import { searchFilter } from '../../../shared/list-filter.js';
import { parseSearch } from '../../../shared/search/index.js';

const searchText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom('tag:', '-tag:', '#', 'type:', 'is:', 'rating:', 'taken:', 'ai:', '>=', '..', '"', '\\', '-', 'OR', '(', ')', ' ', 'x:'),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

describe('the search parser, fuzzed', () => {
  it('parses or refuses with INVALID_ARGUMENT at a place inside the text', () => {
    fc.assert(
      fc.property(searchText, (text) => {
        try {
          parseSearch(text);
        } catch (error) {
          expect(error).toBeInstanceOf(FolioError);
          const folio = error as FolioError;
          expect(folio.code).toBe('INVALID_ARGUMENT');
          expect(folio.details?.position).toBeGreaterThanOrEqual(0);
          expect(folio.details?.position).toBeLessThanOrEqual(text.length);
          expect(folio.details?.length).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 3_000, seed: 42 },
    );
  });

  it('gives a filter the contract accepts', () => {
    fc.assert(
      fc.property(searchText, (text) => {
        expect(() => parseArgs('media.list', { filter: searchFilter(text) })).not.toThrow();
      }),
      { numRuns: 1_000, seed: 7 },
    );
  });
});
