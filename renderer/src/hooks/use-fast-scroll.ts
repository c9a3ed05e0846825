import { useEffect, useState, type RefObject } from 'react';

/** Faster than this many viewports per second, a row is gone before its pictures could be seen. */
const FAST_VIEWPORTS_PER_SECOND = 4;
/** How long after the last fast step the scroll counts as settled. */
const SETTLE_MS = 150;

/**
 * True while the element is being scrolled faster than anyone could look at it (a fling, a
 * dragged scrollbar). The gallery then mounts new tiles without starting their pictures, so
 * rows flying past cost no image requests or decodes; when the scroll slows, they load.
 */
export function useFastScroll(ref: RefObject<HTMLElement | null>): boolean {
  const [fast, setFast] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let lastTop = element.scrollTop;
    let lastTime = performance.now();
    let settle: ReturnType<typeof setTimeout> | null = null;
    const onScroll = (): void => {
      const now = performance.now();
      const top = element.scrollTop;
      const elapsed = Math.max(1, now - lastTime);
      const viewportsPerSecond = (Math.abs(top - lastTop) / Math.max(1, element.clientHeight)) * (1000 / elapsed);
      lastTop = top;
      lastTime = now;
      if (viewportsPerSecond < FAST_VIEWPORTS_PER_SECOND) return;
      setFast(true);
      if (settle) clearTimeout(settle);
      settle = setTimeout(() => {
        settle = null;
        setFast(false);
      }, SETTLE_MS);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      if (settle) clearTimeout(settle);
    };
  }, [ref]);
  return fast;
}
