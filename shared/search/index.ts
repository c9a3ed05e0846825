/** The search language: parse a query into a tree, print a tree back, name the fields. */
export type { AgeUnit, Comparison, ConfidenceTest, DateTest, NumberTest, SearchNode, Span, Term, TermField } from './ast.js';
export { FIELD_NAMES, IS_VALUES, type FieldInfo } from './fields.js';
export { MAX_QUERY_LENGTH, parseSearch } from './parser.js';
export { printSearch, printTerm } from './printer.js';
export { ageStart, dateEnd, dateStart } from './values.js';
