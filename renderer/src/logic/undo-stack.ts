/**
 * Undo/redo history as an immutable pair of stacks. Each entry is a command that already ran
 * and knows its inverse (Tropy style); the stack only decides which one runs next.
 */

export interface UndoHistory<T> {
  past: readonly T[];
  future: readonly T[];
}

export const UNDO_LIMIT = 100;

export function emptyHistory<T>(): UndoHistory<T> {
  return { past: [], future: [] };
}

/** A new edit: it becomes the next undo, and the redo branch is dropped. */
export function record<T>(history: UndoHistory<T>, entry: T, limit = UNDO_LIMIT): UndoHistory<T> {
  const past = [...history.past, entry];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

/** The entry to undo and the history after undoing it, or null when there is nothing to undo. */
export function takeUndo<T>(history: UndoHistory<T>): { entry: T; history: UndoHistory<T> } | null {
  const entry = history.past[history.past.length - 1];
  if (entry === undefined) return null;
  return { entry, history: { past: history.past.slice(0, -1), future: [...history.future, entry] } };
}

export function takeRedo<T>(history: UndoHistory<T>): { entry: T; history: UndoHistory<T> } | null {
  const entry = history.future[history.future.length - 1];
  if (entry === undefined) return null;
  return { entry, history: { past: [...history.past, entry], future: history.future.slice(0, -1) } };
}

/** An undo or redo that failed (the item is gone, the server refused): the entry is dropped, not retried forever. */
export function dropFailed<T>(history: UndoHistory<T>, entry: T): UndoHistory<T> {
  return { past: history.past.filter((e) => e !== entry), future: history.future.filter((e) => e !== entry) };
}
