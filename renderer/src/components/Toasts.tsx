import { useEffect } from 'react';
import { useStore, type All } from '../store/store.js';
import type { Toast } from '../store/ui-slice.js';

const INFO_MS = 5_000;
const ERROR_MS = 12_000;

function ToastView({ toast, dismiss }: { toast: Toast; dismiss: All['dismissToast'] }) {
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), toast.kind === 'error' ? ERROR_MS : INFO_MS);
    return () => clearTimeout(timer);
  }, [toast.id, toast.kind, dismiss]);
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <div className="toast-text">
        <strong>{toast.title}</strong>
        {toast.detail && <span className="toast-detail">{toast.detail}</span>}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

/**
 * Messages worded by error code (errors) and short confirmations (info). A modal dialog makes
 * the page behind it inert and covers it, so while one is open the dialog shows them instead
 * (`inModal`) and the page's copy stays empty.
 */
export function Toasts({ inModal = false }: { inModal?: boolean }) {
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  const covered = useStore((s) => s.openModals > 0);
  if (covered !== inModal) return null;
  return (
    <section className="toasts" aria-label="Messages">
      {toasts.map((toast) => (
        <ToastView key={toast.id} toast={toast} dismiss={dismiss} />
      ))}
    </section>
  );
}
