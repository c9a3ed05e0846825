import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { contentHeight, rowsInView, topAfterRelayout, type GridLayout, type RowWindow } from '../logic/grid-math.js';
import { ScrollTracker, scrollScale, type ScrollScale } from '../logic/scroll-scale.js';

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
  /** Subtract from a row's top in the grid to place it in the scroller's content (scroll-scale.ts). */
  offset: number;
}

export interface GridScroller extends GridWindow {
  scale: ScrollScale;
  /** The grid's own scroll position (not the scroller's, which is capped). */
  currentTop(): number;
  /** Scrolls the grid to its own position `top`. */
  scrollTo(top: number): void;
}

const sameWindow = (a: GridWindow, b: GridWindow): boolean =>
  a.first === b.first && a.last === b.last && a.fast === b.fast && a.offset === b.offset;

/**
 * Which rows of the grid to draw, from its scroll position. Rows are all one height, so this is
 * arithmetic, and the gallery re-renders only when a row comes or goes: at a reading pace that
 * is about one scroll event in eight. Each event reads the position once and nothing else (the
 * viewport height comes from a ResizeObserver), so it never forces a second layout.
 * A grid taller than the browser lays out scrolls through a capped scroller (ScrollTracker).
 */
export function useGridWindow(ref: RefObject<HTMLElement | null>, layout: GridLayout, viewportHeight: number): GridScroller {
  const [rows, setRows] = useState<GridWindow>({ first: 0, last: -1, fast: false, offset: 0 });
  const scale = useMemo(() => scrollScale(contentHeight(layout), viewportHeight), [layout, viewportHeight]);
  const tracker = useRef<ScrollTracker | null>(null);
  tracker.current ??= new ScrollTracker(scale);
  const laidOut = useRef<GridLayout | null>(null);
  const publishRef = useRef<(top: number) => void>(() => undefined);

  // A layout effect, so a new layout's rows are in place before the browser paints it.
  useLayoutEffect(() => {
    const element = ref.current;
    const track = tracker.current;
    if (!element || !track) return;
    let lastTop = track.top;
    let lastTime = performance.now();
    let settle: ReturnType<typeof setTimeout> | null = null;
    let fast = false;
    const publish = (top: number): void => {
      const next = { ...rowsInView(layout, top, viewportHeight, OVERSCAN_ROWS), fast, offset: track.offset };
      setRows((old) => (sameWindow(old, next) ? old : next));
    };
    publishRef.current = publish;
    const onScroll = (): void => {
      const now = performance.now();
      const { top, rewrite } = track.onScroll(element.scrollTop);
      if (rewrite !== null) element.scrollTop = rewrite;
      const viewportsPerSecond = (Math.abs(top - lastTop) / Math.max(1, viewportHeight)) * (1000 / Math.max(1, now - lastTime));
      lastTop = top;
      lastTime = now;
      if (viewportsPerSecond >= FAST_VIEWPORTS_PER_SECOND) {
        fast = true;
        if (settle) clearTimeout(settle);
        settle = setTimeout(() => {
          settle = null;
          fast = false;
          publish(track.top);
        }, SETTLE_MS);
      }
      publish(top);
    };
    // Another tile size or width keeps the item at the top in view; more or fewer items keep the place.
    const before = laidOut.current;
    laidOut.current = layout;
    const top = before === null ? track.top : topAfterRelayout(before, layout, track.top);
    const scrollTop = track.rescale(scale, top);
    if (Math.abs(element.scrollTop - scrollTop) >= 1) element.scrollTop = scrollTop;
    lastTop = track.top;
    publish(track.top);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      if (settle) clearTimeout(settle);
    };
  }, [ref, layout, viewportHeight, scale]);

  const currentTop = useCallback(() => tracker.current?.top ?? 0, []);
  const scrollTo = useCallback(
    (top: number) => {
      const element = ref.current;
      const track = tracker.current;
      if (!element || !track) return;
      const scrollTop = track.scrollTo(top);
      if (Math.abs(element.scrollTop - scrollTop) >= 1) element.scrollTop = scrollTop;
      // The offset may change without the scroller moving; its scroll event (if any) agrees.
      publishRef.current(track.top);
    },
    [ref],
  );

  // Until the next scroll event, a shorter list (a narrower filter) may have fewer rows.
  const window = rows.last < layout.rows ? rows : { ...rows, last: layout.rows - 1 };
  return { ...window, scale, currentTop, scrollTo };
}
