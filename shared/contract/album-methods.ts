/** Albums: hand-made, smart and folder albums, and their items. */
import { z } from 'zod';
import { Id } from '../schemas.js';
import { ALBUM_KINDS, AlbumIds, AlbumName, AlbumQuery, MAX_ALBUM_PAGE, type Album } from '../albums.js';
import type { ListResult } from './media-read-methods.js';
import { method, returns, NoArgs, type MethodSpec } from './method.js';

export const albumMethods = {
  'albums.list': method('read', NoArgs, returns<Album[]>(), 'Albums, smart albums and folders, with live counts of active items'),
  'albums.create': method(
    'write',
    z.strictObject({ name: AlbumName, kind: z.enum(ALBUM_KINDS).optional(), parentId: Id.nullable().optional(), query: AlbumQuery.optional() }),
    returns<Album>(),
    'Make an album (kind album, the default), a smart album (with a query) or a folder of albums',
  ),
  'albums.update': method(
    'write',
    z
      .strictObject({ id: Id, name: AlbumName.optional(), parentId: Id.nullable().optional(), query: AlbumQuery.optional() })
      .refine(({ name, parentId, query }) => name !== undefined || parentId !== undefined || query !== undefined, {
        message: 'Give a name, a parentId (a folder, or null for the top) or a query',
        path: ['name'],
      }),
    returns<Album>(),
    'Rename an album, move it into a folder (or to the top), change a smart album\'s search',
  ),
  'albums.delete': method(
    'write',
    z.strictObject({ id: Id }),
    returns<{ id: number }>(),
    'Delete an album (its items stay in the library); a folder\'s albums move up to its parent',
  ),
  'albums.editItems': method(
    'write',
    z
      .strictObject({ id: Id, add: AlbumIds.optional(), remove: AlbumIds.optional(), moveBefore: Id.nullable().optional() })
      .refine(({ add, remove }) => (add?.length ?? 0) + (remove?.length ?? 0) > 0, {
        message: 'Give ids to add or to remove',
        path: ['add'],
      }),
    returns<{ added: number; removed: number; moved: number; count: number }>(),
    'Add (appended, or placed before moveBefore in the order given; null: at the end) and remove items, in one transaction',
  ),
  'albums.items': method(
    'read',
    z.strictObject({ id: Id, cursor: z.string().max(1_000).optional(), limit: z.number().int().min(1).max(MAX_ALBUM_PAGE).optional() }),
    returns<ListResult & { total: number }>(),
    "An album's active items in its order (a smart album's in its search's order), cursor-paged",
  ),
  'albums.itemIds': method(
    'read',
    z.strictObject({ id: Id }),
    returns<{ ids: number[] }>(),
    "Every active item id of an album in its order (a smart album's in its search's order), for the virtualised gallery",
  ),
} as const satisfies Record<string, MethodSpec>;
