import { FolioError } from '../../../shared/errors.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type ImportHandlersMethod = 'import.start' | 'import.rescan' | 'import.cancel' | 'import.status' | 'import.issues';

// PLACEHOLDER: to be implemented.
export function importHandlers(_lib: LibraryContext): HandlerGroup<ImportHandlersMethod> {
  const todo = (): never => {
    throw new FolioError('UNSUPPORTED', 'Not implemented yet');
  };
  return {
    'import.start': todo,
    'import.rescan': todo,
    'import.cancel': todo,
    'import.status': todo,
    'import.issues': todo,
  };
}
