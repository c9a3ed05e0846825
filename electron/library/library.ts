import fs from 'node:fs';
import { openDatabase, type Db } from './db/connection.js';
import { LibraryEvents } from './base/events.js';
import { createImporter } from './import/create-importer.js';
import { libraryPaths, type LibraryPaths } from './base/paths.js';
import { createHandlers } from './service/handlers.js';
import { Service } from './service/service.js';
import type { Importer } from './import/importer.js';
import type { LibraryContext } from './service/types.js';
import { resolveOptions, type LibraryOptions } from './base/options.js';
import { noticeCutWal, type CutWalRecord } from './db/cut-wal-notice.js';

export interface Library {
  paths: LibraryPaths;
  db: Db;
  events: LibraryEvents;
  importer: Importer;
  service: Service;
  /** Set when the WAL was found cut as this open began (SQLite then dropped its tail): warn the user. */
  walCut: CutWalRecord | null;
  /** Cancels imports, stops workers and closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/** Opens the library in `dir`, creating it if it does not exist. */
export function openLibrary(dir: string, options: LibraryOptions = {}): Library {
  const paths = libraryPaths(dir);
  fs.mkdirSync(paths.root, { recursive: true });
  fs.mkdirSync(paths.thumbnails, { recursive: true });
  // Before SQLite opens it: its recovery would replay the WAL and leave no trace of a cut.
  const walCut = noticeCutWal(paths.database);
  const db = openDatabase(paths.database, {
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    ...(options.backupsKept === undefined ? {} : { backupsKept: options.backupsKept }),
  });
  const events = new LibraryEvents();
  const resolved = resolveOptions(options);
  const importer = createImporter({ db, paths, events, options: resolved });
  const context: LibraryContext = { db, paths, events, options: resolved, importer };
  const service = new Service(createHandlers(context));
  let closed = false;
  return {
    paths,
    db,
    events,
    importer,
    service,
    walCut,
    async close() {
      if (closed) return;
      closed = true;
      await importer.close();
      db.close();
    },
  };
}
