import { FolioError } from '../../../shared/errors.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type MediaEditHandlersMethod = 'media.update' | 'media.replace' | 'media.mergeMetadata' | 'media.rename' | 'media.setParent';

// PLACEHOLDER: to be implemented.
export function mediaEditHandlers(_lib: LibraryContext): HandlerGroup<MediaEditHandlersMethod> {
  const todo = (): never => {
    throw new FolioError('UNSUPPORTED', 'Not implemented yet');
  };
  return {
    'media.update': todo,
    'media.replace': todo,
    'media.mergeMetadata': todo,
    'media.rename': todo,
    'media.setParent': todo,
  };
}
