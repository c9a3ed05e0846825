import { useId } from 'react';
import { SHORTCUTS } from '../logic/curating-keys.js';
import { useStore } from '../store/store.js';
import { Modal } from './Modal.js';

/** `?`: every keyboard shortcut, and the "advance after rating" switch. */
export function ShortcutsDialog() {
  const close = useStore((s) => s.closeDialog);
  const advance = useStore((s) => s.advanceAfterCurating);
  const setAdvance = useStore((s) => s.setAdvanceAfterCurating);
  const titleId = useId();
  const advanceId = useId();
  return (
    <Modal labelledBy={titleId} onClose={close}>
      <div className="dialog-body shortcuts">
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys}>
                <th scope="row">
                  <kbd>{shortcut.keys}</kbd>
                </th>
                <td>{shortcut.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="checkbox-row">
          <input id={advanceId} type="checkbox" checked={advance} onChange={(e) => setAdvance(e.target.checked)} />
          <label htmlFor={advanceId}>Move to the next item after rating, labelling or flagging</label>
        </div>
        <div className="button-row end">
          <button type="button" autoFocus onClick={close}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
