import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { formatCoordinates, parseCoordinates, type Rect } from '../../../shared/coordinates.js';
import type { MediaItem } from '../../../shared/media.js';
import { updateItem } from '../actions/edit-items.js';
import {
  RESIZE_HANDLES,
  adjustRect,
  nudgeRect,
  rectFromDrag,
  toDisplayRect,
  toImageRect,
  type Handle,
  type Size,
} from '../logic/focus-area.js';
import { useStore } from '../store/store.js';

function savedRect(item: MediaItem, shown: Size): Rect | null {
  if (!item.customCoordinates || item.width === null || item.height === null) return null;
  try {
    return toDisplayRect(parseCoordinates(item.customCoordinates), shown, { width: item.width, height: item.height });
  } catch {
    return null;
  }
}

function boxStyle(rect: Rect) {
  return { left: rect.x, top: rect.y, width: rect.width, height: rect.height };
}

/** The saved focus area drawn over the preview. */
export function FocusAreaOverlay({ item, shown }: { item: MediaItem; shown: Size }) {
  const rect = savedRect(item, shown);
  if (!rect) return null;
  return <div className="focus-rect" aria-hidden="true" style={boxStyle(rect)} />;
}

type Drag = { kind: 'draw'; start: { x: number; y: number } } | { kind: 'adjust'; handle: Handle; from: { x: number; y: number }; rect: Rect };

/**
 * Drawing and adjusting the focus area on the preview: drag on the picture to draw it, drag it
 * to move it, drag an edge or corner to resize it (arrow keys move it, Shift+arrows resize).
 * Saved in pixels of the upright image.
 */
export function FocusAreaEditor({ item, shown, toolbarSlot }: { item: MediaItem; shown: Size; toolbarSlot: HTMLElement | null }) {
  const [draft, setDraft] = useState<Rect | null>(() => savedRect(item, shown));
  const drag = useRef<Drag | null>(null);
  const surface = useRef<HTMLDivElement>(null);
  const setEditingFocus = useStore((s) => s.setEditingFocus);
  const image = { width: item.width ?? 1, height: item.height ?? 1 };

  // The preview was resized: keep the same area of the picture.
  const lastShown = useRef(shown);
  useEffect(() => {
    const before = lastShown.current;
    lastShown.current = shown;
    if (before.width === shown.width && before.height === shown.height) return;
    setDraft((rect) => (rect && before.width > 0 ? toDisplayRect(toImageRect(rect, before, image), shown, image) : rect));
  }, [shown.width, shown.height]);

  const point = (event: { clientX: number; clientY: number }) => {
    const box = surface.current?.getBoundingClientRect();
    return box ? { x: event.clientX - box.left, y: event.clientY - box.top } : { x: 0, y: 0 };
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    const handle = (event.target as HTMLElement).dataset.handle as Handle | undefined;
    const at = point(event);
    drag.current = handle && draft ? { kind: 'adjust', handle, from: at, rect: draft } : { kind: 'draw', start: at };
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>): void => {
    const current = drag.current;
    if (!current) return;
    const at = point(event);
    if (current.kind === 'draw') setDraft(rectFromDrag(current.start, at, shown));
    else setDraft(adjustRect(current.rect, current.handle, at.x - current.from.x, at.y - current.from.y, shown));
  };
  const onPointerUp = (): void => {
    drag.current = null;
    setDraft((rect) => (rect && (rect.width < 2 || rect.height < 2) ? null : rect));
  };

  const save = async (): Promise<void> => {
    const coordinates = draft ? formatCoordinates(toImageRect(draft, shown, image)) : null;
    if (coordinates === item.customCoordinates) {
      setEditingFocus(false);
      return;
    }
    if (await updateItem(item.id, { customCoordinates: coordinates })) setEditingFocus(false);
  };

  const inImage = draft ? toImageRect(draft, shown, image) : null;
  return (
    <>
      <div
        ref={surface}
        className="focus-surface"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        {draft && (
          <div
            className="focus-rect editing"
            data-handle="move"
            role="group"
            tabIndex={0}
            aria-label={`Focus area ${inImage ? `${inImage.width} × ${inImage.height} at ${inImage.x}, ${inImage.y}` : ''}. Arrow keys move it, Shift+arrow keys resize it.`}
            style={boxStyle(draft)}
            onKeyDown={(event) => {
              const next = nudgeRect(draft, event.key, event.shiftKey, 4, shown);
              if (!next) return;
              event.preventDefault();
              event.stopPropagation();
              setDraft(next);
            }}
          >
            {RESIZE_HANDLES.map((h) => (
              <span key={h} className={`focus-handle handle-${h}`} data-handle={h} aria-hidden="true" />
            ))}
          </div>
        )}
      </div>
      {toolbarSlot &&
        createPortal(
          <div className="focus-toolbar" role="toolbar" aria-label="Focus area">
            <span className="hint">{draft ? 'Drag the area or its edges to adjust it.' : 'Drag on the picture to draw the focus area.'}</span>
            <button type="button" className="primary" onClick={() => void save()}>
              Save focus area
            </button>
            <button type="button" disabled={!draft} onClick={() => setDraft(null)}>
              Clear
            </button>
            <button type="button" onClick={() => setEditingFocus(false)}>
              Cancel
            </button>
          </div>,
          toolbarSlot,
        )}
    </>
  );
}
