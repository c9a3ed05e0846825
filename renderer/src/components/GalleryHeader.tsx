import { restoreItems } from '../actions/edit-items.js';
import { trashSelection } from '../actions/view-edits.js';
import { viewTitle } from '../logic/gallery-query.js';
import { orderedSelection, selectionCount } from '../logic/selection.js';
import { selectionTarget } from '../logic/selection-target.js';
import { useStore } from '../store/store.js';
import { AlbumGalleryActions } from './AlbumActions.js';

function plural(count: number, one: string): string {
  return `${count.toLocaleString()} ${one}${count === 1 ? '' : 's'}`;
}

/** The gallery's title line, and the actions that make sense for the view (trash: restore, empty). */
export function GalleryHeader() {
  const view = useStore((s) => s.view);
  const count = useStore((s) => s.ids.length);
  const loading = useStore((s) => s.idsLoading);
  const selectedCount = useStore((s) => selectionCount(s.selection, s.ids.length));
  const openDialog = useStore((s) => s.openDialog);
  const selected = (): number[] => {
    const state = useStore.getState();
    return orderedSelection(state.selection.selected, state.idIndex);
  };
  const inTrash = view.kind === 'trash';
  return (
    <div className="gallery-header">
      <h2 className="gallery-title">{viewTitle(view)}</h2>
      <span className="gallery-count" aria-live="polite">
        {loading ? 'Loading…' : plural(count, 'item')}
        {selectedCount > 0 && ` · ${selectedCount.toLocaleString()} selected`}
      </span>
      <div className="gallery-actions">
        <AlbumGalleryActions />
        {inTrash ? (
          <>
            <button type="button" disabled={selectedCount === 0} onClick={() => void restoreItems(selected())}>
              Restore selected
            </button>
            <button type="button" className="danger" disabled={count === 0} onClick={() => openDialog({ kind: 'empty-trash' })}>
              Empty trash…
            </button>
          </>
        ) : (
          <button type="button" disabled={selectedCount === 0} onClick={() => void trashSelection(selectionTarget(useStore.getState()), selected())}>
            Move to trash
          </button>
        )}
      </div>
    </div>
  );
}
