import { FolioError } from '../../../shared/errors.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type TagTreeMethod = 'tags.tree' | 'tags.update' | 'tags.merge' | 'tags.setAliases' | 'tags.setImplies' | 'tags.delete' | 'tags.undo';

const soon = (): never => {
  throw new FolioError('UNSUPPORTED', 'The tag tree is being built');
};

export function tagTreeHandlers(_lib: LibraryContext): HandlerGroup<TagTreeMethod> {
  return {
    'tags.tree': soon,
    'tags.update': soon,
    'tags.merge': soon,
    'tags.setAliases': soon,
    'tags.setImplies': soon,
    'tags.delete': soon,
    'tags.undo': soon,
  };
}
