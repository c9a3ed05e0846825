/**
 * A search tree → the same condition on the kept cube's row `f` (media_facets: month of the date
 * sort, type, rating, label, flag; migration 015), or null when the cube cannot answer it: a
 * term on any other field, or a `taken:` bound inside a month (`taken:2023-06-15`). With it, the
 * count and the month buckets of such a search are sums over a few thousand cube rows instead
 * of a walk of the library (`taken:2019..2020 -flag:reject` read 100,000 rows on 1,000,000 items).
 *
 * Dates are compared as months: a bound that starts a month (`2019-01-01`, as `taken:2019`,
 * `taken:2019-06` and their ranges give) selects the same items by `sort_date >= bound` as by
 * `month >= bound's month`. Items without a date sort (month '') match no date term, as NULL
 * does in SQL, and negations follow search-expression.ts: NOT x is "x is not true".
 */
import type { DateTest, NumberTest, SearchNode, Term } from '../../../shared/search/index.js';
import { dateEnd, dateStart } from '../../../shared/search/index.js';
import { ConditionCompiler } from './condition-compiler.js';
import type { SqlCondition } from './search-expression.js';

/** Thrown inside the compiler when a node is not the cube's; caught once, at the top. */
class NotOnCube extends Error {}

class FacetCompiler extends ConditionCompiler {
  constructor() {
    super('fq');
  }

  protected text(): string {
    throw new NotOnCube();
  }

  private number(test: NumberTest): string {
    if (test.kind === 'range') return `f.rating BETWEEN ${this.bind(test.from)} AND ${this.bind(test.to)}`;
    return `f.rating ${test.op} ${this.bind(test.value)}`;
  }

  /** The month of a bound that starts a month; a bound inside one cannot be read from the cube. */
  private month(bound: string): string {
    if (!bound.endsWith('-01')) throw new NotOnCube();
    return this.bind(bound.slice(0, 7));
  }

  private date(test: DateTest): string {
    if (test.kind === 'age') throw new NotOnCube();
    const dated = `f.month <> ''`;
    if (test.kind === 'range') return `(${dated} AND f.month >= ${this.month(dateStart(test.from))} AND f.month < ${this.month(dateEnd(test.to))})`;
    const start = dateStart(test.value);
    const end = dateEnd(test.value);
    switch (test.op) {
      case '=':
        return `(${dated} AND f.month >= ${this.month(start)} AND f.month < ${this.month(end)})`;
      case '<':
        return `(${dated} AND f.month < ${this.month(start)})`;
      case '<=':
        return `(${dated} AND f.month < ${this.month(end)})`;
      case '>':
        return `(${dated} AND f.month >= ${this.month(end)})`;
      case '>=':
        return `(${dated} AND f.month >= ${this.month(start)})`;
    }
  }

  protected term(term: Term): string {
    switch (term.field) {
      case 'rating':
        return this.number(term.test);
      case 'label':
      case 'flag':
      case 'type':
        return `f.${term.field} = ${this.bind(term.value)}`;
      case 'taken':
        return this.date(term.test);
      default:
        throw new NotOnCube();
    }
  }
}

/** The tree as a condition on the cube's row `f`, or null when a term is not one of its columns. */
export function compileFacetSearch(node: SearchNode): SqlCondition | null {
  const compiler = new FacetCompiler();
  try {
    const sql = compiler.node(node);
    return { sql, params: compiler.params };
  } catch (error) {
    if (error instanceof NotOnCube) return null;
    throw error;
  }
}
