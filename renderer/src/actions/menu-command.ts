import type { MenuCommand, ThumbnailSizeStep } from '../../../shared/events.js';
import { selectAll } from '../logic/selection.js';
import { useStore } from '../store/store.js';
import { redo, undo } from './undo.js';

/** The View menu's steps, in the slider's pixels. */
export const MENU_TILE_SIZES: Record<ThumbnailSizeStep, number> = { small: 96, medium: 160, large: 256 };

export function runMenuCommand(command: MenuCommand): void {
  const state = useStore.getState();
  switch (command.command) {
    case 'undo':
      void undo();
      return;
    case 'redo':
      void redo();
      return;
    case 'select-all':
      state.setSelection(selectAll(state.ids, state.selection));
      return;
    case 'focus-search':
      state.requestFocus('search');
      return;
    case 'thumbnail-size':
      state.setTileSize(MENU_TILE_SIZES[command.size]);
      return;
    case 'toggle-sidebar':
      state.toggleSidebar();
      return;
    case 'toggle-details':
      state.togglePanel();
      return;
    case 'show-trash':
      state.setView({ kind: 'trash' });
      state.setTagManagerOpen(false);
      return;
    // The dialogs run the backup and the check, and show how they went.
    case 'back-up':
      state.openDialog({ kind: 'library-backup' });
      return;
    case 'check-library':
      state.openDialog({ kind: 'library-check' });
      return;
    case 'tag-manager':
      state.setTagManagerOpen(true);
      return;
  }
}
