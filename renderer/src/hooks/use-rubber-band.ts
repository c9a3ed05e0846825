import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { boxFromPoints, indicesInBox, type Box, type GridLayout } from '../logic/grid-math.js';
import { bandSelect, type SelectionState } from '../logic/selection.js';
import { useStore } from '../store/store.js';

const EDGE = 24;
const SCROLL_STEP = 24;

/**
 * Drag on the gallery's background to select with a rectangle. The band lives in content
 * coordinates and selection comes from the layout, so the grid may scroll (auto-scrolling
 * near the edges) without losing tiles that left the virtual window.
 */
export function useRubberBand(scrollRef: RefObject<HTMLElement | null>, layout: GridLayout, gridTop: () => number) {
  const [band, setBand] = useState<Box | null>(null);
  const drag = useRef<{ start: { x: number; y: number }; base: SelectionState; additive: boolean; pointer: { x: number; y: number } } | null>(null);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  const toContent = useCallback(
    (clientX: number, clientY: number) => {
      const el = scrollRef.current;
      if (!el) return { x: 0, y: 0 };
      const rect = el.getBoundingClientRect();
      // The grid's own position, not the scroller's: a very tall grid scrolls a capped scroller.
      return { x: clientX - rect.left + el.scrollLeft, y: clientY - rect.top + gridTop() };
    },
    [scrollRef, gridTop],
  );

  const update = useCallback(() => {
    const current = drag.current;
    if (!current) return;
    const point = toContent(current.pointer.x, current.pointer.y);
    const box = boxFromPoints(current.start, point);
    setBand(box);
    const state = useStore.getState();
    const touched = indicesInBox(box, layoutRef.current, state.ids.length)
      .map((index) => state.ids.at(index))
      .filter((id): id is number => id !== undefined);
    state.setSelection(bandSelect(current.base, touched, current.additive));
  }, [toContent]);

  const dragging = band !== null;
  useEffect(() => {
    if (!dragging) return;
    const onMove = (event: PointerEvent): void => {
      if (!drag.current) return;
      drag.current.pointer = { x: event.clientX, y: event.clientY };
      const el = scrollRef.current;
      if (el) {
        const rect = el.getBoundingClientRect();
        if (event.clientY < rect.top + EDGE) el.scrollTop -= SCROLL_STEP;
        else if (event.clientY > rect.bottom - EDGE) el.scrollTop += SCROLL_STEP;
      }
      update();
    };
    const onUp = (): void => {
      drag.current = null;
      setBand(null);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onUp);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onUp);
    };
  }, [dragging, scrollRef, update]);

  const onPointerDown = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      const el = scrollRef.current;
      if (!el || event.button !== 0) return;
      // Only the background starts a band: tiles are clicked, the scrollbar scrolls.
      if ((event.target as HTMLElement).closest('[role="gridcell"]')) return;
      const rect = el.getBoundingClientRect();
      if (event.clientX >= rect.left + el.clientWidth || event.clientY >= rect.top + el.clientHeight) return;
      const additive = event.ctrlKey || event.metaKey;
      const start = toContent(event.clientX, event.clientY);
      const state = useStore.getState();
      drag.current = { start, base: state.selection, additive, pointer: { x: event.clientX, y: event.clientY } };
      if (!additive) state.setSelection({ selected: new Set(), anchor: null, focus: state.selection.focus });
      setBand({ left: start.x, top: start.y, right: start.x, bottom: start.y });
      event.preventDefault();
      el.focus();
    },
    [scrollRef, toContent],
  );

  return { band, onPointerDown };
}
