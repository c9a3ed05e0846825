import fs from 'node:fs';
import os from 'node:os';
import { openDatabase, type Db } from './db/connection.js';
import { LibraryEvents } from './events.js';
import { createImporter } from './import/create-importer.js';
import { libraryPaths, type LibraryPaths } from './paths.js';
import { createHandlers } from './service/handlers.js';
import { Service } from './service/service.js';
import type { Importer } from './import/importer.js';
import type { LibraryContext, LibraryOptions } from './service/types.js';

export interface Library {
  paths: LibraryPaths;
  db: Db;
  events: LibraryEvents;
  importer: Importer;
  service: Service;
  /** Cancels imports, stops workers and closes the database. Safe to call twice. */
  close(): Promise<void>;
}

export const DEFAULT_PIXEL_LIMIT = 268_402_689; // sharp's own default (0x3FFF × 0x3FFF)
export const DEFAULT_DECODE_TIMEOUT_SECONDS = 60;

/** Opens the library in `dir`, creating it if it does not exist. */
export function openLibrary(dir: string, options: LibraryOptions = {}): Library {
  const paths = libraryPaths(dir);
  fs.mkdirSync(paths.root, { recursive: true });
  fs.mkdirSync(paths.thumbnails, { recursive: true });
  const db = openDatabase(paths.database, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  const events = new LibraryEvents();
  const resolved: LibraryContext['options'] = {
    ...options,
    pixelLimit: options.pixelLimit ?? DEFAULT_PIXEL_LIMIT,
    decodeTimeoutSeconds: options.decodeTimeoutSeconds ?? DEFAULT_DECODE_TIMEOUT_SECONDS,
    workers: Math.max(1, options.workers ?? os.availableParallelism()),
  };
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
    async close() {
      if (closed) return;
      closed = true;
      await importer.close();
      db.close();
    },
  };
}
