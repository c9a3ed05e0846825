/**
 * The keys the gallery and the preview share: the curating keys (0–9, P, X, U), `T` for the
 * tag editor and `?` for the list of shortcuts. Each view says which items a key acts on and
 * how to move to the next one.
 */
import { curatingForKey } from '../logic/curating-keys.js';
import { useStore } from '../store/store.js';
import { setCurating } from './set-curating.js';

export interface LibraryKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  preventDefault(): void;
}

/** True when the key was one of these (and is handled). */
export function handleLibraryKey(event: LibraryKeyEvent, targets: () => number[], advance: () => void): boolean {
  const state = useStore.getState();
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key === '?') {
    event.preventDefault();
    state.openDialog({ kind: 'shortcuts' });
    return true;
  }
  if (event.key === 't' || event.key === 'T') {
    const ids = targets();
    if (ids.length === 0) return false;
    // Not typed into the field it focuses.
    event.preventDefault();
    // The tag editor is in the details panel, outside the preview's modal.
    if (state.previewId !== null) state.closePreview();
    if (!state.panelOpen) state.togglePanel();
    state.requestFocus('tags');
    return true;
  }
  const change = curatingForKey(event);
  if (change === null || state.view.kind === 'trash') return false;
  const ids = targets();
  if (ids.length === 0) return false;
  event.preventDefault();
  void setCurating(ids, change);
  if (state.advanceAfterCurating) advance();
  return true;
}
