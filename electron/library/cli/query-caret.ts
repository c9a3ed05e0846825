/**
 * A search query's fault as the terminal shows it: the query, and under it a caret and tildes
 * at the faulty part (as compilers do), so `folio list --query` says where, not only what.
 */
import { FolioError } from '../../../shared/errors.js';
import { terminalText } from './terminal-text.js';

export function queryCaret(query: string, position: number, length: number): string {
  // Escaped control characters are wider than one column: measure the escaped text.
  const lead = terminalText(query.slice(0, position)).length;
  const marked = Math.max(1, terminalText(query.slice(position, position + length)).length);
  return `  ${terminalText(query)}\n  ${' '.repeat(lead)}^${'~'.repeat(marked - 1)}`;
}

/** The fault of `--query` with the option named, after printing where it is. */
export function withQueryCaret(error: unknown, query: string | undefined, note: (text: string) => void): unknown {
  if (!(error instanceof FolioError) || error.field !== 'filter.query' || error.details === undefined || query === undefined) return error;
  note(queryCaret(query, error.details.position, error.details.length));
  return new FolioError(error.code, error.message, { field: '--query', details: error.details });
}
