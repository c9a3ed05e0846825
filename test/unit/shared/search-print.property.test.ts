/**
 * The printer and the parser agree: for any tree, parsing its printed text gives the same tree
 * (places aside); and for any query that parses, printing it and parsing again changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEDIA_FLAGS, MEDIA_LABELS, MEDIA_TYPES } from '../../../shared/media.js';
import { IS_VALUES, parseSearch, printSearch, type DateTest, type NumberTest, type SearchNode, type Term } from '../../../shared/search/index.js';
import { shape } from './search-shape.js';

const span = { start: 0, end: 0 };
const anyText = fc.string({ minLength: 1, maxLength: 10 }).filter((text) => text.trim() !== '');
/** A word the lexer reads back as a word: no break, no leading - or #, not OR, no field prefix. */
const word = fc
  .stringMatching(/^[a-z0-9éß_.,!?*'/]{1,8}$/u)
  .filter((text) => text !== 'OR' && !/^[a-z]+:/iu.test(text));
const op = fc.constantFrom('=', '<', '<=', '>', '>=' as const);
const numberTest = (min: number, max: number): fc.Arbitrary<NumberTest> =>
  fc.oneof(
    fc.record({ kind: fc.constant('compare' as const), op, value: fc.integer({ min, max }) }),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => ({ kind: 'range' as const, from: Math.min(a, b), to: Math.max(a, b) })),
  );
const date = fc
  .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 28 }))
  .map(([y, m, d]) => (m === 0 ? `${y}` : d === 0 ? `${y}-${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`));
const dateTest: fc.Arbitrary<DateTest> = fc.oneof(
  fc.record({ kind: fc.constant('compare' as const), op, value: date }),
  fc.tuple(date, date).map(([a, b]) => ({ kind: 'range' as const, from: a < b ? a : b, to: a < b ? b : a })),
  fc.record({ kind: fc.constant('age' as const), op, amount: fc.integer({ min: 1, max: 400 }), unit: fc.constantFrom('h', 'd', 'w', 'm', 'y' as const) }),
);
const confidence = fc.option(
  fc.record({ kind: fc.constant('compare' as const), op, value: fc.integer({ min: 0, max: 100 }).map((n) => n / 100) }),
);

const term: fc.Arbitrary<Term> = fc.oneof(
  anyText.map((value) => ({ field: 'tag' as const, value })),
  fc.record({ field: fc.constant('ai' as const), value: anyText, confidence }),
  fc.record({ field: fc.constant('rating' as const), test: numberTest(0, 5) }),
  fc.record({ field: fc.constantFrom('width', 'height', 'size' as const), test: numberTest(0, 100_000) }),
  fc.record({ field: fc.constant('label' as const), value: fc.constantFrom(...MEDIA_LABELS) }),
  fc.record({ field: fc.constant('flag' as const), value: fc.constantFrom(...MEDIA_FLAGS) }),
  fc.record({ field: fc.constant('type' as const), value: fc.constantFrom(...MEDIA_TYPES) }),
  fc.record({ field: fc.constant('is' as const), value: fc.constantFrom(...IS_VALUES) }),
  fc.record({ field: fc.constant('has' as const), value: fc.oneof(fc.constantFrom('gps', 'description'), word.map((key) => `metadata.${key}`)) }),
  fc.record({ field: fc.constant('duplicate' as const), value: fc.constant('exact') }),
  fc.record({ field: fc.constantFrom('album', 'camera', 'folder', 'name' as const), value: anyText }),
  fc.record({ field: fc.constant('format' as const), value: word.map((text) => text.toLowerCase().replace(/^\.+/u, '')).filter((text) => text !== '') }),
  fc.record({ field: fc.constantFrom('taken', 'added' as const), test: dateTest }),
);

const { node: tree } = fc.letrec<{ node: SearchNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    term.map((t): SearchNode => ({ kind: 'term', term: t, ...span })),
    word.map((text): SearchNode => ({ kind: 'text', text, quoted: false, ...span })),
    anyText.map((text): SearchNode => ({ kind: 'text', text, quoted: true, ...span })),
    tie('node').map((child): SearchNode => ({ kind: 'not', child, ...span })),
    fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((children): SearchNode => ({ kind: 'and', children, ...span })),
    fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((children): SearchNode => ({ kind: 'or', children, ...span })),
  ),
}));

describe('print(parse(q)) parses to the same tree', () => {
  it('for generated trees', () => {
    fc.assert(
      fc.property(tree, (node) => {
        const printed = printSearch(node);
        expect(shape(parseSearch(printed))).toEqual(shape(node));
      }),
      { numRuns: 2_000, seed: 14 },
    );
  });

  it('for typed queries that parse', () => {
    const typed = fc
      .array(fc.oneof(fc.constantFrom('tag:a', '-', '(', ')', ' ', ' OR ', '"x y"', 'rating:>=4', 'taken:2023', '#b', 'label:red'), word), { maxLength: 10 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(typed, (query) => {
        let node: SearchNode | null;
        try {
          node = parseSearch(query);
        } catch {
          return;
        }
        if (node === null) return;
        expect(shape(parseSearch(printSearch(node)))).toEqual(shape(node));
      }),
      { numRuns: 2_000, seed: 15 },
    );
  });
});
