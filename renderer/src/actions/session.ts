/**
 * The first loads of a window. They start before React's first render, so the core reads the
 * library while the shell is drawn instead of after it: on a cold start of the benchmark's
 * 100,000-item library the id list is asked for about 250 ms sooner.
 */
import { refreshLibrary, reloadIds } from './gallery-data.js';
import { loadImportStatus } from './importing.js';

export function startSession(): void {
  void reloadIds();
  void refreshLibrary();
  void loadImportStatus();
}
