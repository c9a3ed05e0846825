/**
 * The background analysis: takes items off `analysis_queue` one at a time and runs their
 * extensions, below imports and the UI in priority:
 * - one item at a time, never two, and a pause between items so the UI's requests and the
 *   import's writes get the thread (the models themselves run in their own worker threads);
 * - while an import or rescan runs, nothing new starts: the item in hand finishes and the
 *   queue waits for the importer to be idle;
 * - the queue is a table: a run killed half-way resumes on the next open, and an item leaves
 *   the queue in the transaction that writes its results.
 * New and changed items are queued after their thumbnails (the import's `thumbnails` and
 * `files` changes) when "Analyse new items automatically" is on.
 */
import type { AnalysisSettings, AnalysisStatus } from '../../../shared/analysis.js';
import { DEFAULT_ANALYSIS_EXTENSIONS } from '../../../shared/analysis.js';
import type { LibraryChange } from '../../../shared/events.js';
import type { ImportProgress } from '../../../shared/media.js';
import { nowIso } from '../base/clock.js';
import type { LibraryEvents } from '../base/events.js';
import { clearQueue, dequeue, enqueueDue, nextQueued, PRIORITY_NEW, queuedItemCount, type NextAnalysis } from '../db/analysis-queue-repo.js';
import type { Db } from '../db/connection.js';
import { OTHER_PROCESS_ACTOR } from '../db/other-process-changes.js';
import { getAnalysisSettings, setAnalysisSettings, type AnalysisSettingsRow } from '../db/settings-repo.js';
import { findExtension } from '../extensions/registry.js';

/** Between two items: long enough for queued UI requests and import batches to run first. */
const PAUSE_BETWEEN_ITEMS_MS = 15;
/** New items come in bursts (an import writes thumbnails in batches): queue them in one go. */
const QUEUE_DELAY_MS = 300;
const PROGRESS_INTERVAL_MS = 250;

export interface AnalysisRunnerDeps {
  db: Db;
  events: LibraryEvents;
  /** The importer, as far as the analysis yields to it (a sibling floor: given, not imported). */
  importer: { status(): ImportProgress | null; whenIdle(): Promise<void> };
  readOnly: boolean;
  /**
   * Whether this process runs the queue. False for one-shot CLI commands: they may queue work,
   * pause or cancel (a window on the same library sees the pause before its next item), but
   * never start analysing themselves.
   */
  runsQueue: boolean;
  /**
   * Runs the extensions on one item and writes the results, taking the item's rows off the
   * queue in the same transaction. Resolves with whether some extension failed on it.
   */
  analyse(next: NextAnalysis): Promise<{ failed: boolean }>;
}

const DEFAULTS: AnalysisSettingsRow = { autoAnalyse: false, extensions: [...DEFAULT_ANALYSIS_EXTENSIONS], paused: false };

export class AnalysisRunner {
  private loop: Promise<void> | null = null;
  private closed = false;
  private current: NextAnalysis | null = null;
  private waitingForImport = false;
  private done = 0;
  private failed = 0;
  private queueTimer: NodeJS.Timeout | null = null;
  private pendingIds: Set<number> | null = new Set();
  private progressTimer: NodeJS.Timeout | null = null;
  private lastProgressAt = 0;
  private kickedWhileRunning = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: AnalysisRunnerDeps) {
    this.unsubscribe = deps.events.on('library.changed', (change) => this.noticeChange(change));
  }

  /** On open: queue what a new model version (or a file changed while closed) made due, and resume. */
  open(): void {
    if (this.deps.readOnly || !this.deps.runsQueue) return;
    if (this.settings().autoAnalyse) this.queueDue(null);
    this.kick();
  }

  settings(): AnalysisSettingsRow {
    return getAnalysisSettings(this.deps.db, DEFAULTS);
  }

  /** Stores the settings; switching the automatic analysis on queues what is due now. */
  updateSettings(patch: Partial<AnalysisSettings>): AnalysisSettings {
    const before = this.settings();
    const next = { ...before, ...patch };
    setAnalysisSettings(this.deps.db, next);
    if (next.autoAnalyse && (!before.autoAnalyse || patch.extensions !== undefined)) {
      this.queueDue(null);
      this.kick();
    }
    this.emitProgress();
    return { autoAnalyse: next.autoAnalyse, extensions: next.extensions };
  }

  status(): AnalysisStatus {
    const queued = queuedItemCount(this.deps.db);
    const { autoAnalyse, extensions, paused } = this.settings();
    let state: AnalysisStatus['state'] = 'idle';
    if (paused && queued > 0) state = 'paused';
    else if (this.current) state = 'running';
    else if (queued > 0) state = this.waitingForImport ? 'waiting' : 'running';
    return {
      state,
      queued,
      done: this.done,
      failed: this.failed,
      total: this.done + queued,
      current: this.current ? { id: this.current.mediaId, extensions: [...this.current.extensions] } : null,
      settings: { autoAnalyse, extensions },
    };
  }

  /** Starts the loop unless it runs, the user paused it, or the queue is empty. */
  kick(): void {
    if (this.closed || this.deps.readOnly || !this.deps.runsQueue) return;
    if (this.loop) {
      // The loop may have just seen an empty queue and be on its way out: it looks again.
      this.kickedWhileRunning = true;
      return;
    }
    if (this.settings().paused) return;
    this.loop = this.run().finally(() => {
      this.loop = null;
      this.emitProgress();
      if (this.kickedWhileRunning) {
        this.kickedWhileRunning = false;
        this.kick();
      }
    });
  }

  /**
   * Resolves when the loop has stopped (the queue is empty, paused, or the runner closed) and
   * no change noticed is still waiting to be queued.
   */
  async whenIdle(): Promise<void> {
    while (this.loop || this.queueTimer) {
      if (this.loop) await this.loop;
      else await new Promise((resolve) => setTimeout(resolve, QUEUE_DELAY_MS));
    }
  }

  pause(): void {
    this.setPaused(true);
  }

  resume(): void {
    this.setPaused(false);
    this.kick();
  }

  /** Empties the queue: the item in hand finishes, nothing after it starts. */
  cancel(): number {
    const removed = clearQueue(this.deps.db);
    this.setPaused(false);
    this.resetRun();
    return removed;
  }

  /** A new run's counts start from zero when work arrives at an empty queue. */
  beforeQueueing(): void {
    if (!this.current && queuedItemCount(this.deps.db) === 0) this.resetRun();
  }

  /** Stops after the item in hand; the queue stays for the next open. */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    if (this.queueTimer) clearTimeout(this.queueTimer);
    if (this.progressTimer) clearTimeout(this.progressTimer);
    await this.loop;
  }

  private setPaused(paused: boolean): void {
    const settings = this.settings();
    if (settings.paused !== paused) setAnalysisSettings(this.deps.db, { ...settings, paused });
    this.emitProgress();
  }

  private resetRun(): void {
    this.done = 0;
    this.failed = 0;
  }

  private async run(): Promise<void> {
    for (;;) {
      if (this.closed || this.settings().paused) return;
      if (this.deps.importer.status()?.state === 'running') {
        this.waitingForImport = true;
        this.emitProgress();
        await this.deps.importer.whenIdle();
        this.waitingForImport = false;
        continue;
      }
      const next = nextQueued(this.deps.db);
      if (!next) return;
      this.current = next;
      this.emitProgress();
      try {
        const { failed } = await this.deps.analyse(next);
        if (failed) this.failed += 1;
      } catch (error) {
        // The item must not block the queue for ever: it is counted as failed and left out.
        this.failed += 1;
        console.error(`folio: the background analysis of item ${next.mediaId} failed`, error);
        dequeue(this.deps.db, next.mediaId, next.extensions);
      } finally {
        this.current = null;
      }
      this.done += 1;
      this.emitProgress();
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_ITEMS_MS));
    }
  }

  private noticeChange(change: LibraryChange): void {
    if (this.closed || this.deps.readOnly || !this.deps.runsQueue) return;
    // Another process wrote to the library (other-process-changes.ts): it may have resumed,
    // paused, queued or cancelled (`folio analysis resume`, `folio analysis start` through a
    // second server…). The queue and the pause are rows, so a look at them is all it takes.
    if (change.actor === OTHER_PROCESS_ACTOR) {
      this.emitProgress();
      this.kick();
    }
    if (!change.aspects.some((aspect) => aspect === 'thumbnails' || aspect === 'files' || aspect === 'items')) return;
    if (!this.settings().autoAnalyse) return;
    if (this.pendingIds !== null) {
      if (change.ids === undefined) this.pendingIds = null; // too many to list: look at the whole library
      else for (const id of change.ids) this.pendingIds.add(id);
    }
    this.queueTimer ??= setTimeout(() => {
      this.queueTimer = null;
      const ids = this.pendingIds;
      this.pendingIds = new Set();
      this.queueDue(ids === null ? null : [...ids]);
      this.kick();
    }, QUEUE_DELAY_MS);
  }

  /** Queues, for each extension of the settings, the items (all when null) that are due. */
  private queueDue(ids: readonly number[] | null): void {
    if (ids !== null && ids.length === 0) return;
    const now = nowIso();
    this.beforeQueueing();
    const { db } = this.deps;
    let queued = 0;
    db.transaction(() => {
      for (const name of this.settings().extensions) {
        const extension = findExtension(name);
        if (extension) queued += enqueueDue(db, { name: extension.name, version: extension.version }, PRIORITY_NEW, now, ids);
      }
    }).immediate();
    if (queued > 0) this.emitProgress();
  }

  /** At most one event per PROGRESS_INTERVAL_MS: the first at once, the last one always. */
  private emitProgress(): void {
    if (this.progressTimer || this.closed) return;
    const wait = this.lastProgressAt + PROGRESS_INTERVAL_MS - Date.now();
    const send = () => {
      this.progressTimer = null;
      this.lastProgressAt = Date.now();
      if (!this.closed) this.deps.events.emit('analysis.progress', this.status());
    };
    if (wait <= 0) send();
    else this.progressTimer = setTimeout(send, wait);
  }
}
