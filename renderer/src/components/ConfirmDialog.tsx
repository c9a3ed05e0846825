import { useId, useState } from 'react';
import { Modal } from './Modal.js';

interface Props {
  title: string;
  text: string;
  action: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/**
 * A destructive step asked once more (emptying the trash, deleting a tag, an alias that merges a
 * tag): what happens, with the count. Cancel has the focus, so Enter or Escape never confirms by
 * accident.
 */
export function ConfirmDialog({ title, text, action, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const textId = useId();
  return (
    <Modal labelledBy={titleId} describedBy={textId} onClose={onClose} role="alertdialog">
      <div className="dialog-body">
        <h2 id={titleId}>{title}</h2>
        <p id={textId}>{text}</p>
        <div className="button-row end">
          <button type="button" autoFocus onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onConfirm().finally(onClose);
            }}
          >
            {action}
          </button>
        </div>
      </div>
    </Modal>
  );
}
