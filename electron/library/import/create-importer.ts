import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { notFound } from '../../../shared/errors.js';
import type { ImportProgress, LibraryFolder } from '../../../shared/media.js';
import { nowIso } from '../base/clock.js';
import type { LibraryEvents } from '../base/events.js';
import type { ResolvedOptions } from '../base/options.js';
import type { LibraryPaths } from '../base/paths.js';
import type { Db } from '../db/connection.js';
import { allFolderRecords, getFolderRecord, listFolders } from '../db/folder-repo.js';
import { failInterruptedJobs, insertJob, lastJob } from '../db/import-job-repo.js';
import { resolveTool } from '../tools/run-tool.js';
import { ImportJob, type JobSpec } from './import-job.js';
import { ChangeNotifier, ProgressTracker } from './import-progress.js';
import type { Importer } from './importer.js';
import { resolveImportFolder } from './resolve-import-folder.js';
import { WorkerPool } from './worker-pool.js';

export interface ImporterDeps {
  db: Db;
  paths: LibraryPaths;
  events: LibraryEvents;
  options: ResolvedOptions;
  /** A read-only library: nothing is written at start-up (any import is refused by SQLite). */
  readOnly?: boolean;
}

interface Running {
  spec: JobSpec;
  controller: AbortController;
  progress: ProgressTracker;
}

function libraryFolder(db: Db, id: number): LibraryFolder {
  const row = listFolders(db).find((f) => f.id === id);
  if (!row) throw notFound(`Folder ${id}`);
  return { id: row.id, path: row.path, state: row.state, itemCount: row.item_count, addedAt: row.added_at, lastScanAt: row.last_scan_at };
}

/** What `import.status` shows after a restart: the last job as it was recorded. */
function progressFromDb(db: Db): ImportProgress | null {
  const job = lastJob(db);
  if (!job) return null;
  return {
    jobId: job.id,
    state: job.state,
    total: job.total,
    done: job.done,
    errors: job.errors,
    scanning: false,
    currentFile: null,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
    message: job.state === 'failed' ? 'This import did not finish (Folio was closed or stopped during it); import the folder again to complete it' : null,
  };
}

/**
 * The library's importer: jobs run one at a time in the order they were asked for, each
 * scanning its folders and feeding a shared pool of worker threads (started on first use).
 */
export function createImporter(deps: ImporterDeps): Importer {
  const { db, paths, events, options } = deps;
  // A job still marked running was cut short by a crash; its committed work stays, and
  // importing the folder again finishes the rest without duplicates.
  if (deps.readOnly !== true) failInterruptedJobs(db, nowIso());
  let pool: WorkerPool | null = null;
  const getPool = (): WorkerPool => {
    pool ??= new WorkerPool(options.workers, {
      pixelLimit: options.pixelLimit,
      decodeTimeoutSeconds: options.decodeTimeoutSeconds,
      libraryRoot: paths.root,
      ffprobePath: resolveTool(options.ffprobePath, 'ffprobe'),
      ffmpegPath: resolveTool(options.ffmpegPath, 'ffmpeg'),
      dcrawPath: resolveTool(options.dcrawPath, 'dcraw_emu'),
      libvipsThreads: libvipsThreadsPerWorker(options.workers),
      readFileMetadata: options.readFileMetadata !== false,
    });
    return pool;
  };
  const changes = new ChangeNotifier(events);
  const queue: JobSpec[] = [];
  let running: Running | null = null;
  let last: ImportProgress | null = null;
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  const settleIdle = (): void => {
    if (running || queue.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const runNext = (): void => {
    if (running) return;
    const spec = queue.shift();
    if (!spec) {
      settleIdle();
      return;
    }
    const progress = new ProgressTracker(spec.id, nowIso(), events);
    const controller = new AbortController();
    running = { spec, controller, progress };
    const job = new ImportJob(spec, { db, paths, changes, progress, pool: getPool, signal: controller.signal });
    job
      .run()
      .catch((error: unknown) => {
        console.error('folio: an import job failed', error);
        progress.finish('failed', nowIso(), `The import stopped: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        last = progress.snapshot();
        running = null;
        // Let the job's final events reach listeners before the next one starts.
        setImmediate(runNext);
      });
  };

  const enqueue = (spec: JobSpec): void => {
    queue.push(spec);
    runNext();
  };

  const assertOpen = (): void => {
    if (closed) throw new Error('The library is closed');
  };

  return {
    async start(folderPath) {
      assertOpen();
      const { target, created } = await resolveImportFolder(db, paths.root, folderPath);
      const jobId = randomUUID();
      enqueue({ id: jobId, kind: created || target.start !== null ? 'import' : 'rescan', targets: [target] });
      if (created) changes.add(['folders']);
      return { jobId, folder: libraryFolder(db, target.folderId) };
    },

    async rescan(folderIds) {
      assertOpen();
      const ids = folderIds ?? allFolderRecords(db).map((f) => f.id);
      for (const id of ids) {
        if (!getFolderRecord(db, id)) throw notFound(`Folder ${id}`, 'folderIds');
      }
      const jobId = randomUUID();
      enqueue({ id: jobId, kind: 'rescan', targets: ids.map((folderId) => ({ folderId, start: null })) });
      return { jobId };
    },

    cancel() {
      const dropped = queue.splice(0);
      const now = nowIso();
      for (const spec of dropped) {
        insertJob(db, spec.id, spec.targets[0]?.folderId ?? null, spec.kind, 'cancelled', now);
      }
      if (running && !running.controller.signal.aborted) {
        running.controller.abort();
        return true;
      }
      settleIdle();
      return dropped.length > 0;
    },

    status() {
      return running?.progress.snapshot() ?? last ?? progressFromDb(db);
    },

    whenIdle() {
      if (!running && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },

    async close() {
      closed = true;
      this.cancel();
      await this.whenIdle();
      await pool?.close();
    },
  };
}

/**
 * Each worker's libvips gets the cores the workers do not fill, and at least two threads:
 * while files are plenty every worker keeps a core busy, and on the last large files of a
 * folder, when a worker runs alone, its decode and WebP encodes spread over a second core
 * instead of leaving it idle (measured in the import benchmark's large-photo part).
 */
export function libvipsThreadsPerWorker(workers: number): number {
  return Math.max(2, Math.ceil(os.availableParallelism() / Math.max(1, workers)));
}
