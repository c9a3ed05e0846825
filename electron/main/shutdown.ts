/**
 * Quitting is asynchronous (a running import is cancelled, workers stop, the database is
 * closed), but Electron's `before-quit` is not. The first quit is held back until the work is
 * done, then quits for real; any further request during that time is ignored.
 */
export function createShutdown(work: () => Promise<void>): { begin(): Promise<void>; readonly done: boolean } {
  let running: Promise<void> | null = null;
  let done = false;
  return {
    begin() {
      running ??= work()
        .catch((error: unknown) => console.error('folio: shutting down cleanly failed', error))
        .finally(() => {
          done = true;
        });
      return running;
    },
    get done() {
      return done;
    },
  };
}
