import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/errors.js';
import { parseSearch, printSearch, type SearchNode, type Term } from '../../../shared/search/index.js';
import { shape } from './search-shape.js';

const term = (query: string): Term => {
  const node = parseSearch(query);
  if (node?.kind !== 'term') throw new Error(`not one term: ${query}`);
  return node.term;
};

function fault(query: string): { message: string; position: number; length: number } {
  try {
    parseSearch(query);
  } catch (error) {
    expect(error).toBeInstanceOf(FolioError);
    const folio = error as FolioError;
    expect(folio.code).toBe('INVALID_ARGUMENT');
    return { message: folio.message, position: folio.details?.position ?? -1, length: folio.details?.length ?? -1 };
  }
  throw new Error(`no error for ${query}`);
}

describe('the search language: forms', () => {
  it('ANDs terms side by side, ORs with OR, groups with parentheses, negates with -', () => {
    expect(shape(parseSearch('sunset beach'))).toEqual({ and: [{ word: 'sunset' }, { word: 'beach' }] });
    expect(shape(parseSearch('a OR b c'))).toEqual({ or: [{ word: 'a' }, { and: [{ word: 'b' }, { word: 'c' }] }] });
    expect(shape(parseSearch('(a OR b) c'))).toEqual({ and: [{ or: [{ word: 'a' }, { word: 'b' }] }, { word: 'c' }] });
    expect(shape(parseSearch('-(a OR b)'))).toEqual({ not: { or: [{ word: 'a' }, { word: 'b' }] } });
    expect(shape(parseSearch('-type:video'))).toEqual({ not: { field: 'type', value: 'video' } });
    expect(shape(parseSearch('a or b'))).toEqual({ and: [{ word: 'a' }, { word: 'or' }, { word: 'b' }] });
    expect(parseSearch('   ')).toBeNull();
  });

  it('keeps where each part was written', () => {
    const node = parseSearch('tag:a (b OR c)') as Extract<SearchNode, { kind: 'and' }>;
    expect(node.children.map((child) => [child.start, child.end])).toEqual([[0, 5], [6, 14]]);
  });

  it('reads quoted phrases, with \\" and \\\\ inside', () => {
    expect(shape(parseSearch('"new york" x'))).toEqual({ and: [{ phrase: 'new york' }, { word: 'x' }] });
    expect(shape(parseSearch('"say \\"hi\\" \\\\o/"'))).toEqual({ phrase: 'say "hi" \\o/' });
    expect(term('tag:"new york"')).toEqual({ field: 'tag', value: 'new york' });
    expect(term('album:"Summer 2023"')).toEqual({ field: 'album', value: 'Summer 2023' });
  });

  it('reads tags, #tags and AI tags with a confidence', () => {
    expect(term('tag:Places/France')).toEqual({ field: 'tag', value: 'Places/France' });
    expect(term('#beach')).toEqual({ field: 'tag', value: 'beach' });
    expect(term('ai:dog')).toEqual({ field: 'ai', value: 'dog', confidence: null });
    expect(term('ai:dog>=0.8')).toEqual({ field: 'ai', value: 'dog', confidence: { kind: 'compare', op: '>=', value: 0.8 } });
    expect(term('ai:"golden retriever">0.5')).toEqual({ field: 'ai', value: 'golden retriever', confidence: { kind: 'compare', op: '>', value: 0.5 } });
  });

  it('reads numbers with comparisons and ranges, sizes with units', () => {
    expect(term('rating:>=4')).toEqual({ field: 'rating', test: { kind: 'compare', op: '>=', value: 4 } });
    expect(term('rating:=2')).toEqual({ field: 'rating', test: { kind: 'compare', op: '=', value: 2 } });
    expect(term('rating:3')).toEqual({ field: 'rating', test: { kind: 'compare', op: '=', value: 3 } });
    expect(term('rating:<2')).toEqual({ field: 'rating', test: { kind: 'compare', op: '<', value: 2 } });
    expect(term('rating:3..5')).toEqual({ field: 'rating', test: { kind: 'range', from: 3, to: 5 } });
    expect(term('width:>=4000')).toEqual({ field: 'width', test: { kind: 'compare', op: '>=', value: 4000 } });
    expect(term('height:<=1080')).toEqual({ field: 'height', test: { kind: 'compare', op: '<=', value: 1080 } });
    expect(term('size:>10MB')).toEqual({ field: 'size', test: { kind: 'compare', op: '>', value: 10_000_000 } });
    expect(term('size:1.5kb..2GiB')).toEqual({ field: 'size', test: { kind: 'range', from: 1500, to: 2 * 1024 ** 3 } });
  });

  it('reads dates to a year, month or day, ranges of them and ages', () => {
    expect(term('taken:2023')).toEqual({ field: 'taken', test: { kind: 'compare', op: '=', value: '2023' } });
    expect(term('taken:2023-06')).toEqual({ field: 'taken', test: { kind: 'compare', op: '=', value: '2023-06' } });
    expect(term('taken:2023-01..2023-06-15')).toEqual({ field: 'taken', test: { kind: 'range', from: '2023-01', to: '2023-06-15' } });
    expect(term('taken:>=2020')).toEqual({ field: 'taken', test: { kind: 'compare', op: '>=', value: '2020' } });
    expect(term('added:2024-02-29')).toEqual({ field: 'added', test: { kind: 'compare', op: '=', value: '2024-02-29' } });
    expect(term('added:<7d')).toEqual({ field: 'added', test: { kind: 'age', op: '<', amount: 7, unit: 'd' } });
    expect(term('added:>2w')).toEqual({ field: 'added', test: { kind: 'age', op: '>', amount: 2, unit: 'w' } });
  });

  it('reads the fixed-value fields in any case', () => {
    expect(term('label:Red')).toEqual({ field: 'label', value: 'red' });
    expect(term('flag:pick')).toEqual({ field: 'flag', value: 'pick' });
    expect(term('type:VIDEO')).toEqual({ field: 'type', value: 'video' });
    expect(term('is:missing')).toEqual({ field: 'is', value: 'missing' });
    expect(term('is:untagged')).toEqual({ field: 'is', value: 'untagged' });
    expect(term('has:gps')).toEqual({ field: 'has', value: 'gps' });
    expect(term('has:description')).toEqual({ field: 'has', value: 'description' });
    expect(term('has:metadata.Client')).toEqual({ field: 'has', value: 'metadata.Client' });
    expect(term('duplicate:exact')).toEqual({ field: 'duplicate', value: 'exact' });
    expect(term('duplicate:near')).toEqual({ field: 'duplicate', value: 'near' });
  });

  it('reads the text fields, and ext: as format:', () => {
    expect(term('camera:canon')).toEqual({ field: 'camera', value: 'canon' });
    expect(term('folder:2023/trip')).toEqual({ field: 'folder', value: '2023/trip' });
    expect(term('name:IMG_')).toEqual({ field: 'name', value: 'IMG_' });
    expect(term('format:JPEG')).toEqual({ field: 'format', value: 'jpeg' });
    expect(term('ext:.png')).toEqual({ field: 'format', value: 'png' });
    expect(term('TAG:x')).toEqual({ field: 'tag', value: 'x' });
  });

  it('keeps words with a colon that is not a field as words', () => {
    expect(shape(parseSearch('10:30'))).toEqual({ word: '10:30' });
    expect(shape(parseSearch('well-known'))).toEqual({ word: 'well-known' });
  });
});

describe('the search language: errors say what and where', () => {
  it.each([
    ['(a OR b', 'never closed', 0, 7],
    ['a (b (c) d', 'never closed', 2, 8],
    ['a)', 'closes no', 1, 1],
    ['x ()', 'empty', 2, 2],
    ['say "hello', 'quote is never closed', 4, 6],
    ['tag:"new york', 'quote is never closed', 4, 9],
    ['a foo:bar', 'not a search field', 2, 4],
    ['tag:', 'needs a value', 0, 4],
    ['a #', 'needs a value', 2, 1],
    ['""', 'quotes are empty', 0, 2],
    ['a OR', '"OR" needs a term', 2, 2],
    ['OR a', '"OR" needs a term', 0, 2],
    ['a OR OR b', '"OR" needs a term', 2, 2],
    ['(a OR) b', '"OR" needs a term', 3, 2],
    ['a -', 'negates', 2, 1],
    ['a - b', 'negates', 2, 1],
    ['rating:six', 'needs a number', 7, 3],
    ['rating:9', 'from 0 to 5', 7, 1],
    ['rating:2.5', 'whole number', 7, 3],
    ['rating:5..3', 'smaller number', 7, 4],
    ['rating:>=', 'needs a number after', 7, 2],
    ['size:>10XB', 'unit "XB"', 8, 2],
    ['ai:dog>=1.5', 'from 0 to 1', 8, 3],
    ['ai:>0.5', 'needs a tag name', 3, 4],
    ['taken:June', 'is a date', 6, 4],
    ['taken:2023-13', 'month from 01 to 12', 11, 2],
    ['taken:2023-02-29', 'no day 29', 14, 2],
    ['taken:2023..2020', 'earlier date', 6, 10],
    ['added:<7x', 'an age in h, d, w, m or y', 7, 2],
    ['label:pink', 'takes none, red', 6, 4],
    ['flag:maybe', 'takes none, pick, reject', 5, 5],
    ['type:photo', 'takes image, video', 5, 5],
    ['is:lost', 'takes missing', 3, 4],
    ['has:wings', 'gps, description or metadata', 4, 5],
    ['duplicate:far', 'takes exact, near', 10, 3],
    ['tag:"a"b', 'after its closing quote', 7, 1],
  ])('%s → %s at %i (length %i)', (query, what, position, length) => {
    const error = fault(query);
    expect(error.message).toContain(what);
    expect(error.message).toContain(`(at character ${position + 1})`);
    expect([error.position, error.length]).toEqual([position, length]);
  });

  it('never reads -type:video or an unknown field as a plain word', () => {
    expect(shape(parseSearch('-type:video'))).toEqual({ not: { field: 'type', value: 'video' } });
    expect(fault('colour:red').message).toContain('"colour:" is not a search field');
  });
});

describe('the printer', () => {
  it.each([
    ['rating:>=4 label:red', 'rating:>=4 label:red'],
    ['taken:2019..2020   -flag:reject', 'taken:2019..2020 -flag:reject'],
    ['#a OR #b', 'tag:a OR tag:b'],
    ['((a OR b)) (c d)', '(a OR b) (c d)'],
    ['a OR (b OR c)', 'a OR (b OR c)'],
    ['-(a b)', '-(a b)'],
    ['tag:"new york" "x y"', 'tag:"new york" "x y"'],
    ['size:>1kb ext:JPG', 'size:>1000 format:jpg'],
    ['ai:"a>b"', 'ai:"a>b"'],
    ['added:<=7d rating:=3', 'added:<=7d rating:3'],
  ])('prints %s as %s', (query, printed) => {
    const node = parseSearch(query) as SearchNode;
    expect(printSearch(node)).toBe(printed);
    expect(shape(parseSearch(printed))).toEqual(shape(node));
  });
});
