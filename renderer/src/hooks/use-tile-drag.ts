/**
 * Dragging tiles: a tile drags the selection (or itself alone when it is not selected) as a
 * list of item ids. The sidebar's albums take the drop (add to the album); in an album's view
 * the tiles take it too (move the dragged items before the tile dropped on).
 */
import { useMemo, type DragEvent } from 'react';
import { reorderAlbum } from '../actions/albums.js';
import { orderedSelection } from '../logic/selection.js';
import { useStore } from '../store/store.js';

/** The drag's data type: only Folio's own tiles carry it (a file dragged in from outside never does). */
export const ITEM_IDS_TYPE = 'application/x-folio-item-ids';

export function isItemDrag(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(ITEM_IDS_TYPE);
}

export function draggedIds(event: DragEvent): number[] {
  try {
    const parsed: unknown = JSON.parse(event.dataTransfer.getData(ITEM_IDS_TYPE));
    return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isSafeInteger(id) && id > 0) : [];
  } catch {
    return [];
  }
}

export function useTileDrag(id: number) {
  return useMemo(
    () => ({
      draggable: true,
      onDragStart: (event: DragEvent) => {
        const state = useStore.getState();
        const ids = state.selection.selected.has(id) ? orderedSelection(state.selection.selected, state.idIndex) : [id];
        event.dataTransfer.setData(ITEM_IDS_TYPE, JSON.stringify(ids));
        event.dataTransfer.effectAllowed = 'copyMove';
      },
      onDragOver: (event: DragEvent) => {
        if (useStore.getState().view.kind !== 'album' || !isItemDrag(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      },
      onDrop: (event: DragEvent) => {
        const { view } = useStore.getState();
        if (view.kind !== 'album') return;
        const ids = draggedIds(event);
        if (ids.length === 0) return;
        event.preventDefault();
        void reorderAlbum(view.id, view.name, ids, id);
      },
    }),
    [id],
  );
}
