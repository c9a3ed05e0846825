/**
 * Holds the sidebar's calls (shared/sidebar-calls.ts) until the gallery's first screen of tiles
 * is in, so on a page load the first window and the first row's tiles go out first and are not
 * queued behind a dozen sidebar counts (a browser keeps at most six requests to one server in
 * flight). Opens for good the first time: after that every call goes out as it is made. It also
 * opens by itself after a moment, so a page that never shows a gallery (an empty library, an
 * error) still fills its sidebar.
 */
export const GATE_TIMEOUT_MS = 1_500;

export interface Gate {
  /** Resolves once the gate is open (at once when it is). */
  passed(): Promise<void>;
  open(): void;
  readonly isOpen: boolean;
}

export function createGate(timeoutMs: number, schedule: (fn: () => void, ms: number) => unknown = setTimeout): Gate {
  let release: () => void = () => {};
  let isOpen = false;
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  let timerStarted = false;
  const gate: Gate = {
    get isOpen() {
      return isOpen;
    },
    passed() {
      if (isOpen) return Promise.resolve();
      // The clock starts with the first call held, not when the module loads.
      if (!timerStarted) {
        timerStarted = true;
        schedule(() => gate.open(), timeoutMs);
      }
      return opened;
    },
    open() {
      isOpen = true;
      release();
    },
  };
  return gate;
}

export const firstScreenGate = createGate(GATE_TIMEOUT_MS);
