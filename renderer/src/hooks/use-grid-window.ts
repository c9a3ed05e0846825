import { useLayoutEffect, useState, type RefObject } from 'react';
import { rowsInView, type GridLayout, type RowWindow } from '../logic/grid-math.js';

/** Rows drawn above and below the viewport, so a slow scroll finds them loaded. */
const OVERSCAN_ROWS = 3;
/** Faster than this many viewports per second, a row is gone before its pictures could be seen. */
const FAST_VIEWPORTS_PER_SECOND = 4;
/** How long after the last fast step the scroll counts as settled. */
const SETTLE_MS = 150;

export interface GridWindow extends RowWindow {
  /**
   * True while the grid is scrolled faster than anyone could look at it (a fling, a dragged
   * scrollbar). Tiles mounted then wait with their pictures and tile data until it settles.
   */
  fast: boolean;
}

const sameWindow = (a: GridWindow, b: GridWindow): boolean => a.first === b.first && a.last === b.last && a.fast === b.fast;

/**
 * Which rows of the grid to draw, from its scroll position. Rows are all one height, so this is
 * arithmetic, and the gallery re-renders only when a row comes or goes: at a reading pace that
 * is about one scroll event in eight. Each event reads the position once and nothing else (the
 * viewport height comes from a ResizeObserver), so it never forces a second layout.
 */
export function useGridWindow(ref: RefObject<HTMLElement | null>, layout: GridLayout, viewportHeight: number): GridWindow {
  const [rows, setRows] = useState<GridWindow>({ first: 0, last: -1, fast: false });

  // A layout effect, so a new layout's rows are in place before the browser paints it.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    let lastTop = element.scrollTop;
    let lastTime = performance.now();
    let settle: ReturnType<typeof setTimeout> | null = null;
    let fast = false;
    const publish = (top: number): void => {
      const next = { ...rowsInView(layout, top, viewportHeight, OVERSCAN_ROWS), fast };
      setRows((old) => (sameWindow(old, next) ? old : next));
    };
    const onScroll = (): void => {
      const now = performance.now();
      const top = element.scrollTop;
      const viewportsPerSecond = (Math.abs(top - lastTop) / Math.max(1, viewportHeight)) * (1000 / Math.max(1, now - lastTime));
      lastTop = top;
      lastTime = now;
      if (viewportsPerSecond >= FAST_VIEWPORTS_PER_SECOND) {
        fast = true;
        if (settle) clearTimeout(settle);
        settle = setTimeout(() => {
          settle = null;
          fast = false;
          publish(element.scrollTop);
        }, SETTLE_MS);
      }
      publish(top);
    };
    publish(lastTop);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      if (settle) clearTimeout(settle);
    };
  }, [ref, layout, viewportHeight]);

  // Until the next scroll event, a shorter list (a narrower filter) may have fewer rows.
  return rows.last < layout.rows ? rows : { ...rows, last: layout.rows - 1 };
}
