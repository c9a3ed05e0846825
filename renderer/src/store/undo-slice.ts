import { emptyHistory, type UndoHistory } from '../logic/undo-stack.js';
import type { Slice } from './types.js';

/** An edit that already ran, with what it takes to take it back and to do it again. */
export interface UndoEntry {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export interface UndoSlice {
  history: UndoHistory<UndoEntry>;
  /** An undo or redo is running; further presses wait rather than interleave. */
  undoBusy: boolean;
  setHistory(history: UndoHistory<UndoEntry>): void;
  setUndoBusy(busy: boolean): void;
}

export const createUndoSlice: Slice<UndoSlice> = (set) => ({
  history: emptyHistory<UndoEntry>(),
  undoBusy: false,
  setHistory: (history) => set({ history }),
  setUndoBusy: (undoBusy) => set({ undoBusy }),
});
