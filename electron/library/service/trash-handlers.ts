import { FolioError } from '../../../shared/errors.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type TrashHandlersMethod = 'media.softDelete' | 'media.restore' | 'trash.empty';

// PLACEHOLDER: to be implemented.
export function trashHandlers(_lib: LibraryContext): HandlerGroup<TrashHandlersMethod> {
  const todo = (): never => {
    throw new FolioError('UNSUPPORTED', 'Not implemented yet');
  };
  return {
    'media.softDelete': todo,
    'media.restore': todo,
    'trash.empty': todo,
  };
}
