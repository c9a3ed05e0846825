import { useId, useSyncExternalStore, type ReactNode } from 'react';
import { createSectionState } from '../logic/sidebar-sections.js';

function pageStorage() {
  try {
    return window.localStorage;
  } catch {
    return null; // a sandboxed frame without storage
  }
}

const sections = createSectionState(pageStorage());

/**
 * A sidebar section whose heading folds and unfolds it: the heading's text is a button with
 * `aria-expanded` (Enter and Space work as on any button), the heading's own actions stay
 * beside it, and a folded section's content is not rendered at all (a long tag tree then costs
 * nothing to keep up to date on screen).
 */
export function SidebarSection({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  const open = useSyncExternalStore(sections.subscribe, () => sections.isOpen(id));
  const bodyId = useId();
  return (
    <section className="side-section" aria-label={title}>
      <div className="side-heading-row">
        <h2 className="side-heading">
          <button type="button" className="side-section-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => sections.toggle(id)}>
            <span aria-hidden="true" className="side-section-arrow">
              {open ? '▾' : '▸'}
            </span>
            {title}
          </button>
        </h2>
        {open && actions}
      </div>
      <div id={bodyId} hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
