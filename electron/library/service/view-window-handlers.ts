import { viewPositionsOf } from './view-positions.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type ViewWindowHandlersMethod = 'media.listIdsWindow';

export function viewWindowHandlers(lib: LibraryContext): HandlerGroup<ViewWindowHandlersMethod> {
  const positions = viewPositionsOf(lib.db);
  return {
    'media.listIdsWindow': ({ filter, sort, offset, limit }) => positions.window(filter, sort, offset, limit),
  };
}
