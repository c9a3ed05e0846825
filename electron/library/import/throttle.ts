/**
 * Calls `fn` at most once per `intervalMs`: the first call at once, later ones folded into one
 * call at the end of the interval. `flush` runs a pending call now (the final state).
 */
export function throttle(fn: () => void, intervalMs: number): { call(): void; flush(): void; cancel(): void } {
  let last = 0;
  let timer: NodeJS.Timeout | null = null;
  const run = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    last = Date.now();
    fn();
  };
  return {
    call() {
      if (timer) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    flush() {
      if (timer) run();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
