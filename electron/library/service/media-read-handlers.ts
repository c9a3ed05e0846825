import type { ListResult } from '../../../shared/contract.js';
import { notFound } from '../../../shared/errors.js';
import { listAllIds, listPage } from '../db/media-list-query.js';
import { loadMediaItems } from '../items/media-item.js';
import { loadMediaTiles } from '../items/media-tile.js';
import { encodeCursor } from './list-cursor.js';
import { DEFAULT_PAGE, driverFor, resolveList } from './list-request.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { countViewOffThread, listFromColumns } from './view-count.js';

export type MediaReadHandlersMethod = 'media.get' | 'media.getMany' | 'media.list' | 'media.listIds' | 'media.tiles';

export function mediaReadHandlers(lib: LibraryContext): HandlerGroup<MediaReadHandlersMethod> {
  const { db } = lib;
  return {
    'media.get': ({ id }, ctx) => {
      const [item] = loadMediaItems(db, ctx.urls, [id]);
      if (!item) throw notFound(`Item ${id}`, 'id');
      return item;
    },

    'media.getMany': ({ ids }, ctx) => loadMediaItems(db, ctx.urls, ids),

    'media.list': async (args, ctx) => {
      const resolved = resolveList(db, args.filter, args.sort, args.cursor);
      if (resolved === null) return args.withTotal ? { items: [], nextCursor: null, total: 0 } : { items: [], nextCursor: null };
      const limit = args.limit ?? DEFAULT_PAGE;
      // One row more than asked tells whether another page exists, so the last page has no cursor.
      // A large view of tags and cube fields is read on the count thread, page and total at once.
      const columns = await listFromColumns(lib, resolved, limit + 1, args.withTotal === true);
      let rows = columns?.rows ?? null;
      let total: number | null = null;
      if (rows === null) {
        // Asked first: a total counted on the count thread is counted while this thread reads the page.
        const counted = columns?.total ?? null;
        const counting = !args.withTotal ? null : counted !== null ? Promise.resolve(counted) : countViewOffThread(lib, resolved);
        rows = listPage(db, resolved.spec, driverFor(db, resolved, limit), limit + 1);
        total = counting === null ? null : await counting;
      } else if (args.withTotal) total = columns?.total ?? null;
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const result: ListResult = {
        items: loadMediaItems(db, ctx.urls, page.map(([id]) => id)),
        nextCursor:
          rows.length > limit && last !== undefined
            ? encodeCursor({ ...resolved.sort, value: last[1], id: last[0] })
            : null,
      };
      if (total !== null) result.total = total;
      return result;
    },

    'media.listIds': (args) => {
      const resolved = resolveList(db, args.filter, args.sort, undefined);
      if (resolved === null) return { ids: [] };
      return { ids: listAllIds(db, resolved.spec, driverFor(db, resolved, null)) };
    },

    'media.tiles': ({ ids }) => loadMediaTiles(db, ids),
  };
}
