import { useId, useState, type FormEvent } from 'react';
import { SORT_FIELDS, type SortField } from '../../../shared/media.js';
import { isDesktop } from '../api/client.js';
import { pickAndImport, startImport } from '../actions/importing.js';
import { redo, undo } from '../actions/undo.js';
import { MAX_TILE, MIN_TILE } from '../logic/grid-math.js';
import { useStore } from '../store/store.js';
import { useFocusRequest } from '../hooks/use-focus-request.js';
import { SaveSmartAlbum } from './AlbumActions.js';
import { SearchBox } from './SearchBox.js';

const SORT_LABELS: Record<SortField, string> = {
  takenAt: 'Date taken',
  addedAt: 'Date added',
  name: 'Name',
  size: 'Size',
  rating: 'Rating',
};

function SortControls() {
  const sort = useStore((s) => s.sort);
  const setSort = useStore((s) => s.setSort);
  const id = useId();
  const ascending = sort.direction === 'asc';
  return (
    <div className="toolbar-group">
      <label htmlFor={id}>Sort by</label>
      <select id={id} value={sort.field} onChange={(e) => setSort({ ...sort, field: e.target.value as SortField })}>
        {SORT_FIELDS.map((field) => (
          <option key={field} value={field}>
            {SORT_LABELS[field]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="icon-button"
        aria-label={ascending ? 'Ascending order (switch to descending)' : 'Descending order (switch to ascending)'}
        title={ascending ? 'Ascending' : 'Descending'}
        onClick={() => setSort({ ...sort, direction: ascending ? 'desc' : 'asc' })}
      >
        {ascending ? '↑' : '↓'}
      </button>
    </div>
  );
}

function SizeSlider() {
  const tileSize = useStore((s) => s.tileSize);
  const setTileSize = useStore((s) => s.setTileSize);
  const id = useId();
  return (
    <div className="toolbar-group">
      <label htmlFor={id}>Thumbnail size</label>
      <input
        id={id}
        className="size-slider"
        type="range"
        min={MIN_TILE}
        max={MAX_TILE}
        step={8}
        value={tileSize}
        aria-valuetext={`${tileSize} pixels`}
        onChange={(e) => setTileSize(Number(e.target.value))}
      />
    </div>
  );
}

/** Browser mode has no folder picker: the path is typed (the server reads that folder). */
function ImportByPath() {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const inputRef = useFocusRequest<HTMLInputElement>('import-path');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    if (await startImport(path)) setPath('');
    setBusy(false);
  };
  return (
    <form className="toolbar-group" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id} className="visually-hidden">
        Folder to import
      </label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        className="import-path"
        placeholder="Folder to import, e.g. /home/me/Pictures"
        value={path}
        onChange={(e) => setPath(e.target.value)}
        spellCheck={false}
        autoComplete="off"
      />
      <button type="submit" disabled={busy}>
        Import
      </button>
    </form>
  );
}

function UndoButtons() {
  const history = useStore((s) => s.history);
  const last = history.past[history.past.length - 1];
  const next = history.future[history.future.length - 1];
  return (
    <div className="toolbar-group">
      <button
        type="button"
        className="icon-button"
        aria-label={last ? `Undo: ${last.label}` : 'Undo'}
        title={last ? `Undo: ${last.label} (Ctrl+Z)` : 'Nothing to undo'}
        disabled={!last}
        onClick={() => void undo()}
      >
        ↶
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={next ? `Redo: ${next.label}` : 'Redo'}
        title={next ? `Redo: ${next.label} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        disabled={!next}
        onClick={() => void redo()}
      >
        ↷
      </button>
    </div>
  );
}

export function Toolbar() {
  const panelOpen = useStore((s) => s.panelOpen);
  const togglePanel = useStore((s) => s.togglePanel);
  return (
    <header className="toolbar">
      <h1 className="brand">Folio</h1>
      <SearchBox />
      <SaveSmartAlbum />
      <SortControls />
      <SizeSlider />
      {isDesktop ? (
        <button type="button" onClick={() => void pickAndImport()}>
          Add folder…
        </button>
      ) : (
        <ImportByPath />
      )}
      <UndoButtons />
      <button type="button" className="icon-button" aria-label="Details panel" title="Show or hide the details panel" aria-pressed={panelOpen} onClick={togglePanel}>
        ☰
      </button>
    </header>
  );
}
