/**
 * Writing items' metadata back to XMP sidecars, in the background (setting `writeSidecars`).
 * The queue is the `sidecar_writes` table, filled by triggers in the edit's own transaction;
 * this runner drains it in batches through ExifTool (exiftool-vendored: a small pool of
 * stay-open processes) and survives anything: a write is
 *   1. copy the existing sidecar (or nothing) to a hidden temporary `.name.folio-write.xmp`
 *      beside it, 2. let ExifTool change only Folio's properties in the copy (read, change,
 *      write: everything else in the sidecar stays), 3. fsync, 4. rename over the sidecar,
 *   5. clear the row, unless the item was edited again meanwhile.
 * A kill at any point leaves the sidecar old or new, never half-written, and the row pending
 * for the next start. At most one write per sidecar file is in flight (a RAW and its JPEG may
 * share `name.xmp`). The user's originals are never opened for writing.
 *
 * Which sidecar: an existing one of either naming (`name.ext.xmp` first, then `name.xmp`,
 * either case), else a new `name.ext.xmp` (darktable's and digiKam's naming: it cannot be
 * mistaken for the sidecar of another file with the same stem).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { backgroundExifTool } from './background-exiftool.js';
import type { LibraryEvents } from '../base/events.js';
import { errorMessage } from '../base/file-errors.js';
import type { Db } from '../db/connection.js';
import { getMediaLocation } from '../db/media-repo.js';
import { getWriteSidecars } from '../db/settings-repo.js';
import { failSidecarWrite, finishSidecarWrite, nextSidecarWrites, retryFailedSidecarWrites, sidecarQueueCounts, type PendingSidecarWrite } from '../db/sidecar-write-repo.js';
import { sidecarCandidates } from './read-file-metadata.js';
import { sidecarItemsOf } from './sidecar-item.js';
import { FOCUS_REGION_NAME, mergedRegions, sidecarTags, type MwgRegion, type SidecarItem } from './sidecar-content.js';

const BATCH = 64;

export interface SidecarQueueStatus {
  enabled: boolean;
  running: boolean;
  pending: number;
  failed: number;
  /** Pending writes of a "write all" (what cancel would drop). */
  pendingAll: number;
  /** Sidecars written since the library was opened. */
  written: number;
  lastError: { mediaId: number; message: string } | null;
}

export interface SidecarQueueOptions {
  db: Db;
  events: LibraryEvents;
  readOnly: boolean;
  /** ExifTool processes (default 2: writes are cheap, the machine has other work). */
  processes?: number;
}

async function exists(file: Buffer): Promise<boolean> {
  return fs.promises.access(file).then(
    () => true,
    () => false,
  );
}

/** The sidecar Folio writes for `file`: an existing one of either naming, else a new `file.xmp`. */
export async function sidecarTarget(file: Buffer): Promise<{ target: Buffer; existed: boolean }> {
  // Asked of the thread pool, not with existsSync: a slow disk must not stall the UI's thread.
  for (const candidate of sidecarCandidates(file)) if (await exists(candidate)) return { target: candidate, existed: true };
  return { target: sidecarCandidates(file)[0] as Buffer, existed: false };
}

export function temporarySidecar(target: Buffer): Buffer {
  const dir = path.dirname(target.toString('utf8'));
  return Buffer.from(path.join(dir, `.${path.basename(target.toString('utf8'))}.folio-write.xmp`));
}

/** The file ExifTool writes `file` through with `-overwrite_original` (ExifTool's own naming). */
function exiftoolLeftover(file: Buffer): Buffer {
  return Buffer.concat([file, Buffer.from('_exiftool_tmp')]);
}

export class SidecarQueue {
  private exiftool: ExifTool | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private written = 0;
  private lastError: SidecarQueueStatus['lastError'] = null;
  private readonly inFlight = new Set<string>();
  private readonly processes: number;

  constructor(private readonly options: SidecarQueueOptions) {
    this.processes = options.processes ?? 2;
  }

  /** On open: failed writes get another chance, pending ones (a crash, a kill) are finished. */
  start(): void {
    if (this.options.readOnly) return;
    retryFailedSidecarWrites(this.options.db);
    this.poke();
  }

  /** Something may have been queued: drain the queue if writing is on. */
  poke(): void {
    if (this.closed || this.options.readOnly) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => console.error('folio: writing sidecars stopped', error))
      .finally(() => {
        this.running = null;
        if (this.again && !this.closed) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Resolves when the queue is empty (or writing is off, or only failures are left). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  status(): SidecarQueueStatus {
    const counts = sidecarQueueCounts(this.options.db);
    return { enabled: getWriteSidecars(this.options.db), running: this.running !== null, ...counts, written: this.written, lastError: this.lastError };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.running;
    await this.exiftool?.end();
    this.exiftool = null;
  }

  private tool(): ExifTool {
    this.exiftool ??= backgroundExifTool({ maxProcs: this.processes, taskTimeoutMillis: 30_000 });
    return this.exiftool;
  }

  private async drain(): Promise<void> {
    const { db } = this.options;
    let after = 0;
    while (!this.closed && getWriteSidecars(db)) {
      const batch = nextSidecarWrites(db, BATCH, after);
      if (batch.length === 0) {
        if (after === 0) return;
        after = 0; // writes skipped while their sidecar was busy, and rows queued behind us
        continue;
      }
      after = (batch.at(-1) as PendingSidecarWrite).mediaId;
      // The batch's items are read in the same turn as its generations, so a later edit (a new
      // generation) keeps its row pending and is written again.
      const items = sidecarItemsOf(db, batch.map((write) => write.mediaId));
      const finished: PendingSidecarWrite[] = [];
      // Two writes per process in flight: each process stays busy, nothing piles up in memory.
      let next = 0;
      await Promise.all(
        Array.from({ length: this.processes * 2 }, async () => {
          while (next < batch.length && !this.closed) {
            const write = batch[next++] as PendingSidecarWrite;
            if (await this.writeOne(write, items.get(write.mediaId))) finished.push(write);
          }
        }),
      );
      // One transaction (one WAL sync, synchronous = FULL) for the batch, not one per sidecar:
      // the commits were what held the UI's thread. A kill before it only writes these again.
      db.transaction(() => {
        for (const write of finished) finishSidecarWrite(db, write);
      })();
      this.written += finished.length;
      // Let the event loop breathe between batches (the UI is served from this thread).
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** True when the sidecar was written (its row is cleared with the batch's). */
  private async writeOne(write: PendingSidecarWrite, item: SidecarItem | undefined): Promise<boolean> {
    const { db } = this.options;
    const location = getMediaLocation(db, write.mediaId);
    if (!location || !item) return false; // forgotten meanwhile: its row went with it (cascade)
    const { target, existed } = await sidecarTarget(location.absPath);
    const key = target.toString('latin1').toLowerCase();
    if (this.inFlight.has(key)) return false; // the next round takes it
    this.inFlight.add(key);
    try {
      await this.writeSidecar(target, existed, item);
      return true;
    } catch (error) {
      const message = `The sidecar ${path.basename(target.toString('utf8'))} could not be written: ${errorMessage(error)}`;
      failSidecarWrite(db, write, message);
      this.lastError = { mediaId: write.mediaId, message };
      return false;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async writeSidecar(target: Buffer, existed: boolean, item: SidecarItem): Promise<void> {
    const temp = temporarySidecar(target);
    const tempPath = temp.toString('utf8');
    // The copy replaces a leftover of a write that was killed; without a sidecar to copy, the
    // leftover must go, or ExifTool would change it instead of making a new one.
    if (existed) await fs.promises.copyFile(target, temp);
    else await fs.promises.rm(temp, { force: true });
    // ExifTool writes through its own `<file>_exiftool_tmp` and refuses to start when one is
    // left (a kill in the middle of its write): that leftover is ours to remove too.
    await fs.promises.rm(exiftoolLeftover(temp), { force: true });
    const tags: Record<string, unknown> = sidecarTags(item);
    if (item.customCoordinates !== null) {
      const existing = existed ? await this.existingRegions(tempPath) : [];
      tags['XMP-mwg-rs:RegionInfo'] = { AppliedToDimensions: { W: item.width, H: item.height, Unit: 'pixel' }, RegionList: mergedRegions(existing, item) };
    } else if (existed && (await fs.promises.readFile(temp)).includes(FOCUS_REGION_NAME)) {
      // The focus area was cleared: Folio's region goes, the regions other tools wrote stay.
      // (The text test spares an ExifTool read for the many sidecars that never held one.)
      const info = await this.existingRegionInfo(tempPath);
      const others = mergedRegions(info.RegionList ?? [], item);
      tags['XMP-mwg-rs:RegionInfo'] = others.length === 0 ? null : { AppliedToDimensions: info.AppliedToDimensions ?? { W: item.width, H: item.height, Unit: 'pixel' }, RegionList: others };
    }
    // Nothing to say and no sidecar yet: none is made (ExifTool would not create an empty one).
    if (!existed && Object.values(tags).every((value) => value === null)) return;
    try {
      await this.tool().write(tempPath, tags as never, { writeArgs: ['-overwrite_original'] });
      const handle = await fs.promises.open(temp, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(temp, target);
    } catch (error) {
      await fs.promises.rm(temp, { force: true }).catch(() => undefined);
      await fs.promises.rm(exiftoolLeftover(temp), { force: true }).catch(() => undefined);
      throw error;
    }
  }

  private async existingRegions(file: string): Promise<MwgRegion[]> {
    return (await this.existingRegionInfo(file)).RegionList ?? [];
  }

  private async existingRegionInfo(file: string): Promise<{ RegionList?: MwgRegion[]; AppliedToDimensions?: unknown }> {
    const tags = (await this.tool().read(file, { readArgs: ['-struct'] })) as { RegionInfo?: { RegionList?: MwgRegion[]; AppliedToDimensions?: unknown } };
    return tags.RegionInfo ?? {};
  }
}
