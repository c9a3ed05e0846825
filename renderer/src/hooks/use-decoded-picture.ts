import { useEffect, useState, type RefObject } from 'react';

/** Reveals waiting for the next animation frame; each is a tile's state setter. */
let pendingReveals: (() => void)[] = [];

/**
 * Runs `reveal` at the next animation frame together with every other picture decoded since
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
 * The url once the picture element showing it has decoded it, else null. The element is in the
 * page (hidden) from the start and decodes off the main thread, so the frame that reveals it
 * only flips its visibility: a row of new pictures is never decoded inside one frame.
 */
export function useDecodedPicture(picture: RefObject<HTMLImageElement | null>, url: string | null, onFailed: (url: string) => void): string | null {
  const [decoded, setDecoded] = useState<string | null>(null);
  useEffect(() => {
    const element = picture.current;
    if (url === null || !element) return;
    let live = true;
    element.decode().then(
      () => revealNextFrame(() => live && setDecoded(url)),
      () => live && onFailed(url),
    );
    return () => {
      live = false;
    };
  }, [picture, url, onFailed]);
  return decoded;
}
