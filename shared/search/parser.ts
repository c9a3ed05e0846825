/**
 * The search language's grammar, over the lexer's tokens:
 *   query   := or?
 *   or      := and ('OR' and)*
 *   and     := unary unary*                 (terms side by side must all match)
 *   unary   := '-' unary | '(' or ')' | term
 * Every fault is an INVALID_ARGUMENT at its place: an unclosed parenthesis or quote, an
 * unknown field, a bad number or date, an empty part (`()`, `tag:`, `a OR`, a lone `-`).
 * Nothing unreadable is kept as a plain word.
 */
import type { SearchNode } from './ast.js';
import { FIELD_NAMES, readTerm } from './fields.js';
import { tokenize, type Token } from './lexer.js';
import { searchError } from './search-error.js';

/** The longest query the parser takes (the contract's limit on `filter.query`). */
export const MAX_QUERY_LENGTH = 2_000;
/** Parentheses nested deeper than this are refused (a query is typed by a person). */
const MAX_DEPTH = 32;

class Parser {
  private at = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  parse(): SearchNode | null {
    if (this.tokens.length === 0) return null;
    const node = this.or();
    const next = this.tokens[this.at];
    if (next !== undefined) {
      // Only a stray ')' stops the top level early.
      throw searchError('This ")" closes no "("', next.start, 1);
    }
    return node;
  }

  private or(): SearchNode {
    const first = this.and();
    const children = [first];
    while (this.tokens[this.at]?.kind === 'or') {
      const or = this.tokens[this.at] as Token;
      this.at += 1;
      const next = this.tokens[this.at];
      if (next === undefined || next.kind === 'close' || next.kind === 'or') {
        throw searchError('"OR" needs a term on each side', or.start, or.end - or.start);
      }
      children.push(this.and());
    }
    if (children.length === 1) return first;
    return { kind: 'or', children, start: first.start, end: (children[children.length - 1] as SearchNode).end };
  }

  private and(): SearchNode {
    const children: SearchNode[] = [];
    for (;;) {
      const next = this.tokens[this.at];
      if (next === undefined || next.kind === 'close') break;
      if (next.kind === 'or') {
        if (children.length === 0) throw searchError('"OR" needs a term on each side', next.start, next.end - next.start);
        break;
      }
      children.push(this.unary());
    }
    const first = children[0];
    if (first === undefined) {
      const next = this.tokens[this.at] as Token;
      throw searchError('This ")" closes no "("', next.start, 1);
    }
    if (children.length === 1) return first;
    return { kind: 'and', children, start: first.start, end: (children[children.length - 1] as SearchNode).end };
  }

  private unary(): SearchNode {
    const token = this.tokens[this.at] as Token;
    this.at += 1;
    if (token.kind === 'not') {
      const next = this.tokens[this.at];
      if (next === undefined || next.kind === 'close' || next.kind === 'or') {
        throw searchError('A "-" negates the term right after it; nothing follows this one', token.start, 1);
      }
      const child = this.unary();
      return { kind: 'not', child, start: token.start, end: child.end };
    }
    if (token.kind === 'open') {
      if (this.depth >= MAX_DEPTH) throw searchError(`Parentheses nest at most ${MAX_DEPTH} deep`, token.start, 1);
      const next = this.tokens[this.at];
      if (next === undefined) throw searchError('This "(" is never closed', token.start, this.text.length - token.start);
      if (next.kind === 'close') throw searchError('These parentheses are empty', token.start, next.end - token.start);
      this.depth += 1;
      const inner = this.or();
      this.depth -= 1;
      const close = this.tokens[this.at];
      if (close?.kind !== 'close') throw searchError('This "(" is never closed', token.start, this.text.length - token.start);
      this.at += 1;
      // The group keeps the parentheses' span, so an error inside still points into it.
      return { ...inner, start: token.start, end: close.end };
    }
    if (token.kind === 'term') return this.term(token);
    throw searchError('"OR" needs a term on each side', token.start, token.end - token.start);
  }

  private term(token: Extract<Token, { kind: 'term' }>): SearchNode {
    const span = { start: token.start, end: token.end };
    if (token.name === null) {
      if (token.value.trim() === '') throw searchError('These quotes are empty', token.start, token.end - token.start);
      return { kind: 'text', text: token.value, quoted: token.quoted, ...span };
    }
    const key = token.name === '#' ? 'tag' : token.name.toLowerCase();
    const info = FIELD_NAMES[key];
    if (info === undefined) {
      const known = Object.keys(FIELD_NAMES).join(', ');
      throw searchError(`"${token.name}:" is not a search field; the fields are ${known} (quote the text to search for it)`, token.nameStart, token.name.length + 1);
    }
    if (token.value.trim() === '') {
      throw searchError(`${token.name === '#' ? '#' : `${token.name}:`} needs a value`, token.nameStart, token.end - token.nameStart);
    }
    if (token.suffix !== '' && info.field !== 'ai') {
      throw searchError(`Only ai: takes something after its closing quote (a confidence, as ai:"golden retriever">=0.8)`, token.suffixStart, token.suffix.length);
    }
    const value = info.field === 'ai' ? token.value + token.suffix : token.value;
    const quotedName = token.quoted ? token.value.length : -1;
    return { kind: 'term', term: readTerm(info, key, value, token.valueStart, quotedName), ...span };
  }
}

/** The query's tree, or null for an empty query (everything matches). */
export function parseSearch(text: string): SearchNode | null {
  if (text.length > MAX_QUERY_LENGTH) throw searchError(`A search has at most ${MAX_QUERY_LENGTH} characters`, MAX_QUERY_LENGTH, text.length - MAX_QUERY_LENGTH);
  return new Parser(text, tokenize(text)).parse();
}
