/**
 * A search tree → its query text, in one canonical spelling: parsing what this prints gives
 * the same tree (the places aside). Values that the lexer would split or read otherwise are
 * quoted; parentheses are written only where the grammar needs them.
 */
import type { ConfidenceTest, DateTest, NumberTest, SearchNode, Term } from './ast.js';
import { FIELD_SPELLING } from './fields.js';

const NEEDS_QUOTES = /[\s()"]|^$/u;

export function quote(value: string): string {
  return `"${value.replace(/[\\"]/gu, (c) => `\\${c}`)}"`;
}

function value(text: string, also?: RegExp): string {
  return NEEDS_QUOTES.test(text) || (also?.test(text) ?? false) ? quote(text) : text;
}

function numberTest(test: NumberTest): string {
  if (test.kind === 'range') return `${test.from}..${test.to}`;
  return test.op === '=' ? String(test.value) : `${test.op}${test.value}`;
}

/** After an AI tag's name the sign is what starts the confidence, so `=` is always written. */
function confidenceTest(test: ConfidenceTest): string {
  return `${test.op}${test.value}`;
}

function dateTest(test: DateTest): string {
  if (test.kind === 'range') return `${test.from}..${test.to}`;
  const op = test.op === '=' ? '' : test.op;
  if (test.kind === 'age') return `${op}${test.amount}${test.unit}`;
  return `${op}${test.value}`;
}

export function printTerm(term: Term): string {
  const name = `${FIELD_SPELLING[term.field]}:`;
  switch (term.field) {
    case 'ai':
      // A comparison sign in the name would be read as the confidence: quote it.
      return `${name}${value(term.value, /[<>=]/u)}${term.confidence === null ? '' : confidenceTest(term.confidence)}`;
    case 'rating':
    case 'width':
    case 'height':
    case 'size':
      return `${name}${numberTest(term.test)}`;
    case 'taken':
    case 'added':
      return `${name}${dateTest(term.test)}`;
    default:
      return `${name}${value(term.value)}`;
  }
}

function grouped(node: SearchNode, inside: 'and' | 'or' | 'not'): string {
  const text = printSearch(node);
  const needs = node.kind === 'or' || (node.kind === 'and' && inside !== 'or');
  return needs ? `(${text})` : text;
}

export function printSearch(node: SearchNode): string {
  switch (node.kind) {
    case 'and':
      return node.children.map((child) => grouped(child, 'and')).join(' ');
    case 'or':
      return node.children.map((child) => (child.kind === 'or' ? `(${printSearch(child)})` : grouped(child, 'or'))).join(' OR ');
    case 'not':
      return `-${grouped(node.child, 'not')}`;
    case 'text':
      return node.quoted ? quote(node.text) : node.text;
    case 'term':
      return printTerm(node.term);
  }
}
