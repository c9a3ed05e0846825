/**
 * What an album shows: a hand-made album's active items in its order, a smart album's in its
 * search's order (the list query with the filter `searchFilter` makes of its text, so a smart
 * album finds exactly what the search box finds), with counts and covers for the sidebar.
 */
import type { Album } from '../../../shared/albums.js';
import { parseWith } from '../../../shared/args.js';
import { FolioError } from '../../../shared/errors.js';
import { searchFilter } from '../../../shared/list-filter.js';
import { MediaFilter } from '../../../shared/schemas.js';
import { activeCounts, albumAllIds, albumPage, countActiveItems, countChildren, type AlbumPosition, type AlbumRow } from '../db/album-repo.js';
import type { Db } from '../db/connection.js';
import { listAllIds, listPage } from '../db/media-list-query.js';
import { encodeCursor } from './list-cursor.js';
import { driverFor, resolveList } from './list-request.js';
import { countView } from './view-count.js';

/** A smart album's search as a checked filter; a query the language refuses is INVALID_ARGUMENT on `query`. */
export function smartFilter(query: string): MediaFilter {
  try {
    return parseWith(MediaFilter, searchFilter(query));
  } catch (error) {
    if (error instanceof FolioError && error.code === 'INVALID_ARGUMENT') {
      throw new FolioError('INVALID_ARGUMENT', `The smart album's search is not valid: ${error.message}`, { field: 'query' });
    }
    throw error;
  }
}

/** One page of ids (and the cursor of the next) and the total, of any album kind but a folder. */
export interface AlbumIdPage {
  ids: number[];
  nextCursor: string | null;
  total: number;
}

function encodeAlbumCursor(albumId: number, at: AlbumPosition): string {
  return Buffer.from(JSON.stringify(['album', albumId, at.position, at.id]), 'utf8').toString('base64url');
}

function decodeAlbumCursor(cursor: string, albumId: number): AlbumPosition {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    payload = null;
  }
  if (!Array.isArray(payload) || payload.length !== 4 || payload[0] !== 'album') {
    throw new FolioError('INVALID_ARGUMENT', 'The cursor is not one this library made; start again without a cursor', { field: 'cursor' });
  }
  const [, id, position, mediaId] = payload as unknown[];
  if (id !== albumId) {
    throw new FolioError('INVALID_ARGUMENT', 'The cursor belongs to another album; start again without a cursor', { field: 'cursor' });
  }
  if (typeof position !== 'number' || !Number.isFinite(position) || typeof mediaId !== 'number' || !Number.isSafeInteger(mediaId)) {
    throw new FolioError('INVALID_ARGUMENT', 'The cursor is not one this library made; start again without a cursor', { field: 'cursor' });
  }
  return { position, id: mediaId };
}

export function albumIdPage(db: Db, album: AlbumRow, cursor: string | undefined, limit: number): AlbumIdPage {
  if (album.kind === 'folder') {
    throw new FolioError('INVALID_ARGUMENT', `"${album.name}" is a folder of albums; it has no items of its own`, { field: 'id' });
  }
  if (album.kind === 'smart') return smartPage(db, album.query ?? '', cursor, limit);
  const after = cursor === undefined ? null : decodeAlbumCursor(cursor, album.id);
  // One row more than asked tells whether another page exists.
  const rows = albumPage(db, album.id, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    ids: page.map(([id]) => id),
    nextCursor: rows.length > limit && last !== undefined ? encodeAlbumCursor(album.id, { position: last[1], id: last[0] }) : null,
    total: countActiveItems(db, album.id),
  };
}

function smartPage(db: Db, query: string, cursor: string | undefined, limit: number): AlbumIdPage {
  const resolved = resolveList(db, smartFilter(query), undefined, cursor);
  if (resolved === null) return { ids: [], nextCursor: null, total: 0 };
  const rows = listPage(db, resolved.spec, driverFor(db, resolved, limit), limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    ids: page.map(([id]) => id),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ ...resolved.sort, value: last[1], id: last[0] }) : null,
    total: countView(db, resolved),
  };
}

/** Every id an album shows, in its order (the gallery virtualises over them). */
export function albumAllItemIds(db: Db, album: AlbumRow): number[] {
  if (album.kind === 'folder') {
    throw new FolioError('INVALID_ARGUMENT', `"${album.name}" is a folder of albums; it has no items of its own`, { field: 'id' });
  }
  if (album.kind === 'album') return albumAllIds(db, album.id);
  const resolved = resolveList(db, smartFilter(album.query ?? ''), undefined, undefined);
  return resolved === null ? [] : listAllIds(db, resolved.spec, driverFor(db, resolved, null));
}

/** The sidebar's albums: live counts and covers (a folder counts what it holds). */
export function describeAlbums(db: Db, rows: readonly AlbumRow[]): Album[] {
  const counts = activeCounts(db);
  return rows.map((row) => describeAlbum(db, row, counts));
}

export function describeAlbum(db: Db, row: AlbumRow, counts?: Map<number, number>): Album {
  const base = { id: row.id, kind: row.kind, name: row.name, parentId: row.parentId };
  if (row.kind === 'folder') return { ...base, count: countChildren(db, row.id) };
  if (row.kind === 'smart') {
    const query = row.query ?? '';
    // A search saved under an older grammar that no longer parses shows as empty, not as a
    // sidebar that fails to load; opening the album names the error.
    let first: AlbumIdPage = { ids: [], nextCursor: null, total: 0 };
    try {
      first = smartPage(db, query, undefined, 1);
    } catch (error) {
      if (!(error instanceof FolioError)) throw error;
    }
    return { ...base, count: first.total, ...(first.ids[0] === undefined ? {} : { coverId: first.ids[0] }), query };
  }
  const count = counts === undefined ? countActiveItems(db, row.id) : (counts.get(row.id) ?? 0);
  const cover = count > 0 ? albumPage(db, row.id, null, 1)[0]?.[0] : undefined;
  return { ...base, count, ...(cover === undefined ? {} : { coverId: cover }) };
}
