import type { ReactNode } from 'react';
import type { LibraryFolder } from '../../../shared/media.js';
import { sameView, type GalleryView } from '../logic/gallery-query.js';
import { useStore } from '../store/store.js';
import { RescanButton } from './RescanButton.js';
import { SidecarSettings } from './SidecarSettings.js';
import { LibraryActions } from './LibraryActions.js';
import { SidebarTagTree } from './SidebarTagTree.js';
import { SidebarAlbums } from './SidebarAlbums.js';
import { AnalysisControls } from './AnalysisControls.js';
import { PeopleButton } from './PeopleView.js';
import { SidebarTimeline } from './SidebarTimeline.js';
import { SidebarSection } from './SidebarSection.js';

function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1) || trimmed;
}

function ViewButton({ view, label, count, extra, title }: { view: GalleryView; label: string; count?: number; extra?: ReactNode; title?: string }) {
  const active = useStore((s) => sameView(s.view, view));
  const setView = useStore((s) => s.setView);
  return (
    <li>
      <button
        type="button"
        className={active ? 'side-item active' : 'side-item'}
        aria-current={active ? 'page' : undefined}
        title={title}
        onClick={() => {
          setView(view);
          useStore.getState().setTagManagerOpen(false);
        }}
      >
        <span className="side-label">{label}</span>
        {extra}
        {count !== undefined && (
          <span className="side-count">
            {count.toLocaleString()}
            <span className="visually-hidden">{count === 1 ? ' item' : ' items'}</span>
          </span>
        )}
      </button>
    </li>
  );
}

function FolderEntry({ folder }: { folder: LibraryFolder }) {
  const offline = folder.state === 'offline';
  return (
    <ViewButton
      view={{ kind: 'folder', id: folder.id, label: baseName(folder.path) }}
      label={baseName(folder.path)}
      title={folder.path}
      count={folder.itemCount}
      extra={offline ? <span className="badge badge-offline">offline</span> : undefined}
    />
  );
}

export function Sidebar() {
  const folders = useStore((s) => s.folders);
  const info = useStore((s) => s.info);
  return (
    <nav className="sidebar" aria-label="Library">
      <ul className="side-list">
        <ViewButton view={{ kind: 'all' }} label="All media" count={info?.itemCount} />
        <ViewButton view={{ kind: 'untagged' }} label="Untagged" />
        <li>
          <PeopleButton />
        </li>
      </ul>
      <SidebarSection id="folders" title="Folders" actions={<RescanButton />}>
        {folders.length === 0 ? (
          <p className="side-empty">No folders yet. Import one from the toolbar.</p>
        ) : (
          <ul className="side-list">
            {folders.map((folder) => (
              <FolderEntry key={folder.id} folder={folder} />
            ))}
          </ul>
        )}
      </SidebarSection>
      <SidebarTagTree />
      <SidebarAlbums />
      <SidebarTimeline />
      <ul className="side-list side-bottom">
        <ViewButton view={{ kind: 'trash' }} label="Trash" count={info?.trashCount} />
        <li>
          <button type="button" className="side-item" onClick={() => useStore.getState().openDialog({ kind: 'duplicates' })}>
            <span className="side-label">Duplicates…</span>
          </button>
        </li>
      </ul>
      <SidebarSection id="maintenance" title="Library">
        <LibraryActions />
      </SidebarSection>
      <SidebarSection id="analysis" title="Analysis">
        <AnalysisControls />
      </SidebarSection>
      <SidebarSection id="sidecars" title="Metadata in files">
        <SidecarSettings />
      </SidebarSection>
    </nav>
  );
}
