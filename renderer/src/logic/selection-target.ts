/**
 * What a bulk command acts on: the ids the page holds, and the span of the view it does not
 * (Ctrl+A, a long Shift-range) as a view selection the library resolves (`allOf`).
 */
import { MAX_IDS } from '../../../shared/limits.js';
import type { MediaSort } from '../../../shared/schemas.js';
import type { ViewSelection } from '../../../shared/view-selection.js';
import { buildFilter, type GalleryView } from './gallery-query.js';
import { orderedSelection, selectionCount, type SelectionState } from './selection.js';
import type { PositionIndex } from './view-ids.js';

export interface SelectionTarget {
  /** Held ids, in gallery order. */
  ids: number[];
  /** The span, when there is one. */
  allOf: ViewSelection | null;
  /** How many items that is (the span counted by positions). */
  count: number;
}

export interface TargetSource {
  selection: SelectionState;
  idIndex: PositionIndex;
  view: GalleryView;
  search: string;
  sort: MediaSort;
}

export function selectionTarget({ selection, idIndex, view, search, sort }: TargetSource): SelectionTarget {
  const ids = orderedSelection(selection.selected, idIndex);
  const span = selection.span;
  if (!span) return { ids, allOf: null, count: ids.length };
  const allOf: ViewSelection = { filter: buildFilter(view, search), sort };
  if (!span.all) {
    allOf.offset = span.from;
    allOf.limit = span.to - span.from + 1;
  }
  // Ids both held and in the span would be counted twice; they are left out of the span.
  const except = [...new Set([...span.except, ...ids])];
  if (except.length > 0) allOf.except = except.slice(0, MAX_IDS);
  return { ids, allOf, count: selectionCount(selection, idIndex.length) };
}
