import { useId, useState, type FormEvent } from 'react';
import { emptyTrash, renameItem, trashFiles } from '../actions/edit-items.js';
import { useItem } from '../hooks/use-item.js';
import { useStore } from '../store/store.js';
import { Modal } from './Modal.js';
import { LibraryBackupDialog, LibraryCheckDialog } from './LibraryDialogs.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { DuplicatesView } from './DuplicatesView.js';
import { ConfirmDialog } from './ConfirmDialog.js';

function RenameDialog({ id }: { id: number }) {
  const item = useItem(id);
  const close = useStore((s) => s.closeDialog);
  const [name, setName] = useState<string | null>(null);
  const [onDisk, setOnDisk] = useState(false);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const fieldId = useId();
  const diskId = useId();
  const value = name ?? item?.name ?? '';
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (value.trim() === '' || !item) return;
    if (value.trim() === item.name && !onDisk) {
      close();
      return;
    }
    setBusy(true);
    const renamed = await renameItem(id, value.trim(), onDisk);
    setBusy(false);
    if (renamed) close();
  };
  return (
    <Modal labelledBy={titleId} onClose={close}>
      <form className="dialog-body" onSubmit={(e) => void submit(e)}>
        <h2 id={titleId}>Rename</h2>
        <label htmlFor={fieldId}>New name</label>
        <input
          id={fieldId}
          type="text"
          value={value}
          autoFocus
          onFocus={(e) => {
            // Select the name without its extension, as file managers do.
            const dot = e.target.value.lastIndexOf('.');
            e.target.setSelectionRange(0, dot > 0 ? dot : e.target.value.length);
          }}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="checkbox-row">
          <input id={diskId} type="checkbox" checked={onDisk} onChange={(e) => setOnDisk(e.target.checked)} />
          <label htmlFor={diskId}>Also rename the file on disk{item ? ` (${item.originalName})` : ''}</label>
        </div>
        <p className="hint">Without this, only the name shown in Folio changes; the file keeps its name.</p>
        <div className="button-row end">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || value.trim() === ''}>
            Rename
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A confirmation of the dialog slot: closing it closes the slot. */
function SlotConfirmDialog({ title, text, action, run }: { title: string; text: string; action: string; run(): Promise<void> }) {
  const close = useStore((s) => s.closeDialog);
  return <ConfirmDialog title={title} text={text} action={action} onConfirm={run} onClose={close} />;
}

function EmptyTrashDialog() {
  const count = useStore((s) => s.info?.trashCount ?? null);
  const what = count === null ? 'The items in the trash' : `${count.toLocaleString()} ${count === 1 ? 'item' : 'items'}`;
  return (
    <SlotConfirmDialog
      title="Empty the trash?"
      text={`${what} will be removed from the library with their tags, descriptions and thumbnails. This can’t be undone. Your files on disk are not touched.`}
      action="Empty trash"
      run={emptyTrash}
    />
  );
}

/** Desktop only: the files themselves go to the system trash, after an explicit confirmation. */
function TrashFilesDialog({ ids }: { ids: number[] }) {
  const what = ids.length === 1 ? 'this file' : `these ${ids.length} files`;
  return (
    <SlotConfirmDialog
      title={`Move ${what} to the system trash?`}
      text="The files themselves leave their folders and go to your system’s trash, where you can get them back. Folio forgets them."
      action="Move to system trash"
      run={() => trashFiles(ids)}
    />
  );
}

export function Dialogs() {
  const dialog = useStore((s) => s.dialog);
  if (dialog === null) return null;
  if (dialog.kind === 'rename') return <RenameDialog key={dialog.id} id={dialog.id} />;
  if (dialog.kind === 'empty-trash') return <EmptyTrashDialog />;
  if (dialog.kind === 'library-backup') return <LibraryBackupDialog />;
  if (dialog.kind === 'library-check') return <LibraryCheckDialog />;
  if (dialog.kind === 'shortcuts') return <ShortcutsDialog />;
  if (dialog.kind === 'duplicates') return <DuplicatesView />;
  return <TrashFilesDialog ids={dialog.ids} />;
}
