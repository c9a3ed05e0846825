import type { MediaItem } from '../../../shared/media.js';
import { parseCoordinates } from '../../../shared/coordinates.js';
import { updateItem } from '../actions/edit-items.js';
import { useStore } from '../store/store.js';

function describe(coordinates: string): string {
  try {
    const r = parseCoordinates(coordinates);
    return `${r.width} × ${r.height} px at (${r.x}, ${r.y})`;
  } catch {
    return coordinates;
  }
}

/** The focus area in words; it is drawn and adjusted on the preview. */
export function FocusAreaSection({ item }: { item: MediaItem }) {
  const openPreview = useStore((s) => s.openPreview);
  const setEditingFocus = useStore((s) => s.setEditingFocus);
  // A focus area is drawn on a picture; a video's frame size alone does not make one.
  if (item.type !== 'image' || item.width === null || item.height === null) return null;
  return (
    <section className="panel-section" aria-labelledby="focus-heading">
      <h3 id="focus-heading">Focus area</h3>
      <p className="focus-summary">{item.customCoordinates ? describe(item.customCoordinates) : 'None'}</p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => {
            openPreview(item.id);
            setEditingFocus(true);
          }}
        >
          {item.customCoordinates ? 'Adjust focus area…' : 'Set focus area…'}
        </button>
        {item.customCoordinates && (
          <button type="button" onClick={() => void updateItem(item.id, { customCoordinates: null })}>
            Clear focus area
          </button>
        )}
      </div>
    </section>
  );
}
