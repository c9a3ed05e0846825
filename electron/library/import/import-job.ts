import fs from 'node:fs';
import path from 'node:path';
import { fileTimeIso, nowIso } from '../base/clock.js';
import { errorMessage } from '../base/file-errors.js';
import type { LibraryPaths } from '../base/paths.js';
import type { Db } from '../db/connection.js';
import { type FolderRecord, getFolderRecord, setFolderScanned, setFolderState } from '../db/folder-repo.js';
import { addImportIssue, clearImportIssues } from '../db/import-issue-repo.js';
import { finishJob, insertJob, type JobKind, updateJobCounts } from '../db/import-job-repo.js';
import { applyProbeResult, countPresentItems, deleteNewItem, findRelinkPairs, markFolderItemsOffline, markMissing, reachableItemIds, recordScannedFile, relinkItem, type ScanOutcome, setFileState } from '../db/media-repo.js';
import { upsertThumbnails } from '../db/thumbnail-repo.js';
import { applyFileMetadata } from './apply-file-metadata.js';
import { upsertPerceptualHash } from '../db/perceptual-hash-repo.js';
import { BatchWriter } from './batch-writer.js';
import { Fifo } from './fifo.js';
import { ChangeNotifier, ProgressTracker } from './import-progress.js';
import { scanFolder } from './scan-folder.js';
import { stackNewVersions } from './stack-new-versions.js';
import type { WorkerPool } from './worker-pool.js';
import type { WorkerReply } from './worker-messages.js';

/** One folder to scan, whole or only the part under `start`. */
export interface ImportTarget {
  folderId: number;
  start: Buffer | null;
}

export interface JobSpec {
  id: string;
  kind: JobKind;
  targets: ImportTarget[];
}

export interface JobContext {
  db: Db;
  paths: LibraryPaths;
  changes: ChangeNotifier;
  progress: ProgressTracker;
  pool: () => WorkerPool;
  signal: AbortSignal;
}

interface WorkItem {
  id: number;
  created: boolean;
  absPath: Buffer;
  folderId: number;
  display: string;
}

/** Files scanned ahead of the workers at most; the scan waits beyond this (memory stays flat). */
const MAX_QUEUED = 20_000;
const BATCH = { maxOps: 100, maxDelayMs: 50 };
const MISSING_CHUNK = 5_000;

/**
 * One import or rescan. The scan writes a `pending` row per file at once (items are listed
 * before they are read); workers then read, hash and decode each file and the answers are
 * written back in short batched transactions; thumbnails follow. After a complete scan, files
 * not seen are marked missing and missing items found elsewhere by content are relinked.
 */
export class ImportJob {
  private readonly writer: BatchWriter;
  private readonly queue = new Fifo<WorkItem>();
  private inFlight = 0;
  private failure: unknown = null;
  private readonly stop = new AbortController();
  private wake: (() => void) | null = null;
  private libraryDirKey = '';

  constructor(
    private readonly spec: JobSpec,
    private readonly ctx: JobContext,
  ) {
    this.writer = new BatchWriter(ctx.db, {
      ...BATCH,
      inEveryBatch: () => updateJobCounts(ctx.db, spec.id, this.ctx.progress.state),
      onError: (error) => {
        this.failure = error;
        this.stop.abort();
        this.poke();
      },
    });
    ctx.signal.addEventListener('abort', () => {
      this.stop.abort();
      this.queue.clear();
      this.poke();
    });
  }

  private get progress() {
    return this.ctx.progress.state;
  }

  private get stopped(): boolean {
    return this.stop.signal.aborted;
  }

  async run(): Promise<void> {
    const { db, spec } = { db: this.ctx.db, spec: this.spec };
    const startedAt = nowIso();
    insertJob(db, spec.id, spec.targets.length === 1 ? (spec.targets[0]?.folderId ?? null) : null, spec.kind, 'running', startedAt);
    this.ctx.progress.changed();
    this.libraryDirKey = await fs.promises.stat(this.ctx.paths.root).then((s) => `${s.dev}:${s.ino}`, () => '');
    for (const target of spec.targets) {
      if (this.stopped) break;
      const folder = getFolderRecord(db, target.folderId);
      if (folder) await this.scanTarget(folder, target.start);
    }
    this.progress.scanning = false;
    await this.drained();
    if (!this.stopped) this.relinkMoved();
    if (!this.stopped) this.ctx.changes.add(['fields'], stackNewVersions(db, spec.targets.map((t) => t.folderId), startedAt));
    this.finish();
  }

  private async scanTarget(folder: FolderRecord, start: Buffer | null): Promise<void> {
    const { db } = this.ctx;
    if (!(await isDirectory(folder.path))) {
      this.goOffline(folder, `${folder.path} cannot be reached; its items are marked offline until it is back`);
      return;
    }
    if (folder.state === 'offline') {
      this.writer.push(() => setFolderState(db, folder.id, 'online'), () => this.ctx.changes.add(['folders']));
    }
    const issuePrefix = start === null ? null : `${path.join(folder.path, start.toString('utf8'))}${path.sep}`;
    this.writer.push(() => clearImportIssues(db, folder.id, issuePrefix));
    const seen = new Set<number>();
    const summary = { startReadable: false, startEntries: 0 };
    const events = scanFolder({ root: folder.path, start, skipDirs: new Set([this.libraryDirKey]), signal: this.stop.signal, summary });
    for await (const event of events) {
      if (this.stopped) break;
      if (event.kind === 'issue') {
        this.addIssue(folder.id, event.path, event.reason);
        continue;
      }
      this.progress.total += 1;
      this.ctx.progress.changed();
      const relText = event.relPath.toString('utf8');
      const file = {
        relPath: event.relPath,
        displayPath: relText,
        name: relText.slice(relText.lastIndexOf('/') + 1),
        size: event.size,
        mtime: fileTimeIso(event.mtimeMs),
        readable: event.readable,
      };
      let outcome: ScanOutcome | undefined;
      this.writer.push(
        () => {
          outcome = recordScannedFile(db, folder.id, file, nowIso());
        },
        () => {
          if (!outcome) return;
          seen.add(outcome.id);
          if (outcome.created) this.ctx.changes.add(['items'], [outcome.id]);
          if (outcome.needsProbe) {
            this.queue.push({ id: outcome.id, created: outcome.created, absPath: event.absPath, folderId: folder.id, display: relText });
            this.pump();
          } else {
            this.progress.done += 1;
          }
        },
      );
      if (this.queue.length >= MAX_QUEUED) await this.waitUntil(() => this.queue.length < MAX_QUEUED / 2);
    }
    this.writer.flush();
    if (this.stopped) return;
    if (!summary.startReadable && start === null) {
      this.goOffline(folder, `${folder.path} cannot be read; its items are marked offline until it can`);
      return;
    }
    // An empty folder that held files is far more likely an unmounted disk than a deliberate
    // deletion of everything: treat it as offline rather than marking every item missing.
    if (start === null && summary.startEntries === 0 && countPresentItems(db, folder.id) > 0) {
      this.goOffline(folder, `${folder.path} is empty now; its items are marked offline (is a disk unmounted?)`);
      return;
    }
    const gone = reachableItemIds(db, folder.id, start).filter((id) => !seen.has(id));
    for (let i = 0; i < gone.length; i += MISSING_CHUNK) {
      const chunk = gone.slice(i, i + MISSING_CHUNK);
      this.writer.push(() => markMissing(db, chunk), () => this.ctx.changes.add(['files'], chunk));
    }
    this.writer.push(() => setFolderScanned(db, folder.id, nowIso()), () => this.ctx.changes.add(['folders']));
  }

  private goOffline(folder: FolderRecord, message: string): void {
    const { db } = this.ctx;
    let ids: number[] = [];
    this.writer.push(
      () => {
        setFolderState(db, folder.id, 'offline');
        ids = markFolderItemsOffline(db, folder.id);
      },
      () => {
        this.ctx.changes.add(['folders']);
        this.ctx.changes.add(['files'], ids);
      },
    );
    this.progress.message = message;
  }

  private addIssue(folderId: number, issuePath: string, reason: string): void {
    this.progress.errors += 1;
    this.ctx.progress.changed();
    this.writer.push(() => addImportIssue(this.ctx.db, folderId, issuePath, reason, nowIso()));
  }

  /** Hands queued files to the workers, never more than the pool's bounded capacity. */
  private pump(): void {
    const pool = this.ctx.pool();
    while (!this.stopped && this.inFlight < pool.capacity && this.queue.length > 0) {
      const item = this.queue.shift() as WorkItem;
      this.inFlight += 1;
      this.progress.currentFile = item.display;
      void pool.run(item.absPath, (reply) => this.onReply(item, reply)).then(() => {
        this.inFlight -= 1;
        this.pump();
        this.poke();
      });
    }
  }

  private onReply(item: WorkItem, reply: WorkerReply): void {
    const { db } = this.ctx;
    const final = (): void => {
      this.progress.done += 1;
      this.ctx.progress.changed();
    };
    switch (reply.kind) {
      case 'probed': {
        const { result } = reply;
        if (result.fileState !== 'ok') this.progress.errors += 1;
        const { metadata } = reply;
        if (metadata) {
          let changed = { tags: false, fields: false };
          this.writer.push(
            () => {
              changed = applyFileMetadata(db, item.id, metadata.metadata, nowIso());
            },
            () => {
              if (changed.tags) this.ctx.changes.add(['tags'], [item.id]);
              if (changed.fields) this.ctx.changes.add(['fields'], [item.id]);
            },
          );
          for (const problem of metadata.problems) this.addIssue(item.folderId, item.absPath.toString('utf8'), problem);
        }
        this.writer.push(() => applyProbeResult(db, item.id, result, nowIso()), () => this.ctx.changes.add(['files'], [item.id]));
        if (!result.thumbnailsFollow) final();
        return;
      }
      case 'thumbnails': {
        const { thumbnails, md5, perceptualHash } = reply;
        if (thumbnails) {
          this.writer.push(() => upsertThumbnails(db, md5, thumbnails), () => this.ctx.changes.add(['thumbnails'], [item.id]));
          if (perceptualHash) this.writer.push(() => upsertPerceptualHash(db, md5, perceptualHash));
        } else {
          this.addIssue(item.folderId, item.absPath.toString('utf8'), `Its thumbnails could not be written: ${reply.error ?? 'unknown error'}`);
        }
        final();
        return;
      }
      case 'vanished': {
        // A row made by this import for a file already gone is dropped; an older item is kept, missing.
        this.writer.push(() => (item.created ? deleteNewItem(db, item.id) : markMissing(db, [item.id])), () => this.ctx.changes.add([item.created ? 'items' : 'files'], [item.id]));
        this.addIssue(item.folderId, item.absPath.toString('utf8'), reply.reason);
        final();
        return;
      }
      case 'failed': {
        this.progress.errors += 1;
        this.writer.push(() => setFileState(db, item.id, 'damaged', `It could not be examined: ${reply.error}`, nowIso()), () => this.ctx.changes.add(['files'], [item.id]));
        final();
        return;
      }
    }
  }

  /** Every missing item whose content turned up at another path takes that file over. */
  private relinkMoved(): void {
    const { db } = this.ctx;
    const usedMissing = new Set<number>();
    const usedFound = new Set<number>();
    const relinked: number[] = [];
    for (const pair of findRelinkPairs(db)) {
      if (usedMissing.has(pair.missingId) || usedFound.has(pair.foundId)) continue;
      usedMissing.add(pair.missingId);
      usedFound.add(pair.foundId);
      relinked.push(pair.missingId, pair.foundId);
      this.writer.push(() => relinkItem(db, pair.missingId, pair.foundId, nowIso()));
    }
    this.writer.flush();
    // The found item is folded into the missing one (items), which takes its path (files) and,
    // unless renamed by the user, its file name (fields).
    this.ctx.changes.add(['items', 'files', 'fields'], relinked);
  }

  private finish(): void {
    const state = this.failure !== null ? 'failed' : this.ctx.signal.aborted ? 'cancelled' : 'done';
    const message = this.failure !== null ? `The import stopped: ${errorMessage(this.failure)}` : null;
    const finishedAt = nowIso();
    try {
      this.writer.flush();
      finishJob(this.ctx.db, this.spec.id, state, this.progress, finishedAt);
    } catch (error) {
      console.error('folio: could not record the end of an import', error);
    }
    this.ctx.changes.flush();
    this.ctx.progress.finish(state, finishedAt, message);
  }

  /** Resolves once nothing is queued or being examined, and every answer is committed. */
  private async drained(): Promise<void> {
    await this.waitUntil(() => this.inFlight === 0 && (this.queue.length === 0 || this.stopped));
    this.writer.flush();
  }

  private async waitUntil(condition: () => boolean): Promise<void> {
    while (!condition()) {
      // Batched scan rows reach the queue only when committed: commit before waiting on it.
      this.writer.flush();
      if (condition()) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

async function isDirectory(folderPath: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(folderPath)).isDirectory();
  } catch {
    return false;
  }
}
