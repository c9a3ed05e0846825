import { useState } from 'react';
import { editSelectionTags, trashSelection } from '../actions/view-edits.js';
import { selectionTarget } from '../logic/selection-target.js';
import { useStore } from '../store/store.js';
import { TagInput } from './TagInput.js';

/**
 * The panel for a selection that spans the view (Ctrl+A, a long Shift-range): its count, tags
 * to add to or remove from every item of it, and the trash. The page never holds those ids;
 * each command sends the span for the library to resolve.
 */
export function ViewSelectionPanel() {
  const count = useStore((s) => selectionTarget(s).count);
  const inTrash = useStore((s) => s.view.kind === 'trash');
  const [added, setAdded] = useState<string[]>([]);
  const [removing, setRemoving] = useState<string[]>([]);
  const target = () => selectionTarget(useStore.getState());
  return (
    <>
      <h2 className="panel-title">{count.toLocaleString()} items selected</h2>
      <section className="panel-section" aria-labelledby="view-tags-heading">
        <h3 id="view-tags-heading">Tags of all {count.toLocaleString()} items</h3>
        {added.length > 0 && <p className="hint">Added: {added.map((tag) => `“${tag}”`).join(', ')}</p>}
        <TagInput
          present={added}
          label={`Add a tag to all ${count.toLocaleString()} items`}
          onAdd={async (tag) => {
            const done = await editSelectionTags(target(), [tag], []);
            if (done) setAdded((tags) => [...tags, tag]);
            return done;
          }}
          onRemoveLast={() => undefined}
        />
        {removing.length > 0 && <p className="hint">Removed: {removing.map((tag) => `“${tag}”`).join(', ')}</p>}
        <TagInput
          present={removing}
          label={`Remove a tag from all ${count.toLocaleString()} items`}
          onAdd={async (tag) => {
            const done = await editSelectionTags(target(), [], [tag]);
            if (done) setRemoving((tags) => [...tags, tag]);
            return done;
          }}
          onRemoveLast={() => undefined}
        />
      </section>
      {!inTrash && (
        <div className="button-row">
          <button type="button" onClick={() => void trashSelection(target())}>
            Move {count.toLocaleString()} items to the trash
          </button>
        </div>
      )}
    </>
  );
}
