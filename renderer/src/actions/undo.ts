/** Undo and redo over the recorded edits; one runs at a time, a failed one is dropped. */
import { dropFailed, record, takeRedo, takeUndo } from '../logic/undo-stack.js';
import { useStore } from '../store/store.js';
import type { UndoEntry } from '../store/undo-slice.js';
import { notify, reportError } from './report.js';

export function recordEdit(entry: UndoEntry): void {
  const state = useStore.getState();
  state.setHistory(record(state.history, entry));
}

async function step(direction: 'undo' | 'redo'): Promise<void> {
  const state = useStore.getState();
  if (state.undoBusy) return;
  const taken = direction === 'undo' ? takeUndo(state.history) : takeRedo(state.history);
  if (!taken) {
    notify(direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
    return;
  }
  // The history moves first, so an edit recorded while this runs lands after it.
  state.setHistory(taken.history);
  state.setUndoBusy(true);
  try {
    await (direction === 'undo' ? taken.entry.undo() : taken.entry.redo());
    notify(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${taken.entry.label}`);
  } catch (error) {
    useStore.getState().setHistory(dropFailed(useStore.getState().history, taken.entry));
    reportError(error, `${direction} “${taken.entry.label}”`);
  } finally {
    useStore.getState().setUndoBusy(false);
  }
}

export const undo = (): Promise<void> => step('undo');
export const redo = (): Promise<void> => step('redo');
