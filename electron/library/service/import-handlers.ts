import { listImportIssues } from '../db/import-issue-repo.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type ImportHandlersMethod = 'import.start' | 'import.rescan' | 'import.cancel' | 'import.status' | 'import.issues';

const DEFAULT_ISSUE_LIMIT = 100;

/** Imports run in the background: these calls queue, cancel and report; they never wait for a job. */
export function importHandlers(lib: LibraryContext): HandlerGroup<ImportHandlersMethod> {
  return {
    'import.start': ({ path }) => lib.importer.start(path),
    'import.rescan': ({ folderIds }) => lib.importer.rescan(folderIds),
    'import.cancel': () => ({ cancelled: lib.importer.cancel() }),
    'import.status': () => lib.importer.status(),
    'import.issues': ({ folderId, limit }) => listImportIssues(lib.db, folderId, limit ?? DEFAULT_ISSUE_LIMIT),
  };
}
