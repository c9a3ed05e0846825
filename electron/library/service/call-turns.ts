/**
 * Turns for the calls that fill the sidebar and the status lines. A page load asks for a dozen
 * of them at once, all arriving in one read of the sockets; run back to back they held the
 * library's thread for 0.4–0.7 s on a million items, and the gallery's tiles, asked a moment
 * later, waited behind them. Each of these now waits for a turn of the event loop of its own,
 * one after another, so a gallery call that arrives meanwhile is answered between two of them
 * (which calls: shared/sidebar-calls.ts).
 */

const waiting: (() => void)[] = [];
let scheduled = false;

function nextOne(): void {
  waiting.shift()?.();
  // Scheduled from inside a check phase, the next one runs in the loop's next turn, after
  // its poll phase has read (and started) any request that arrived.
  if (waiting.length > 0) setImmediate(nextOne);
  else scheduled = false;
}

/** Resolves in a turn of the event loop no other sidebar call shares. */
export function sidebarTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(nextOne);
    }
  });
}
