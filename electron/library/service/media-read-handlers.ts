import { FolioError } from '../../../shared/errors.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type MediaReadHandlersMethod = 'media.get' | 'media.getMany' | 'media.list' | 'media.listIds' | 'media.tiles';

// PLACEHOLDER: to be implemented.
export function mediaReadHandlers(_lib: LibraryContext): HandlerGroup<MediaReadHandlersMethod> {
  const todo = (): never => {
    throw new FolioError('UNSUPPORTED', 'Not implemented yet');
  };
  return {
    'media.get': todo,
    'media.getMany': todo,
    'media.list': todo,
    'media.listIds': todo,
    'media.tiles': todo,
  };
}
