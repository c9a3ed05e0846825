import { useEffect, useState, type RefObject } from 'react';

/** Reveals waiting for the next animation frame; each is a tile's state setter. */
let pendingReveals: (() => void)[] = [];

/**
 * Runs `reveal` at the next animation frame together with every other picture loaded since
 * the last one, so a row of new pictures costs the grid one render and one layout rather
 * than one per picture.
 */
function revealNextFrame(reveal: () => void): void {
  pendingReveals.push(reveal);
  if (pendingReveals.length > 1) return;
  requestAnimationFrame(() => {
    const reveals = pendingReveals;
    pendingReveals = [];
    for (const run of reveals) run();
  });
}

/**
 * The url once the picture element showing it has loaded it, else null; a failed load is the
 * element's own `onError` (Tile). The element is in the page (hidden) from the start;
 * revealed, it is decoded by the compositor's raster workers at the size it is drawn
 * (`decoding="async"`: never inside a frame).
 *
 * Not `img.decode()`: that decodes the whole thumbnail (512 px for a 160 px tile) once more,
 * besides the raster's own decode at the drawn scale, and the two do not share a cache entry.
 * A trace of a reading-pace scroll over 100,000 items showed 888 such decodes of 6 ms each
 * beside 2,555 raster decodes: a quarter of one core of this machine's two, which pushed the
 * frames past 20 ms while pictures loaded.
 */
export function useLoadedPicture(picture: RefObject<HTMLImageElement | null>, url: string | null): string | null {
  const [loaded, setLoaded] = useState<string | null>(null);
  useEffect(() => {
    const element = picture.current;
    if (url === null || !element) return;
    let live = true;
    const reveal = (): void => revealNextFrame(() => live && setLoaded(url));
    // A picture already in the browser's memory cache is complete before any load event; a
    // broken one (complete, no width) is left to the element's own error handler (Tile).
    if (element.complete) {
      if (element.naturalWidth > 0) reveal();
    } else {
      element.addEventListener('load', reveal, { once: true });
    }
    return () => {
      live = false;
      element.removeEventListener('load', reveal);
    };
  }, [picture, url]);
  return loaded;
}
