import { FolioError } from '../../../shared/errors.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type LibraryHandlersMethod = 'library.info' | 'folders.list' | 'folders.remove';

// PLACEHOLDER: to be implemented.
export function libraryHandlers(_lib: LibraryContext): HandlerGroup<LibraryHandlersMethod> {
  const todo = (): never => {
    throw new FolioError('UNSUPPORTED', 'Not implemented yet');
  };
  return {
    'library.info': todo,
    'folders.list': todo,
    'folders.remove': todo,
  };
}
