/**
 * Library → Back Up Now and Check Library…, for every transport. A backup asked for through the
 * contract always goes to the library's own `backups/` folder: a page or a REST client never
 * names a path on this machine to write to (`folio backup <file>` can, in the CLI).
 */
import type { BackupInfo } from '../../../shared/library-check.js';
import { backUpLibrary } from '../db/backups/back-up-library.js';
import { checkLibrary } from './library-check.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type BackupHandlersMethod = 'library.backup' | 'library.check' | 'library.repair';

export function backupHandlers(lib: LibraryContext): HandlerGroup<BackupHandlersMethod> {
  return {
    'library.backup': (): BackupInfo => {
      const made = backUpLibrary(lib.db, lib.paths.database, 'manual');
      return { file: made.file, bytes: made.bytes, kind: made.kind, createdAt: new Date().toISOString(), durationMs: Math.round(made.ms) };
    },
    'library.check': (_args, ctx) => checkLibrary(lib, { repair: false, actor: ctx.actor }),
    'library.repair': (_args, ctx) => checkLibrary(lib, { repair: true, actor: ctx.actor }),
  };
}
