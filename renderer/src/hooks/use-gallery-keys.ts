import { useCallback, type KeyboardEvent } from 'react';
import { trashSelection } from '../actions/view-edits.js';
import { idAt } from '../actions/view-windows.js';
import { handleLibraryKey } from '../actions/library-keys.js';
import { isNavigationKey, moveIndex, type GridLayout } from '../logic/grid-math.js';
import { keyboardSelect, orderedSelection, selectAll, toggleFocused } from '../logic/selection.js';
import { selectionTarget } from '../logic/selection-target.js';
import { useStore } from '../store/store.js';

/**
 * The gallery's keyboard: arrows/Home/End/PageUp/PageDown move focus (Shift extends, Ctrl
 * moves focus only), Ctrl+A selects all, Ctrl+Space toggles, Escape clears, Enter/Space opens
 * the preview, Delete moves to the trash, F2 renames; the curating keys, T and ? are the
 * preview's too (actions/library-keys).
 */
export function useGalleryKeys(layout: GridLayout, pageRows: number, scrollToIndex: (index: number) => void) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const state = useStore.getState();
      const { ids, idIndex, selection } = state;
      const toggle = event.ctrlKey || event.metaKey;
      const focusIndex = selection.focus === null ? -1 : idIndex.indexOf(selection.focus);
      if (isNavigationKey(event.key)) {
        event.preventDefault();
        const next = moveIndex(focusIndex, event.key, layout.columns, ids.length, pageRows);
        const mods = { shift: event.shiftKey, toggle };
        const id = ids.at(next);
        scrollToIndex(next);
        if (id !== undefined) {
          state.setSelection(keyboardSelect(selection, idIndex, id, mods));
          return;
        }
        // End (or a page far down) lands where no window is loaded yet: select once it arrives.
        void idAt(next).then((arrived) => {
          if (arrived === undefined) return;
          const now = useStore.getState();
          now.setSelection(keyboardSelect(now.selection, now.idIndex, arrived, mods));
        });
        return;
      }
      const target = (): number[] => {
        const chosen = orderedSelection(selection.selected, idIndex);
        return chosen.length > 0 ? chosen : selection.focus === null ? [] : [selection.focus];
      };
      const advance = (): void => {
        const id = ids.at(focusIndex + 1);
        if (id === undefined) return;
        state.setSelection({ selected: new Set([id]), anchor: id, focus: id });
        scrollToIndex(focusIndex + 1);
      };
      if (handleLibraryKey(event, target, advance)) return;
      const key = event.key.toLowerCase();
      if (toggle && key === 'a' && !event.shiftKey) {
        event.preventDefault();
        state.setSelection(selectAll(ids, selection));
      } else if (toggle && event.key === ' ') {
        event.preventDefault();
        state.setSelection(toggleFocused(selection));
      } else if (event.key === 'Escape' && (selection.selected.size > 0 || selection.span)) {
        event.preventDefault();
        // Focus stays where it was, so the next arrow continues from there.
        state.setSelection({ selected: new Set(), anchor: null, focus: selection.focus, span: null });
      } else if ((event.key === 'Enter' || event.key === ' ') && !toggle) {
        const target = selection.focus ?? orderedSelection(selection.selected, idIndex)[0] ?? ids.at(0);
        if (target === undefined) return;
        event.preventDefault();
        state.openPreview(target);
      } else if (event.key === 'Delete' && state.view.kind !== 'trash') {
        const chosen = orderedSelection(selection.selected, idIndex);
        if (chosen.length === 0 && !selection.span) return;
        event.preventDefault();
        void trashSelection(selectionTarget(state), chosen);
      } else if (event.key === 'F2') {
        const target = selection.selected.size === 1 ? [...selection.selected][0] : selection.focus;
        if (target === undefined || target === null) return;
        event.preventDefault();
        state.openDialog({ kind: 'rename', id: target });
      }
    },
    [layout.columns, pageRows, scrollToIndex],
  );
}
