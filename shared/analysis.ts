/** The background analysis (issue 16): its settings and its progress, as the UI and the API see them. */

/** Extensions a new library analyses in the background once the user switches it on. */
export const DEFAULT_ANALYSIS_EXTENSIONS: readonly string[] = ['local-analysis', 'objects', 'places'];

export interface AnalysisSettings {
  /** "Analyse new items automatically": new and changed items are queued after their thumbnails. */
  autoAnalyse: boolean;
  /** The extensions the automatic analysis runs (and "Analyse the whole library" by default). */
  extensions: string[];
}

/**
 * - `idle`: nothing queued
 * - `running`: analysing, one item at a time
 * - `waiting`: work is queued but an import or rescan is running; analysis resumes after it
 * - `paused`: stopped by the user with work left (kept across a restart)
 */
export type AnalysisState = 'idle' | 'running' | 'waiting' | 'paused';

export interface AnalysisStatus {
  state: AnalysisState;
  /** Items still queued (an item waiting for two extensions counts once). */
  queued: number;
  /** Items finished since this run began (a run begins when work arrives at an empty queue). */
  done: number;
  /** Of `done`, the items whose analysis failed for at least one extension. */
  failed: number;
  /** done + queued: the run's size as far as it is known. */
  total: number;
  /** The item being analysed and with which extensions, or null. */
  current: { id: number; extensions: string[] } | null;
  settings: AnalysisSettings;
}

/** What `analysis.start` analyses: every item, only those due (never analysed, or by an older model, or changed since), or the given items. */
export type AnalysisScope = 'all' | 'due' | { ids: number[] };
