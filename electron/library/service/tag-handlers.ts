import { FolioError } from '../../../shared/errors.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type TagHandlersMethod = 'media.editTags' | 'media.tagSummary' | 'tags.list' | 'tags.rename';

// PLACEHOLDER: to be implemented.
export function tagHandlers(_lib: LibraryContext): HandlerGroup<TagHandlersMethod> {
  const todo = (): never => {
    throw new FolioError('UNSUPPORTED', 'Not implemented yet');
  };
  return {
    'media.editTags': todo,
    'media.tagSummary': todo,
    'tags.list': todo,
    'tags.rename': todo,
  };
}
