import { FolioError } from '../../../shared/errors.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type AiHandlersMethod = 'media.autoTag' | 'media.removeAiTags' | 'media.promoteAiTags' | 'extensions.list';

// PLACEHOLDER: to be implemented.
export function aiHandlers(_lib: LibraryContext): HandlerGroup<AiHandlersMethod> {
  const todo = (): never => {
    throw new FolioError('UNSUPPORTED', 'Not implemented yet');
  };
  return {
    'media.autoTag': todo,
    'media.removeAiTags': todo,
    'media.promoteAiTags': todo,
    'extensions.list': todo,
  };
}
