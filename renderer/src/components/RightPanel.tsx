import { useMemo } from 'react';
import { restoreItems, trashItems } from '../actions/edit-items.js';
import { useItem } from '../hooks/use-item.js';
import { orderedSelection } from '../logic/selection.js';
import { useStore } from '../store/store.js';
import { AiTagsSection } from './AiTagsSection.js';
import { CuratingSection } from './CuratingSection.js';
import { DesktopActions } from './DesktopActions.js';
import { DescriptionField, NameField } from './EditableFields.js';
import { FileDetails } from './FileDetails.js';
import { FileMetadataSection } from './FileMetadataSection.js';
import { FocusAreaSection } from './FocusAreaSection.js';
import { MetadataEditor } from './MetadataEditor.js';
import { StackSection, StackSelectedButton } from './StackSection.js';
import { TagEditor } from './TagEditor.js';
import { ViewSelectionPanel } from './ViewSelectionPanel.js';

function SingleItem({ id }: { id: number }) {
  const item = useItem(id);
  const ids = useMemo(() => [id], [id]);
  if (!item) return <p className="hint">Loading…</p>;
  return (
    <>
      <h2 className="panel-title">{item.name}</h2>
      {item.status === 'deleted' && (
        <div className="panel-banner">
          In the trash.{' '}
          <button type="button" onClick={() => void restoreItems([id])}>
            Restore
          </button>
        </div>
      )}
      <section className="panel-section" aria-labelledby="edit-heading">
        <h3 id="edit-heading">Details</h3>
        <NameField item={item} />
        <DescriptionField item={item} />
      </section>
      <CuratingSection ids={ids} current={item} />
      <section className="panel-section" aria-labelledby="tags-heading">
        <h3 id="tags-heading">Tags</h3>
        <TagEditor ids={ids} />
      </section>
      <AiTagsSection item={item} ids={ids} />
      <StackSection item={item} />
      <MetadataEditor item={item} />
      <FocusAreaSection item={item} />
      <FileDetails item={item} />
      <FileMetadataSection item={item} />
      <DesktopActions item={item} />
    </>
  );
}

function ManyItems({ ids }: { ids: readonly number[] }) {
  const inTrash = useStore((s) => s.view.kind === 'trash');
  return (
    <>
      <h2 className="panel-title">{ids.length.toLocaleString()} items selected</h2>
      {!inTrash && <CuratingSection ids={ids} />}
      <section className="panel-section" aria-labelledby="tags-heading">
        <h3 id="tags-heading">Tags</h3>
        <TagEditor ids={ids} />
      </section>
      <AiTagsSection ids={ids} />
      <div className="button-row">
        {inTrash ? (
          <button type="button" onClick={() => void restoreItems(ids)}>
            Restore {ids.length} items
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void trashItems(ids)}>
              Move {ids.length} items to the trash
            </button>
            <StackSelectedButton ids={ids} />
          </>
        )}
      </div>
    </>
  );
}

/** The right panel: details and editors for what is selected. */
export function RightPanel() {
  const selected = useStore((s) => s.selection.selected);
  const idIndex = useStore((s) => s.idIndex);
  const spanning = useStore((s) => Boolean(s.selection.span));
  const ids = useMemo(() => orderedSelection(selected, idIndex), [selected, idIndex]);
  const single = ids.length === 1 ? ids[0] : undefined;
  if (spanning) {
    return (
      <aside className="panel" aria-label="Details">
        <ViewSelectionPanel />
      </aside>
    );
  }
  return (
    <aside className="panel" aria-label="Details">
      {ids.length === 0 && <p className="hint panel-empty">Select an item to see and edit its details. Shift- or Ctrl-click to select several.</p>}
      {single !== undefined && <SingleItem key={single} id={single} />}
      {ids.length > 1 && <ManyItems ids={ids} />}
    </aside>
  );
}
