/**
 * What every compiler of a search tree into one SQL condition shares: bound parameters (each
 * compiler its own prefix, clear of the list query's names) and the walk over AND, OR and NOT.
 * A compiler says what a term and a phrase are on its rows: search-expression.ts on the media
 * row `m`, facet-expression.ts on the kept cube's row `f`.
 */
import type { SearchNode, Span, Term } from '../../../shared/search/index.js';

export abstract class ConditionCompiler {
  readonly params: Record<string, unknown> = {};
  private next = 0;

  constructor(private readonly prefix: string) {}

  /** A fresh parameter name bound to `value`. */
  bind(value: unknown): string {
    const name = `${this.prefix}${this.next}`;
    this.next += 1;
    this.params[name] = value;
    return `@${name}`;
  }

  node(node: SearchNode): string {
    switch (node.kind) {
      case 'and':
        return `(${node.children.map((child) => this.node(child)).join(' AND ')})`;
      case 'or':
        return `(${node.children.map((child) => this.node(child)).join(' OR ')})`;
      case 'not':
        return this.not(node.child);
      case 'text':
        return this.text(node.text);
      case 'term':
        return this.term(node.term, node);
    }
  }

  /** Columns that may be NULL make `NOT x` unknown: "not" means "x is not true". */
  protected not(child: SearchNode): string {
    return `NOT coalesce(${this.node(child)}, 0)`;
  }

  protected abstract text(text: string): string;

  /** `span`: where the term was written (for errors that point at it). */
  protected abstract term(term: Term, span: Span): string;
}
