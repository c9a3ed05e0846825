/**
 * Property-based fuzzing of the search parser: any text the search box can hold parses
 * without throwing, and what comes out either passes the contract's filter schema or is
 * refused with a typed INVALID_ARGUMENT — never another error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../shared/args.js';
import { FolioError } from '../../../shared/errors.js';
import { searchFilter } from '../../../shared/list-filter.js';

const searchText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.oneof(fc.constantFrom('tag:', '-tag:', '#', 'type:', 'is:', '"', '-', 'OR', '(', ')', ' '), fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join('')),
);

describe('the search parser, fuzzed', () => {
  it('never throws, and the contract accepts its filter or refuses it with INVALID_ARGUMENT', () => {
    fc.assert(
      fc.property(searchText, (text) => {
        const filter = searchFilter(text);
        try {
          parseArgs('media.list', { filter });
        } catch (error) {
          expect(error).toBeInstanceOf(FolioError);
          expect((error as FolioError).code).toBe('INVALID_ARGUMENT');
        }
      }),
      { numRuns: 2_000, seed: 42 },
    );
  });
});
