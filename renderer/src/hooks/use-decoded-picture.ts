import { useEffect, useState } from 'react';

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
 * The url once its picture is downloaded and decoded, else null. Decoding first (img.decode
 * runs off the main thread) keeps a row of new pictures from being decoded inside one frame
 * while the grid scrolls: that made about one frame in six miss its deadline.
 */
export function useDecodedPicture(url: string | null, onFailed: (url: string) => void): string | null {
  const [decoded, setDecoded] = useState<string | null>(null);
  useEffect(() => {
    if (url === null) return;
    let live = true;
    const picture = new Image();
    picture.src = url;
    picture.decode().then(
      () => revealNextFrame(() => live && setDecoded(url)),
      () => live && onFailed(url),
    );
    return () => {
      live = false;
    };
  }, [url, onFailed]);
  return decoded;
}
