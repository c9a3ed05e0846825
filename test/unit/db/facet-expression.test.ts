/**
 * Which searches the kept cube answers (db/facet-expression.ts): its five fields under any
 * AND/OR/NOT, dates only on month boundaries; anything else is null (the list query counts it).
 */
import { describe, expect, it } from 'vitest';
import { compileFacetSearch } from '../../../electron/library/db/facet-expression.js';
import { parseSearch } from '../../../shared/search/index.js';

const compile = (query: string) => compileFacetSearch(parseSearch(query) ?? (() => { throw new Error('blank'); })());

describe('compileFacetSearch', () => {
  it('writes the cube fields on f, with every value bound', () => {
    expect(compile('rating:>=4 label:red')).toEqual({ sql: '(f.rating >= @fq0 AND f.label = @fq1)', params: { fq0: 4, fq1: 'red' } });
    expect(compile('-flag:reject')).toEqual({ sql: "NOT coalesce(f.flag = @fq0, 0)", params: { fq0: 'reject' } });
    expect(compile('rating:2..3 OR type:video')?.sql).toBe('(f.rating BETWEEN @fq0 AND @fq1 OR f.type = @fq2)');
  });

  it('reads taken: as months: years, months and ranges of them, and comparisons', () => {
    expect(compile('taken:2019..2020')).toEqual({
      sql: "(f.month <> '' AND f.month >= @fq0 AND f.month < @fq1)",
      params: { fq0: '2019-01', fq1: '2021-01' },
    });
    expect(compile('taken:2023-06')?.params).toEqual({ fq0: '2023-06', fq1: '2023-07' });
    expect(compile('taken:2023-12')?.params).toEqual({ fq0: '2023-12', fq1: '2024-01' });
    expect(compile('taken:<=3001')).toEqual({ sql: "(f.month <> '' AND f.month < @fq0)", params: { fq0: '3002-01' } });
    expect(compile('taken:>2018')?.sql).toBe("(f.month <> '' AND f.month >= @fq0)");
  });

  it('is null for a date inside a month, an age, and every other field or words', () => {
    for (const query of ['taken:2023-06-15', 'taken:2023-06-02..2023-07', 'taken:<=2023-06-14', 'added:<7d', 'added:2023', 'tag:x', 'album:A', 'width:>10', 'sunset', 'rating:5 OR "on the beach"', '-(label:red name:x)']) {
      expect(compile(query), query).toBeNull();
    }
  });
});
