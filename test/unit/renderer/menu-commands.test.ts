import { beforeEach, describe, expect, it } from 'vitest';
import { MENU_TILE_SIZES, runMenuCommand } from '../../../renderer/src/actions/menu-command.js';
import { isSelected, selectionCount } from '../../../renderer/src/logic/selection.js';
import { useStore } from '../../../renderer/src/store/store.js';

const initial = useStore.getState();
beforeEach(() => useStore.setState(initial, true));

describe('desktop menu commands', () => {
  it('select all takes every id of the gallery', () => {
    useStore.getState().setIds([4, 5, 6]);
    runMenuCommand({ command: 'select-all' });
    const { selection } = useStore.getState();
    expect(selectionCount(selection, 3)).toBe(3);
    expect([4, 5, 6].every((id) => isSelected(selection, id, useStore.getState().idIndex))).toBe(true);
  });

  it('thumbnail size steps map to tile sizes', () => {
    runMenuCommand({ command: 'thumbnail-size', size: 'large' });
    expect(useStore.getState().tileSize).toBe(MENU_TILE_SIZES.large);
    runMenuCommand({ command: 'thumbnail-size', size: 'small' });
    expect(useStore.getState().tileSize).toBe(MENU_TILE_SIZES.small);
  });

  it('panels, trash and search focus', () => {
    runMenuCommand({ command: 'toggle-details' });
    runMenuCommand({ command: 'toggle-sidebar' });
    runMenuCommand({ command: 'show-trash' });
    runMenuCommand({ command: 'tag-manager' });
    runMenuCommand({ command: 'focus-search' });
    const state = useStore.getState();
    expect(state.panelOpen).toBe(false);
    expect(state.sidebarOpen).toBe(false);
    expect(state.view).toEqual({ kind: 'trash' });
    expect(state.tagManagerOpen).toBe(true);
    expect(state.focusRequest?.target).toBe('search');
  });

  it('Back Up Now and Check Library… open the dialogs that run them', () => {
    runMenuCommand({ command: 'back-up' });
    expect(useStore.getState().dialog).toEqual({ kind: 'library-backup' });
    runMenuCommand({ command: 'check-library' });
    expect(useStore.getState().dialog).toEqual({ kind: 'library-check' });
  });

  it('undo with nothing recorded says so instead of failing', async () => {
    runMenuCommand({ command: 'undo' });
    await Promise.resolve();
    expect(useStore.getState().toasts.map((t) => t.title)).toContain('Nothing to undo');
  });
});
