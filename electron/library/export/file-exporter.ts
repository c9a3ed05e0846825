/**
 * File exports as a background job, one at a time per library, like an import: `start` checks
 * the folder and returns at once, the items are written two at a time (ExifTool runs in two
 * processes of its own, apart from the sidecar writer's), `status` says how far it is and what
 * failed, `cancel` stops it. A cancelled export finishes no further file: what is being written
 * is dropped with its temporary files, what was placed stays (each file whole).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { backgroundExifTool } from '../metadata/background-exiftool.js';
import { DEFAULT_EXPORT_TEMPLATE, DEFAULT_JPEG_QUALITY, type ExportFailure, type ExportMode, type ExportProgress } from '../../../shared/file-export.js';
import { FolioError } from '../../../shared/errors.js';
import { nowIso } from '../base/clock.js';
import { errorMessage } from '../base/file-errors.js';
import type { Db } from '../db/connection.js';
import { getMediaRow } from '../db/media-repo.js';
import { exportItem, ExportCancelled, type ExportSettings } from './export-item.js';

const MAX_FAILURES_KEPT = 1_000;
const PARALLEL = 2;

export interface ExportRequest {
  dir: string;
  ids: readonly number[];
  mode: ExportMode;
  longEdge?: number | undefined;
  quality?: number | undefined;
  template?: string | undefined;
}

/** The folder exists (or is made) and this user may write it; a clear error otherwise. */
async function writableFolder(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  try {
    await fs.promises.mkdir(absolute, { recursive: true });
    if (!(await fs.promises.stat(absolute)).isDirectory()) throw new FolioError('INVALID_ARGUMENT', `${absolute} is not a folder`, { field: 'dir' });
    await fs.promises.access(absolute, fs.constants.W_OK);
  } catch (error) {
    if (error instanceof FolioError) throw error;
    throw new FolioError('PERMISSION_DENIED', `The export folder ${absolute} cannot be written: ${errorMessage(error)}`, { field: 'dir' });
  }
  return absolute;
}

export class FileExporter {
  private exiftool: ExifTool | null = null;
  private progress: ExportProgress | null = null;
  private running: Promise<void> | null = null;
  private cancelRequested = false;
  private jobs = 0;

  constructor(private readonly db: Db) {}

  status(): ExportProgress | null {
    return this.progress === null ? null : { ...this.progress, failures: [...this.progress.failures] };
  }

  async start(request: ExportRequest): Promise<ExportProgress> {
    if (this.running) throw new FolioError('BUSY', 'An export is running; wait for it or cancel it first');
    const dir = await writableFolder(request.dir);
    if (this.running) throw new FolioError('BUSY', 'An export is running; wait for it or cancel it first');
    this.jobs += 1;
    this.cancelRequested = false;
    this.progress = {
      job: this.jobs,
      state: 'running',
      dir,
      mode: request.mode,
      total: request.ids.length,
      done: 0,
      exported: 0,
      sidecarFallbacks: 0,
      failed: 0,
      failures: [],
      startedAt: nowIso(),
      finishedAt: null,
    };
    const settings: ExportSettings = {
      db: this.db,
      exiftool: this.tool(),
      dir,
      mode: request.mode,
      longEdge: request.mode === 'jpeg' ? (request.longEdge ?? null) : null,
      quality: request.quality ?? DEFAULT_JPEG_QUALITY,
      template: request.template ?? DEFAULT_EXPORT_TEMPLATE,
      claimed: new Set(),
      tempPrefix: `.folio-export-${process.pid}-${this.jobs}`,
      cancelled: () => this.cancelRequested,
    };
    const progress = this.progress;
    this.running = this.run(settings, request.ids, progress).finally(() => {
      progress.state = this.cancelRequested ? 'cancelled' : 'done';
      progress.finishedAt = nowIso();
      this.running = null;
    });
    return this.status() as ExportProgress;
  }

  /** True when an export was running. */
  cancel(): boolean {
    if (!this.running) return false;
    this.cancelRequested = true;
    return true;
  }

  /** Resolves when no export runs. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.cancel();
    await this.idle();
    await this.exiftool?.end();
    this.exiftool = null;
  }

  private tool(): ExifTool {
    this.exiftool ??= backgroundExifTool({ maxProcs: PARALLEL, taskTimeoutMillis: 60_000 });
    return this.exiftool;
  }

  private async run(settings: ExportSettings, ids: readonly number[], progress: ExportProgress): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < ids.length && !this.cancelRequested) {
        const index = next++;
        const id = ids[index] as number;
        try {
          const outcome = await exportItem(settings, id, index + 1);
          progress.exported += 1;
          if (outcome.fallback !== null) {
            progress.sidecarFallbacks += 1;
            this.fail(progress, id, outcome.fallback, false);
          }
        } catch (error) {
          if (error instanceof ExportCancelled) return;
          this.fail(progress, id, errorMessage(error), true);
        }
        progress.done += 1;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }

  /** A failure (or a fallback, which is reported the same way but still exported). */
  private fail(progress: ExportProgress, id: number, reason: string, failed: boolean): void {
    if (failed) progress.failed += 1;
    if (progress.failures.length >= MAX_FAILURES_KEPT) return;
    const failure: ExportFailure = { id, name: getMediaRow(this.db, id)?.name ?? `item ${id}`, reason, exported: !failed };
    progress.failures.push(failure);
  }
}
