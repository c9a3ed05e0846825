import { rescanFolders } from '../actions/importing.js';
import { useStore } from '../store/store.js';

/**
 * Rescan for the page: browser mode has no menu, and its F5 reloads the page. The desktop app
 * shows it too, beside its File → Rescan Folders (F5). The progress shows in the status bar.
 */
export function RescanButton() {
  const hasFolders = useStore((s) => s.folders.length > 0);
  const running = useStore((s) => s.importProgress?.state === 'running');
  return (
    <button
      type="button"
      className="side-action"
      disabled={!hasFolders || running}
      title={running ? 'An import or rescan is running' : 'Look for new, changed and missing files in every folder'}
      onClick={() => void rescanFolders()}
    >
      Rescan
    </button>
  );
}
