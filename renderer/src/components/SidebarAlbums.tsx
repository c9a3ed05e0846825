/**
 * The sidebar's albums: folders (collapsible), albums and smart albums with live counts. Tiles
 * dragged onto an album are added to it. Each entry has an actions menu (its ⋯ button, or a
 * right click): rename, delete, and in a folder, a new album or folder inside it.
 */
import { useEffect, useState, type DragEvent, type FormEvent } from 'react';
import type { Album, AlbumKind } from '../../../shared/albums.js';
import { addToAlbum, createAlbum, deleteAlbum, moveAlbum, refreshAlbums, renameAlbum } from '../actions/albums.js';
import { onLibraryChanged } from '../actions/refresh.js';
import { draggedIds, isItemDrag } from '../hooks/use-tile-drag.js';
import { sameView, type GalleryView } from '../logic/gallery-query.js';
import { useStore } from '../store/store.js';
import { SidebarSection } from './SidebarSection.js';

function viewOf(album: Album): GalleryView | null {
  if (album.kind === 'album') return { kind: 'album', id: album.id, name: album.name };
  if (album.kind === 'smart') return { kind: 'smart', id: album.id, name: album.name, query: album.query ?? '' };
  return null;
}

const KIND_WORD: Record<AlbumKind, string> = { album: 'album', smart: 'smart album', folder: 'folder' };

/** One line of text to type a name into; Enter keeps it, Escape or leaving gives up. */
function NameField({ label, initial, onDone }: { label: string; initial: string; onDone(name: string | null): void }) {
  const [name, setName] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onDone(name.trim() === '' ? null : name.trim());
  };
  return (
    <form className="album-name-form" onSubmit={submit}>
      <input
        aria-label={label}
        value={name}
        autoFocus
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onDone(null);
          }
        }}
        onBlur={() => onDone(null)}
        spellCheck={false}
      />
    </form>
  );
}

type Editing = { kind: 'rename'; id: number } | { kind: 'create'; albumKind: AlbumKind; parentId: number | null } | null;

/** Folders an album may move into: not where it is, and for a folder not itself or one inside it. */
function moveTargets(albums: readonly Album[], album: Album): Album[] {
  const inside = new Set<number>([album.id]);
  if (album.kind === 'folder') {
    for (let grew = true; grew; ) {
      grew = false;
      for (const candidate of albums) {
        if (candidate.parentId !== null && inside.has(candidate.parentId) && !inside.has(candidate.id)) {
          inside.add(candidate.id);
          grew = true;
        }
      }
    }
  }
  return albums
    .filter((candidate) => candidate.kind === 'folder' && !inside.has(candidate.id) && candidate.id !== album.parentId)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function AlbumMenu({ album, onClose, onEdit }: { album: Album; onClose(): void; onEdit(editing: Editing): void }) {
  const albums = useStore((s) => s.albums);
  const act = (fn: () => void) => () => {
    onClose();
    fn();
  };
  return (
    <div
      className="album-menu"
      role="menu"
      aria-label={`Actions for ${album.name}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <button type="button" role="menuitem" autoFocus onClick={act(() => onEdit({ kind: 'rename', id: album.id }))}>
        Rename…
      </button>
      {album.kind === 'folder' && (
        <>
          <button type="button" role="menuitem" onClick={act(() => onEdit({ kind: 'create', albumKind: 'album', parentId: album.id }))}>
            New album here…
          </button>
          <button type="button" role="menuitem" onClick={act(() => onEdit({ kind: 'create', albumKind: 'folder', parentId: album.id }))}>
            New folder here…
          </button>
        </>
      )}
      {moveTargets(albums, album).map((folder) => (
        <button key={folder.id} type="button" role="menuitem" onClick={act(() => void moveAlbum(album, folder.id))}>
          Move into “{folder.name}”
        </button>
      ))}
      {album.parentId !== null && (
        <button type="button" role="menuitem" onClick={act(() => void moveAlbum(album, null))}>
          Move to the top
        </button>
      )}
      <button type="button" role="menuitem" className="danger" onClick={act(() => void deleteAlbum(album))}>
        Delete {KIND_WORD[album.kind]}
      </button>
    </div>
  );
}

function AlbumEntry({ album, depth, editing, setEditing }: { album: Album; depth: number; editing: Editing; setEditing(e: Editing): void }) {
  const view = viewOf(album);
  const active = useStore((s) => view !== null && sameView(s.view, view));
  const collapsed = useStore((s) => s.collapsedFolders.has(album.id));
  const toggleFolder = useStore((s) => s.toggleFolder);
  const setView = useStore((s) => s.setView);
  const hasChildren = useStore((s) => s.albums.some((child) => child.parentId === album.id));
  const [menuOpen, setMenuOpen] = useState(false);
  const [dropping, setDropping] = useState(false);
  const droppable = album.kind === 'album';
  const dragHandlers = droppable
    ? {
        onDragOver: (event: DragEvent) => {
          if (!isItemDrag(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDropping(true);
        },
        onDragLeave: () => setDropping(false),
        onDrop: (event: DragEvent) => {
          setDropping(false);
          const ids = draggedIds(event);
          if (ids.length === 0) return;
          event.preventDefault();
          void addToAlbum(album, ids);
        },
      }
    : {};
  const renaming = editing?.kind === 'rename' && editing.id === album.id;
  const folder = album.kind === 'folder';
  const classes = ['side-item', 'album-entry', active && 'active', dropping && 'drop-target', `album-${album.kind}`].filter(Boolean).join(' ');
  return (
    <li>
      <div className="album-row" style={{ paddingLeft: depth * 12 }} onContextMenu={(e) => {
        e.preventDefault();
        setMenuOpen(true);
      }}>
        {renaming ? (
          <NameField
            label={`New name for ${album.name}`}
            initial={album.name}
            onDone={(name) => {
              setEditing(null);
              if (name !== null) void renameAlbum(album, name);
            }}
          />
        ) : (
          <button
            type="button"
            className={classes}
            aria-current={active ? 'page' : undefined}
            aria-expanded={folder ? !collapsed : undefined}
            title={album.kind === 'smart' ? `Smart album: ${album.query ?? ''}` : undefined}
            onClick={() => (view === null ? toggleFolder(album.id) : setView(view))}
            {...dragHandlers}
          >
            <span className="album-icon" aria-hidden="true">
              {folder ? (collapsed ? '▸' : '▾') : album.kind === 'smart' ? '⚙' : '▣'}
            </span>
            <span className="side-label">{album.name}</span>
            {album.kind === 'smart' && <span className="visually-hidden"> (smart album)</span>}
            {!folder && (
              <span className="side-count">
                {album.count.toLocaleString()}
                <span className="visually-hidden">{album.count === 1 ? ' item' : ' items'}</span>
              </span>
            )}
          </button>
        )}
        <button type="button" className="icon-button album-more" aria-label={`Actions for ${album.name}`} aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
          ⋯
        </button>
      </div>
      {menuOpen && <AlbumMenu album={album} onClose={() => setMenuOpen(false)} onEdit={setEditing} />}
      {folder && !collapsed && (
        <AlbumTree parentId={album.id} depth={depth + 1} editing={editing} setEditing={setEditing} hasChildren={hasChildren} />
      )}
    </li>
  );
}

function AlbumTree({ parentId, depth, editing, setEditing, hasChildren = true }: { parentId: number | null; depth: number; editing: Editing; setEditing(e: Editing): void; hasChildren?: boolean }) {
  const albums = useStore((s) => s.albums);
  const here = albums
    .filter((album) => album.parentId === parentId)
    .sort((a, b) => Number(b.kind === 'folder') - Number(a.kind === 'folder') || a.name.localeCompare(b.name));
  const creatingHere = editing?.kind === 'create' && editing.parentId === parentId;
  if (!hasChildren && !creatingHere) return null;
  return (
    <ul className="side-list album-list">
      {here.map((album) => (
        <AlbumEntry key={album.id} album={album} depth={depth} editing={editing} setEditing={setEditing} />
      ))}
      {creatingHere && (
        <li style={{ paddingLeft: depth * 12 }}>
          <NameField
            label={editing.albumKind === 'folder' ? 'New folder name' : 'New album name'}
            initial=""
            onDone={(name) => {
              setEditing(null);
              if (name !== null) void createAlbum(name, editing.albumKind, parentId);
            }}
          />
        </li>
      )}
    </ul>
  );
}

export function SidebarAlbums() {
  const count = useStore((s) => s.albums.length);
  const [editing, setEditing] = useState<Editing>(null);
  useEffect(() => {
    void refreshAlbums();
    // Counts follow every change: a smart album's search may match any field.
    return onLibraryChanged(() => void refreshAlbums());
  }, []);
  return (
    <SidebarSection
      id="albums"
      title="Albums"
      actions={
        <span className="album-heading-actions">
          <button type="button" className="side-action" onClick={() => setEditing({ kind: 'create', albumKind: 'album', parentId: null })}>
            New album
          </button>
          <button type="button" className="side-action" onClick={() => setEditing({ kind: 'create', albumKind: 'folder', parentId: null })}>
            New folder
          </button>
        </span>
      }
    >
      {count === 0 && editing === null && <p className="side-empty">No albums yet. Drag photos onto one to add them.</p>}
      <AlbumTree parentId={null} depth={0} editing={editing} setEditing={setEditing} />
    </SidebarSection>
  );
}
