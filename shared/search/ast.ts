/**
 * The search language's tree. Every node keeps where it was written (`start`, `end`: offsets
 * into the query text) so an error found later, in the service, can still point at the text.
 */
export interface Span {
  start: number;
  end: number;
}

export type Comparison = '=' | '<' | '<=' | '>' | '>=';

/** A number compared or in an inclusive range (`>=4`, `3..5`, `=2`). */
export type NumberTest = { kind: 'compare'; op: Comparison; value: number } | { kind: 'range'; from: number; to: number };

/**
 * A calendar date written to a year, month or day (`2023`, `2023-06`, `2023-06-15`), compared
 * or in an inclusive range of such dates, or (for `added:`) an age: `<7d` is "less than 7
 * days old".
 */
export type DateTest =
  | { kind: 'compare'; op: Comparison; value: string }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'age'; op: Comparison; amount: number; unit: AgeUnit };

/** An AI tag's confidence, from 0 to 1: `ai:dog>=0.8`. */
export type ConfidenceTest = Extract<NumberTest, { kind: 'compare' }>;

export type AgeUnit = 'h' | 'd' | 'w' | 'm' | 'y';

export type Term =
  | { field: 'tag'; value: string }
  | { field: 'ai'; value: string; confidence: ConfidenceTest | null }
  | { field: 'rating' | 'width' | 'height' | 'size'; test: NumberTest }
  | { field: 'label' | 'flag' | 'type' | 'is' | 'has' | 'duplicate'; value: string }
  | { field: 'album' | 'camera' | 'folder' | 'name' | 'format'; value: string }
  | { field: 'taken' | 'added'; test: DateTest };

export type TermField = Term['field'];

export type SearchNode =
  | ({ kind: 'and'; children: SearchNode[] } & Span)
  | ({ kind: 'or'; children: SearchNode[] } & Span)
  | ({ kind: 'not'; child: SearchNode } & Span)
  | ({ kind: 'term'; term: Term } & Span)
  /** Words (or a quoted phrase) to find in the name or the description. */
  | ({ kind: 'text'; text: string; quoted: boolean } & Span);
