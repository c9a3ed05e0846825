import { EMPTY_SELECTION, type SelectionState } from '../logic/selection.js';
import type { Slice } from './types.js';

/** Which items are selected and where keyboard focus is (ids, so re-sorting keeps them). */
export interface SelectionSlice {
  selection: SelectionState;
  setSelection(selection: SelectionState): void;
  clearSelection(): void;
}

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  selection: EMPTY_SELECTION,
  setSelection: (selection) => set({ selection }),
  clearSelection: () => set({ selection: EMPTY_SELECTION }),
});
