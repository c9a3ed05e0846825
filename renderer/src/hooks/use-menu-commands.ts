import { useEffect } from 'react';
import type { MenuCommand, ThumbnailSizeStep } from '../../../shared/events.js';
import { on } from '../api/client.js';
import { redo, undo } from '../actions/undo.js';
import { selectAll } from '../logic/selection.js';
import { useStore } from '../store/store.js';

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
      return;
  }
}

/** The desktop menu's UI commands (only the Electron app sends them; browser mode never does). */
export function useMenuCommands(): void {
  useEffect(() => on('menu.command', runMenuCommand), []);
}
