import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useStore } from '../store/store.js';
import { Toasts } from './Toasts.js';

interface Props {
  labelledBy: string;
  describedBy?: string;
  /** Escape or a close request; the owner decides (e.g. leave an editing mode first). */
  onClose(): void;
  className?: string;
  /** `alertdialog` for confirmations that interrupt. */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}

/**
 * A native modal `<dialog>`: the browser traps focus, makes the rest of the page inert and
 * returns focus to where it was when the dialog closes. Mounted only while open.
 */
export function Modal({ labelledBy, describedBy, onClose, className, role = 'dialog', children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const { modalOpened, modalClosed } = useStore.getState();
    modalOpened();
    return () => {
      dialog?.close();
      modalClosed();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `modal ${className}` : 'modal'}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-modal="true"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {children}
      <Toasts inModal />
    </dialog>
  );
}
