import { useEffect } from 'react';
import { idsAskedFor, reloadIds } from '../actions/gallery-data.js';
import { startLiveUpdates } from '../actions/live-updates.js';
import { useFileDrop } from '../hooks/use-file-drop.js';
import { useGlobalShortcuts } from '../hooks/use-global-shortcuts.js';
import { useMenuCommands } from '../hooks/use-menu-commands.js';
import { useStore } from '../store/store.js';
import { Dialogs } from './Dialogs.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { Gallery } from './Gallery.js';
import { GalleryHeader } from './GalleryHeader.js';
import { Preview } from './Preview.js';
import { RightPanel } from './RightPanel.js';
import { Sidebar } from './Sidebar.js';
import { StatusBar } from './StatusBar.js';
import { Toasts } from './Toasts.js';
import { TagManager } from './TagManager.js';
import { Toolbar } from './Toolbar.js';

const SEARCH_DEBOUNCE_MS = 150;

/**
 * Reloads the id list when the view, the search or the sort changes (typing is debounced). The
 * session's first list was asked for before the first render (startSession).
 */
function useGalleryQuery(): void {
  const view = useStore((s) => s.view);
  const search = useStore((s) => s.search);
  const sort = useStore((s) => s.sort);
  useEffect(() => {
    if (idsAskedFor(view, search, sort)) return;
    if (search === '') {
      void reloadIds();
      return;
    }
    const timer = setTimeout(() => void reloadIds(), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [view, search, sort]);
}

export function App() {
  const panelOpen = useStore((s) => s.panelOpen);
  const sidebarOpen = useStore((s) => s.sidebarOpen);
  const tagManagerOpen = useStore((s) => s.tagManagerOpen);
  useGalleryQuery();
  useGlobalShortcuts();
  useMenuCommands();
  const dropHandlers = useFileDrop();
  useEffect(() => startLiveUpdates(), []);

  return (
    <div
      className="app"
      style={{ gridTemplateColumns: `${sidebarOpen ? '220px' : '0'} minmax(0, 1fr) ${panelOpen ? '340px' : '0'}` }}
      {...dropHandlers}
    >
      <Toolbar />
      {sidebarOpen && (
        <ErrorBoundary area="the sidebar">
          <Sidebar />
        </ErrorBoundary>
      )}
      <main className="gallery-area" aria-label={tagManagerOpen ? 'Tag manager' : 'Gallery'}>
        {tagManagerOpen ? (
          <ErrorBoundary area="the tag manager">
            <TagManager />
          </ErrorBoundary>
        ) : (
          <ErrorBoundary area="the gallery">
            <GalleryHeader />
            <Gallery />
          </ErrorBoundary>
        )}
      </main>
      {panelOpen && (
        <ErrorBoundary area="the details panel">
          <RightPanel />
        </ErrorBoundary>
      )}
      <StatusBar />
      <ErrorBoundary area="the preview">
        <Preview />
      </ErrorBoundary>
      <Dialogs />
      <Toasts />
    </div>
  );
}
