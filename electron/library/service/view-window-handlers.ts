import { walkOnColumns } from './column-window.js';
import { viewBuckets } from './thread-buckets.js';
import { countViewOffThread } from './view-count.js';
import { viewPositionsOf, walkHere } from './view-positions.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type ViewWindowHandlersMethod = 'media.listIdsWindow';

export function viewWindowHandlers(lib: LibraryContext): HandlerGroup<ViewWindowHandlersMethod> {
  const positions = viewPositionsOf(lib.db);
  return {
    'media.listIdsWindow': async ({ filter, sort, offset, limit }) => {
      // A view's total may come from the count thread's columns; the rest of its count is here.
      const uncounted = positions.uncountedView(filter, sort);
      if (uncounted !== null) {
        const version = positions.version();
        positions.adoptTotal(filter, sort, version, await countViewOffThread(lib, uncounted));
      }
      // A far jump into a view not counted yet seeks from the scrubber's counts: counted off
      // this thread (or the count already out shared), not walked here.
      if (positions.windowNeedsBuckets(filter, sort, offset, limit)) await viewBuckets(lib, positions, filter, sort);
      const planned = positions.plannedWindow(filter, sort, offset, limit);
      const { walk } = planned;
      if (walk === null) return positions.windowOf(filter, sort, planned, []);
      // A large view of tags is walked on the columns when they can (column-window.ts).
      const fromColumns = await walkOnColumns(lib, walk, planned.total);
      const rows = fromColumns ?? walkHere(lib.db, walk);
      return positions.windowOf(filter, sort, planned, rows);
    },
  };
}
