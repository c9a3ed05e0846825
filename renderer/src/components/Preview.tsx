import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MediaItem } from '../../../shared/media.js';
import { mediaUrls } from '../api/client.js';
import { useElementSize } from '../hooks/use-element-size.js';
import { useItem } from '../hooks/use-item.js';
import { fitInside } from '../logic/focus-area.js';
import { idAt } from '../actions/view-windows.js';
import { useStore } from '../store/store.js';
import { FocusAreaEditor, FocusAreaOverlay } from './FocusAreaEditor.js';
import { Modal } from './Modal.js';
import { PreviewFaceBoxes } from './PreviewFaceBoxes.js';
import { handleLibraryKey } from '../actions/library-keys.js';
import { PreviewBoxes, PreviewBoxesToggle } from './PreviewBoxes.js';

/** Browsers show these originals themselves when no thumbnail exists yet. */
const BROWSER_IMAGES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml']);

function imageUrl(item: MediaItem): string | null {
  const largest = [...item.thumbnails].sort((a, b) => b.size - a.size)[0];
  if (largest) return mediaUrls.thumbnail(item.id, largest.size);
  if (item.type === 'image' && item.mime !== null && BROWSER_IMAGES.has(item.mime)) return mediaUrls.original(item.id);
  return null;
}

function Stage({ item, toolbarSlot }: { item: MediaItem; toolbarSlot: HTMLElement | null }) {
  const stage = useRef<HTMLDivElement>(null);
  const room = useElementSize(stage);
  const editing = useStore((s) => s.editingFocus);
  const url = imageUrl(item);
  const hasSize = item.width !== null && item.height !== null;
  const shown = hasSize ? fitInside({ width: item.width ?? 0, height: item.height ?? 0 }, room) : room;
  const playable = (item.type === 'video' || item.type === 'audio') && item.availability === 'present';
  return (
    <div className="preview-stage" ref={stage}>
      {playable ? (
        // Served by id with Range support, so seeking works; the thumbnail is the poster.
        item.type === 'video' ? (
          <video className="preview-media" src={mediaUrls.original(item.id)} poster={url ?? undefined} controls aria-label={item.name} />
        ) : (
          <audio src={mediaUrls.original(item.id)} controls aria-label={item.name} />
        )
      ) : url === null ? (
        <p className="preview-missing">No preview for this {item.type} yet.</p>
      ) : (
        <div className="preview-frame" style={{ width: shown.width, height: shown.height }}>
          <img src={url} alt={item.name} className="preview-image" draggable={false} />
          {hasSize && shown.width > 0 && !editing && <PreviewFaceBoxes item={item} shown={shown} />}
          {hasSize && shown.width > 0 && (editing ? <FocusAreaEditor key={item.id} item={item} shown={shown} toolbarSlot={toolbarSlot} /> : <FocusAreaOverlay item={item} shown={shown} />)}
          {hasSize && shown.width > 0 && !editing && <PreviewBoxes item={item} shown={shown} />}
        </div>
      )}
    </div>
  );
}

function PreviewDialog({ id }: { id: number }) {
  const item = useItem(id);
  const ids = useStore((s) => s.ids);
  const position = useStore((s) => s.idIndex.indexOf(id));
  const editing = useStore((s) => s.editingFocus);
  const titleId = useId();
  const [toolbarSlot, setToolbarSlot] = useState<HTMLDivElement | null>(null);

  const go = async (delta: number): Promise<void> => {
    // The next item's window may not be loaded yet (the preview steps past the grid's screen).
    const next = await idAt(position + delta);
    if (next === undefined) return;
    const state = useStore.getState();
    state.setSelection({ selected: new Set([next]), anchor: next, focus: next });
    state.openPreview(next);
  };
  const close = (): void => {
    const state = useStore.getState();
    if (state.editingFocus) state.setEditingFocus(false);
    else state.closePreview();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (editing || (event.target as HTMLElement).closest('input, textarea, select')) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      event.preventDefault();
      void go(-1);
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      event.preventDefault();
      void go(1);
    } else if ((event.key === 'b' || event.key === 'B') && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      useStore.getState().toggleAiBoxes();
    } else {
      handleLibraryKey(event, () => [id], () => void go(1));
    }
  };

  return (
    <Modal labelledBy={titleId} onClose={close} className="preview">
      <div className="preview-body" onKeyDown={onKeyDown}>
        <div className="preview-header">
          <h2 id={titleId}>{item?.name ?? 'Loading…'}</h2>
          <span className="preview-position">
            {position >= 0 ? `${position + 1} of ${ids.length.toLocaleString()}` : ''}
          </span>
          <div className="preview-nav">
            <button type="button" onClick={() => void go(-1)} disabled={position <= 0}>
              Previous
            </button>
            <button type="button" onClick={() => void go(1)} disabled={position < 0 || position >= ids.length - 1}>
              Next
            </button>
            {item && item.type === 'image' && item.width !== null && !editing && (
              <button type="button" onClick={() => useStore.getState().setEditingFocus(true)}>
                Edit focus area
              </button>
            )}
            {item && !editing && <PreviewBoxesToggle item={item} />}
            <button type="button" onClick={() => useStore.getState().closePreview()} aria-label="Close preview">
              ✕
            </button>
          </div>
        </div>
        <div ref={setToolbarSlot} className="preview-tools" />
        {item ? <Stage item={item} toolbarSlot={toolbarSlot} /> : <div className="preview-stage" />}
      </div>
    </Modal>
  );
}

export function Preview() {
  const previewId = useStore((s) => s.previewId);
  return previewId === null ? null : <PreviewDialog id={previewId} />;
}
