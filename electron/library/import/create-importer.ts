import { FolioError } from '../../../shared/errors.js';
import type { Db } from '../db/connection.js';
import type { LibraryEvents } from '../events.js';
import type { LibraryPaths } from '../paths.js';
import type { LibraryContext } from '../service/types.js';
import type { Importer } from './importer.js';

export interface ImporterDeps {
  db: Db;
  paths: LibraryPaths;
  events: LibraryEvents;
  options: LibraryContext['options'];
}

// PLACEHOLDER: to be implemented.
export function createImporter(_deps: ImporterDeps): Importer {
  const todo = (): never => {
    throw new FolioError('UNSUPPORTED', 'Not implemented yet');
  };
  return { start: todo, rescan: todo, cancel: () => false, status: () => null, whenIdle: async () => {}, close: async () => {} };
}
