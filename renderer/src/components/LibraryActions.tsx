import { useStore } from '../store/store.js';

/**
 * Back Up Now and Check Library… on the page: browser mode has no Library menu. The desktop app
 * shows them too, beside its Library menu, as it does Rescan.
 */
export function LibraryActions() {
  const openDialog = useStore((s) => s.openDialog);
  return (
    <div className="side-maintenance" role="group" aria-label="Library maintenance">
      <button type="button" className="side-action" title="Write a consistent copy of the library into its backups folder" onClick={() => openDialog({ kind: 'library-backup' })}>
        Back Up Now
      </button>
      <button type="button" className="side-action" title="Check the database, tag counts, files and thumbnails" onClick={() => openDialog({ kind: 'library-check' })}>
        Check Library…
      </button>
    </div>
  );
}
