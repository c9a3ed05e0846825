/**
 * Album actions outside the sidebar: "Add to album…" for the selection (the keyboard's way to
 * what dragging does), "Remove from album" in an album's view, and the toolbar's "Save as smart
 * album" for the search typed.
 */
import { useState, type FormEvent } from 'react';
import { addToAlbum, createAlbum, removeFromAlbum } from '../actions/albums.js';
import { orderedSelection } from '../logic/selection.js';
import { useStore } from '../store/store.js';

function selectedIds(): number[] {
  const state = useStore.getState();
  return orderedSelection(state.selection.selected, state.idIndex);
}

function AddToAlbumMenu() {
  const selectedCount = useStore((s) => s.selection.selected.size);
  const albums = useStore((s) => s.albums);
  const [open, setOpen] = useState(false);
  const targets = albums.filter((album) => album.kind === 'album').sort((a, b) => a.name.localeCompare(b.name));
  return (
    <span className="album-add">
      <button type="button" aria-haspopup="menu" aria-expanded={open} disabled={selectedCount === 0} onClick={() => setOpen(!open)}>
        Add to album…
      </button>
      {open && (
        <div
          className="album-menu album-add-menu"
          role="menu"
          aria-label="Add to album"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          {targets.length === 0 && <p className="side-empty">No albums yet: make one in the sidebar.</p>}
          {targets.map((album, index) => (
            <button
              key={album.id}
              type="button"
              role="menuitem"
              autoFocus={index === 0}
              onClick={() => {
                setOpen(false);
                void addToAlbum(album, selectedIds());
              }}
            >
              {album.name}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}

/** The gallery header's album buttons. */
export function AlbumGalleryActions() {
  const view = useStore((s) => s.view);
  const selectedCount = useStore((s) => s.selection.selected.size);
  if (view.kind === 'trash') return null;
  return (
    <>
      <AddToAlbumMenu />
      {view.kind === 'album' && (
        <button type="button" disabled={selectedCount === 0} onClick={() => void removeFromAlbum(view.id, view.name, selectedIds())}>
          Remove from album
        </button>
      )}
    </>
  );
}

/** The toolbar's "Save as smart album": a name for the search typed, then the album is shown. */
export function SaveSmartAlbum() {
  const search = useStore((s) => s.search);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  if (search.trim() === '') return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const query = useStore.getState().search.trim();
    const album = await createAlbum(name.trim(), 'smart', null, query);
    if (album === undefined) return;
    setNaming(false);
    setName('');
    const state = useStore.getState();
    state.setSearch('');
    state.setView({ kind: 'smart', id: album.id, name: album.name, query });
  };
  if (!naming) {
    return (
      <button type="button" onClick={() => setNaming(true)}>
        Save as smart album…
      </button>
    );
  }
  return (
    <form className="toolbar-group" onSubmit={(e) => void submit(e)}>
      <input
        aria-label="Smart album name"
        placeholder="Smart album name"
        value={name}
        autoFocus
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setNaming(false);
          }
        }}
      />
      <button type="submit" disabled={name.trim() === ''}>
        Save
      </button>
    </form>
  );
}
