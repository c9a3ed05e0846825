import type { ChangeAspect } from '../../../shared/events.js';
import type { ImportProgress } from '../../../shared/media.js';
import type { LibraryEvents } from '../base/events.js';
import { throttle } from './throttle.js';

/** At most this many progress or change events a second: a UI redraws, it does not need more. */
const EVENT_INTERVAL_MS = 100;
/** Changes name their items up to this many; beyond, listeners reload what they show. */
const MAX_IDS_PER_EVENT = 200;

/** The running job's progress, sent as throttled `import.progress` events plus the final state. */
export class ProgressTracker {
  readonly state: ImportProgress;
  private readonly emitter;

  constructor(
    jobId: string,
    startedAt: string,
    private readonly events: LibraryEvents,
  ) {
    this.state = {
      jobId,
      state: 'running',
      total: 0,
      done: 0,
      errors: 0,
      scanning: true,
      currentFile: null,
      startedAt,
      finishedAt: null,
      message: null,
    };
    this.emitter = throttle(() => this.events.emit('import.progress', this.snapshot()), EVENT_INTERVAL_MS);
  }

  snapshot(): ImportProgress {
    return { ...this.state };
  }

  changed(): void {
    this.emitter.call();
  }

  finish(state: ImportProgress['state'], finishedAt: string, message: string | null): void {
    this.emitter.cancel();
    Object.assign(this.state, { state, finishedAt, scanning: false, currentFile: null });
    if (message !== null) this.state.message = message;
    this.events.emit('import.progress', this.snapshot());
  }
}

/**
 * Collects changed ids per set of aspects and sends them as throttled `library.changed` events:
 * one event per distinct set, so ids whose thumbnails were made are not reported as renamed.
 */
export class ChangeNotifier {
  /** Keyed by the aspects joined with commas, in the order first given. */
  private readonly pending = new Map<string, { aspects: ChangeAspect[]; ids: Set<number> | null }>();
  private readonly emitter;

  constructor(private readonly events: LibraryEvents) {
    this.emitter = throttle(() => this.emitPending(), EVENT_INTERVAL_MS);
  }

  add(aspects: readonly ChangeAspect[], ids: readonly number[] = []): void {
    if (ids.length === 0 && !aspects.includes('folders')) return;
    const key = aspects.join(',');
    let entry = this.pending.get(key);
    if (entry === undefined) {
      entry = { aspects: [...aspects], ids: new Set() };
      this.pending.set(key, entry);
    }
    if (entry.ids !== null) {
      for (const id of ids) entry.ids.add(id);
      if (entry.ids.size > MAX_IDS_PER_EVENT) entry.ids = null;
    }
    this.emitter.call();
  }

  flush(): void {
    this.emitter.cancel();
    this.emitPending();
  }

  private emitPending(): void {
    for (const { aspects, ids } of this.pending.values()) {
      this.events.emit('library.changed', ids === null || ids.size === 0 ? { aspects, actor: 'import' } : { aspects, ids: [...ids], actor: 'import' });
    }
    this.pending.clear();
  }
}
