/**
 * Albums, smart albums and folders of albums: make, rename, move, delete, and an album's items
 * (add, remove, reorder). Every check runs inside the transaction before the first write, so a
 * refused call changes nothing.
 */
import type { AlbumKind } from '../../../shared/albums.js';
import { FolioError, notFound } from '../../../shared/errors.js';
import { nowIso } from '../base/clock.js';
import {
  deleteAlbum,
  findAlbumByName,
  findFolderByName,
  folderAncestry,
  getAlbum,
  insertAlbum,
  lastPosition,
  listAlbumRows,
  placeItems,
  positionBefore,
  positionOf,
  removeItems,
  renameAlbum,
  renumberAlbum,
  setAlbumParent,
  setAlbumQuery,
  countActiveItems,
  countAllItems,
  type AlbumRow,
} from '../db/album-repo.js';
import type { Db } from '../db/connection.js';
import { loadMediaItems } from '../items/media-item.js';
import { albumAllItemIds, albumIdPage, describeAlbum, describeAlbums, smartFilter } from './album-views.js';
import { withoutNewLoops } from './smart-album-loops.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { emitChange, inTransaction, requireItems, uniqueIds } from './write-helpers.js';

export type AlbumHandlersMethod = 'albums.list' | 'albums.create' | 'albums.update' | 'albums.delete' | 'albums.editItems' | 'albums.items' | 'albums.itemIds';

const KIND_WORD: Record<AlbumKind, string> = { album: 'album', smart: 'smart album', folder: 'folder' };

function requireAlbum(db: Db, id: number, field = 'id'): AlbumRow {
  const album = getAlbum(db, id);
  if (!album) throw notFound(`Album ${id}`, field);
  return album;
}

/** The parent must be a folder; a folder may not go into itself or a folder inside it. */
function requireParent(db: Db, parentId: number | null, moving?: AlbumRow): void {
  if (parentId === null) return;
  const parent = requireAlbum(db, parentId, 'parentId');
  if (parent.kind !== 'folder') {
    throw new FolioError('INVALID_ARGUMENT', `"${parent.name}" is ${parent.kind === 'smart' ? 'a smart album' : 'an album'}; only a folder can hold albums`, {
      field: 'parentId',
    });
  }
  if (moving?.kind === 'folder' && folderAncestry(db, parentId).includes(moving.id)) {
    throw new FolioError('INVALID_ARGUMENT', `The folder "${moving.name}" cannot go into itself or into a folder inside it`, { field: 'parentId' });
  }
}

/** Album names are unique in the library (so `album:"Name"` names one); folder names among siblings. */
function requireFreeName(db: Db, kind: AlbumKind, name: string, parentId: number | null, self?: number): void {
  const taken = kind === 'folder' ? findFolderByName(db, parentId, name) : findAlbumByName(db, name);
  if (taken !== undefined && taken.id !== self) {
    const where = kind === 'folder' ? (parentId === null ? ' at the top' : ' in that folder') : '';
    throw new FolioError('CONFLICT', `There is already ${KIND_WORD[taken.kind] === 'album' ? 'an' : 'a'} ${KIND_WORD[taken.kind]} named "${taken.name}"${where}`, {
      field: 'name',
    });
  }
}

/**
 * Where `count` items go before `beforeId` (null: at the end): the first position and the step,
 * spreading the album out again when the gap before it is too narrow to split.
 */
function slotBefore(db: Db, albumId: number, beforeId: number | null, count: number): { first: number; step: number } {
  if (beforeId === null) return { first: lastPosition(db, albumId) + 1, step: 1 };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const hi = positionOf(db, albumId, beforeId) as number;
    const lo = positionBefore(db, albumId, hi) ?? hi - 1;
    const step = (hi - lo) / (count + 1);
    const first = lo + step;
    // Every new position must be strictly between its neighbours as a double.
    if (first > lo && first + step * (count - 1) < hi && step > (Math.abs(hi) + 1) * 1e-12) return { first, step };
    renumberAlbum(db, albumId);
  }
  throw new FolioError('INTERNAL', 'The album could not make room for the items');
}

export function albumHandlers(lib: LibraryContext): HandlerGroup<AlbumHandlersMethod> {
  const { db, events } = lib;
  return {
    'albums.list': () => describeAlbums(db, listAlbumRows(db)),

    'albums.create': ({ name, kind: kindArg, parentId, query }, ctx) => {
      const kind: AlbumKind = kindArg ?? (query === undefined ? 'album' : 'smart');
      if (kind === 'smart' && query === undefined) {
        throw new FolioError('INVALID_ARGUMENT', 'A smart album needs a search (query)', { field: 'query' });
      }
      if (kind !== 'smart' && query !== undefined) {
        throw new FolioError('INVALID_ARGUMENT', `Only a smart album has a search; ${KIND_WORD[kind] === 'album' ? 'an' : 'a'} ${KIND_WORD[kind]} cannot`, { field: 'query' });
      }
      if (query !== undefined) smartFilter(query);
      const parent = parentId ?? null;
      const id = inTransaction(db, () => {
        requireParent(db, parent);
        requireFreeName(db, kind, name, parent);
        return withoutNewLoops(db, () => insertAlbum(db, { kind, name, parentId: parent, query: query ?? null }, nowIso()), (id) => id);
      });
      emitChange(events, ['albums'], ctx.actor, []);
      return describeAlbum(db, getAlbum(db, id) as AlbumRow);
    },

    'albums.update': ({ id, name, parentId, query }, ctx) => {
      inTransaction(db, () => {
        const album = requireAlbum(db, id);
        if (query !== undefined && album.kind !== 'smart') {
          throw new FolioError('INVALID_ARGUMENT', `"${album.name}" is not a smart album; only a smart album has a search`, { field: 'query' });
        }
        if (query !== undefined) smartFilter(query);
        const parent = parentId === undefined ? album.parentId : parentId;
        if (parentId !== undefined) requireParent(db, parent, album);
        requireFreeName(db, album.kind, name ?? album.name, parent, album.id);
        withoutNewLoops(db, () => {
          if (name !== undefined) renameAlbum(db, id, name);
          if (parentId !== undefined) setAlbumParent(db, id, parent);
          if (query !== undefined) setAlbumQuery(db, id, query);
        }, id);
      });
      // A rename changes the `albums` of every item in it: reload what shows them.
      emitChange(events, ['albums'], ctx.actor);
      return describeAlbum(db, getAlbum(db, id) as AlbumRow);
    },

    'albums.delete': ({ id }, ctx) => {
      inTransaction(db, () => {
        const album = requireAlbum(db, id);
        if (album.kind === 'folder') {
          // Its albums move up a level: their names must not clash with the folders there.
          for (const child of listAlbumRows(db).filter((row) => row.parentId === id && row.kind === 'folder')) {
            requireFreeName(db, 'folder', child.name, album.parentId, child.id);
          }
        }
        deleteAlbum(db, id, album.parentId);
      });
      emitChange(events, ['albums'], ctx.actor);
      return { id };
    },

    'albums.editItems': ({ id, add, remove, moveBefore }, ctx) => {
      const adding = uniqueIds(add ?? []);
      const removing = uniqueIds(remove ?? []);
      const result = inTransaction(db, () => {
        const album = requireAlbum(db, id);
        if (album.kind !== 'album') {
          throw new FolioError(
            'INVALID_ARGUMENT',
            album.kind === 'smart'
              ? `"${album.name}" is a smart album: its items come from its search and cannot be added or removed by hand`
              : `"${album.name}" is a folder of albums; add items to an album inside it`,
            { field: 'id' },
          );
        }
        const both = adding.find((mediaId) => removing.includes(mediaId));
        if (both !== undefined) {
          throw new FolioError('INVALID_ARGUMENT', `Item ${both} is both added and removed`, { field: 'remove' });
        }
        if (adding.length > 0) requireItems(db, adding, 'add');
        if (moveBefore !== undefined && moveBefore !== null) {
          if (adding.length === 0) throw new FolioError('INVALID_ARGUMENT', 'moveBefore places the items of add; give add', { field: 'moveBefore' });
          if (adding.includes(moveBefore) || removing.includes(moveBefore)) {
            throw new FolioError('INVALID_ARGUMENT', `Item ${moveBefore} cannot be placed before itself`, { field: 'moveBefore' });
          }
          if (positionOf(db, id, moveBefore) === undefined) {
            throw new FolioError('NOT_FOUND', `Item ${moveBefore} is not in the album "${album.name}"`, { field: 'moveBefore' });
          }
        }
        const removed = removing.length > 0 ? removeItems(db, id, removing) : 0;
        let added = 0;
        let moved = 0;
        if (adding.length > 0) {
          // The album's size before and after says how many were new, without probing each id.
          const sizeBefore = countAllItems(db, id);
          const place = moveBefore !== undefined;
          const slot = slotBefore(db, id, moveBefore ?? null, adding.length);
          const written = placeItems(db, id, adding, slot.first, slot.step, place, nowIso());
          added = countAllItems(db, id) - sizeBefore;
          moved = place ? written - added : 0;
        }
        return { added, removed, moved, count: countActiveItems(db, id) };
      });
      emitChange(events, ['albums'], ctx.actor, [...adding, ...removing]);
      return result;
    },

    'albums.items': ({ id, cursor, limit }, ctx) => {
      const album = requireAlbum(db, id);
      const page = albumIdPage(db, album, cursor, limit ?? 100);
      return { items: loadMediaItems(db, ctx.urls, page.ids), nextCursor: page.nextCursor, total: page.total };
    },

    'albums.itemIds': ({ id }) => ({ ids: albumAllItemIds(db, requireAlbum(db, id)) }),
  };
}
