import fs from 'node:fs';
import { openDatabase, type Db } from './db/connection.js';
import { pruneMediaChanges } from './db/media-change-log.js';
import { checkpointAfterChanges, type Checkpoints } from './service/wal-checkpoints.js';
import { LibraryEvents } from './base/events.js';
import { createImporter } from './import/create-importer.js';
import { libraryPaths, type LibraryPaths } from './base/paths.js';
import { createHandlers } from './service/handlers.js';
import { Service } from './service/service.js';
import type { Importer } from './import/importer.js';
import type { LibraryContext } from './service/types.js';
import { resolveOptions, type LibraryOptions } from './base/options.js';
import { noticeCutWal, type CutWalRecord } from './db/cut-wal-notice.js';
import { AnalysisRunner } from './analysis/analysis-runner.js';
import { queuedAnalysis } from './service/queued-analysis.js';
import { SidecarQueue } from './metadata/sidecar-queue.js';
import { FileExporter } from './export/file-exporter.js';
import { closeCountThread } from './service/count-thread.js';
import { warmFirstView } from './service/warm-first-view.js';

export interface Library {
  paths: LibraryPaths;
  db: Db;
  events: LibraryEvents;
  importer: Importer;
  /** The background writer of XMP sidecars (setting `writeSidecars`). */
  sidecars: SidecarQueue;
  /** File exports (issue 15), one at a time. */
  exporter: FileExporter;
  service: Service;
  /** The background analysis queue: resumes on open, stops (the queue kept) on close. */
  analysis: AnalysisRunner;
  /**
   * Opened for reading only: this user may not write the library's folder or file. It can be
   * listed, read and served; every write is refused with PERMISSION_DENIED saying why.
   */
  readOnly: boolean;
  /** WAL checkpoints after announced changes, on their own thread (null when read-only). */
  checkpoints: Checkpoints | null;
  /** Set when the WAL was found cut as this open began (SQLite then dropped its tail): warn the user. */
  walCut: CutWalRecord | null;
  /** Cancels imports, stops workers and closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/** An existing library this user may read but not change (a folder or file without write permission). */
function isReadOnlyLibrary(paths: LibraryPaths): boolean {
  if (!fs.existsSync(paths.database)) return false;
  try {
    fs.accessSync(paths.root, fs.constants.W_OK);
    fs.accessSync(paths.database, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** Opens the library in `dir`, creating it if it does not exist. */
export function openLibrary(dir: string, options: LibraryOptions = {}): Library {
  const paths = libraryPaths(dir);
  const readOnly = isReadOnlyLibrary(paths);
  if (!readOnly) {
    fs.mkdirSync(paths.root, { recursive: true });
    fs.mkdirSync(paths.thumbnails, { recursive: true });
  }
  // Before SQLite opens it: its recovery would replay the WAL and leave no trace of a cut.
  // (A library this user may only read is left exactly as it is: nothing is recorded.)
  const walCut = readOnly ? null : noticeCutWal(paths.database);
  const db = openDatabase(paths.database, {
    readonly: readOnly,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    ...(options.backupsKept === undefined ? {} : { backupsKept: options.backupsKept }),
  });
  // The change log (migration 020) only needs its recent end; a long one is cut on each open.
  if (!readOnly) pruneMediaChanges(db);
  const events = new LibraryEvents();
  const resolved = resolveOptions(options);
  const importer = createImporter({ db, paths, events, options: resolved, readOnly });
  const analysis = new AnalysisRunner({
    db,
    events,
    importer,
    readOnly,
    runsQueue: options.backgroundAnalysis !== false,
    analyse: queuedAnalysis({ db, events, paths, options: resolved }),
  });
  const sidecars = new SidecarQueue({ db, events, readOnly });
  // Edits queue their sidecar writes by trigger; the change event is the cue to drain.
  const checkpoints = readOnly ? null : checkpointAfterChanges(db, paths.database, events);
  const stopPoking = events.on('library.changed', (change) => {
    if (change.aspects.includes('tags') || change.aspects.includes('fields')) sidecars.poke();
  });
  sidecars.start();
  const exporter = new FileExporter(db);
  const context: LibraryContext = { db, paths, events, options: resolved, importer, analysis, sidecars, exporter };
  const service = new Service(createHandlers(context), paths.root);
  analysis.open();
  let closed = false;
  // After the caller's own first steps (a server starts listening), before the page asks.
  const warming = setImmediate(() => {
    if (!closed) warmFirstView(db);
  });
  return {
    paths,
    db,
    events,
    importer,
    sidecars,
    exporter,
    service,
    analysis,
    readOnly,
    checkpoints,
    walCut,
    async close() {
      if (closed) return;
      closed = true;
      clearImmediate(warming);
      await analysis.close();
      stopPoking();
      await checkpoints?.stop();
      await importer.close();
      await sidecars.close();
      await exporter.close();
      await closeCountThread(db);
      db.close();
    },
  };
}
