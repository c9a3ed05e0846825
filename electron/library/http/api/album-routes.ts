/**
 * Albums over REST: albums and folders at `/api/albums`, smart albums (a saved search) at
 * `/api/smart-albums`, an album's items at `/api/albums/{id}/items`. Each is one contract call.
 * The examples run in document order against the four-photo library: they make album 1 and
 * folder 2, fill album 1 with items 1–3, then make a smart album (id 2 again: SQLite reuses the highest
 * rowid once folder 2 is gone) and delete it.
 */
import { z } from 'zod';
import { AlbumQuery } from '../../../../shared/albums.js';
import { FolioError } from '../../../../shared/errors.js';
import { Id, MAX_IDS } from '../../../../shared/schemas.js';
import type { HttpRequest } from '../request-context.js';
import { callApi, type ApiContext } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import { UNKNOWN_ID } from './openapi/doc-values.js';
import { readObjectBody } from './request-body.js';
import { parseBody } from './rest-schemas.js';
import { toRestItem } from './rest-item.js';

const Name = z.string().max(1_000).describe('Unique among albums and smart albums (case and accents folded); a folder’s among its siblings');
const ParentId = Id.nullable().describe('The folder it goes in; null: the top');

export const AlbumBody = z
  .strictObject({ name: Name, kind: z.enum(['album', 'folder']).optional().describe('Default album'), parentId: ParentId.optional() })
  .describe('A new album or folder of albums');
export const SmartAlbumBody = z
  .strictObject({ name: Name, query: AlbumQuery.describe('A search in the search language, as in the toolbar'), parentId: ParentId.optional() })
  .describe('A new smart album: a saved search');
export const AlbumPatchBody = z
  .strictObject({ name: Name.optional(), parentId: ParentId.optional(), query: AlbumQuery.optional().describe('Smart albums only') })
  .describe('Rename, move into a folder (or to the top), change a smart album’s search');
export const AlbumItemsBody = z
  .strictObject({
    add: z.array(Id).max(MAX_IDS).optional().describe('Appended in this order (items already there stay), or placed before moveBefore'),
    remove: z.array(Id).max(MAX_IDS).optional(),
    moveBefore: Id.nullable().optional().describe('An item of the album to put `add` before (in the order given); null: at the end'),
  })
  .describe('Add, reorder and remove items of an album, in one transaction');

function itemsQuery(request: HttpRequest): { cursor?: string; limit?: number } {
  const out: { cursor?: string; limit?: number | string } = {};
  for (const name of new Set(request.query.keys())) {
    const value = request.query.get(name) ?? '';
    if (name === 'cursor') out.cursor = value;
    else if (name === 'limit') out.limit = /^\d{1,9}$/.test(value) ? Number(value) : value;
    else throw new FolioError('INVALID_ARGUMENT', `Unknown query parameter "${name}"; known: cursor, limit`, { field: name });
  }
  return out as { cursor?: string; limit?: number };
}

async function listOf(api: ApiContext, smart: boolean) {
  const albums = await callApi(api, 'albums.list', {});
  return { albums: albums.filter((album) => (album.kind === 'smart') === smart) };
}

const patchRoute = (path: string, operationId: string, examples: ApiRoute['doc']['examples']): ApiRoute => ({
  method: 'PATCH',
  path,
  doc: {
    operationId,
    tag: 'albums',
    summary: path.includes('smart') ? 'Rename, move or change a smart album' : 'Rename or move an album or a folder',
    description: 'Any of `name`, `parentId` (a folder, or null for the top) and, for a smart album, `query`. A name in use is 409; a parent that is not a folder, or a folder moved into itself or a folder inside it, is 400.',
    body: { name: 'AlbumPatchBody', schema: AlbumPatchBody },
    result: 'Album',
    examples,
  },
  handle: async (request, { id }, api) => callApi(api, 'albums.update', { id, ...parseBody(AlbumPatchBody, await readObjectBody(request)) }),
});

const deleteRoute = (path: string, operationId: string, examples: ApiRoute['doc']['examples']): ApiRoute => ({
  method: 'DELETE',
  path,
  doc: {
    operationId,
    tag: 'albums',
    summary: path.includes('smart') ? 'Delete a smart album' : 'Delete an album or a folder',
    description: 'The items stay in the library. A folder’s albums move up to the folder’s parent.',
    result: 'AlbumDeleted',
    examples,
  },
  handle: (_request, { id }, api) => callApi(api, 'albums.delete', { id }),
});

export const albumRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/albums',
    doc: {
      operationId: 'listAlbums',
      tag: 'albums',
      summary: 'Albums and folders of albums',
      description: 'Every album and folder (smart albums are at /api/smart-albums), with `count`: active items (a trashed item is left out until it is restored), for a folder what it holds; `coverId`: the first item.',
      result: 'AlbumList',
      examples: { all: { summary: 'Every album and folder', status: 200 } },
    },
    handle: (_request, _params, api) => listOf(api, false),
  },
  {
    method: 'POST',
    path: '/api/albums',
    doc: {
      operationId: 'createAlbum',
      tag: 'albums',
      summary: 'Make an album or a folder of albums',
      description: 'An album is a hand-ordered set of items; a folder (`kind: "folder"`) holds albums, smart albums and folders.',
      body: { name: 'AlbumBody', schema: AlbumBody },
      result: 'Album',
      examples: {
        album: { summary: 'An album', body: { name: 'Keepers' }, status: 200 },
        folder: { summary: 'A folder of albums', body: { name: 'Trips', kind: 'folder' }, status: 200 },
        taken: { summary: 'A name in use (case does not count)', body: { name: 'KEEPERS' }, status: 409 },
        intoAnAlbum: { summary: 'Only a folder can hold albums', body: { name: 'Inner', parentId: 1 }, status: 400 },
      },
    },
    handle: async (request, _params, api) => callApi(api, 'albums.create', parseBody(AlbumBody, await readObjectBody(request))),
  },
  patchRoute('/api/albums/{id}', 'updateAlbum', {
    rename: { summary: 'Rename album 1', id: 1, body: { name: 'Best of' }, status: 200 },
    intoFolder: { summary: 'Move album 1 into folder 2', id: 1, body: { parentId: 2 }, status: 200 },
    toTop: { summary: 'Back to the top', id: 1, body: { parentId: null }, status: 200 },
    folderIntoAlbum: { summary: 'A folder into an album', id: 2, body: { parentId: 1 }, status: 400 },
    unknownId: { summary: 'No such album', id: UNKNOWN_ID, body: { name: 'x' }, status: 404 },
  }),
  deleteRoute('/api/albums/{id}', 'deleteAlbum', {
    folder: { summary: 'Delete folder 2', id: 2, status: 200 },
    unknownId: { summary: 'No such album', id: UNKNOWN_ID, status: 404 },
  }),
  {
    method: 'PUT',
    path: '/api/albums/{id}/items',
    doc: {
      operationId: 'editAlbumItems',
      tag: 'albums',
      summary: 'Add, reorder and remove items of an album',
      description:
        '`add` is appended in the order given (items the album holds already stay where they are), or, with `moveBefore`, placed before that item in the order given (items already there move). All of it or none of it; adding 100,000 items takes well under 2 s. A smart album’s items come from its search: 400.',
      body: { name: 'AlbumItemsBody', schema: AlbumItemsBody },
      result: 'AlbumItemsEdit',
      examples: {
        add: { summary: 'Items 3, 1 and 2, in that order', id: 1, body: { add: [3, 1, 2] }, status: 200 },
        reorder: { summary: 'Item 2 before item 3', id: 1, body: { add: [2], moveBefore: 3 }, status: 200 },
        removeOne: { summary: 'Add item 4, remove item 1', id: 1, body: { add: [4], remove: [1] }, status: 200 },
        unknownItem: { summary: 'An item that does not exist', id: 1, body: { add: [UNKNOWN_ID] }, status: 404 },
        nothing: { summary: 'Neither add nor remove', id: 1, body: {}, status: 400 },
      },
    },
    handle: async (request, { id }, api) => callApi(api, 'albums.editItems', { id, ...parseBody(AlbumItemsBody, await readObjectBody(request)) }),
  },
  {
    method: 'GET',
    path: '/api/albums/{id}/items',
    doc: {
      operationId: 'listAlbumItems',
      tag: 'albums',
      summary: "An album's items, in its order",
      description: 'Active items in the album’s order (a smart album’s in its search’s order), with `total`; pass `nextCursor` back as `cursor` for the next page.',
      query: [
        { name: 'cursor', description: 'From the previous page', schema: { type: 'string' } },
        { name: 'limit', description: 'Items per page, 1–500 (default 100)', schema: { type: 'integer', minimum: 1, maximum: 500 } },
      ],
      result: 'MediaList',
      examples: {
        firstPage: { summary: 'The first two items of album 1', id: 1, query: { limit: '2' }, status: 200 },
        badCursor: { summary: 'A cursor this library did not make', id: 1, query: { cursor: 'xyz' }, status: 400 },
        unknownId: { summary: 'No such album', id: UNKNOWN_ID, status: 404 },
      },
    },
    handle: async (request, { id }, api) => {
      const page = await callApi(api, 'albums.items', { id, ...itemsQuery(request) });
      return { ...page, items: page.items.map(toRestItem) };
    },
  },
  {
    method: 'GET',
    path: '/api/smart-albums',
    doc: {
      operationId: 'listSmartAlbums',
      tag: 'albums',
      summary: 'Smart albums',
      description: 'Every smart album with its `query` and its live `count` (what the search finds now).',
      result: 'AlbumList',
      examples: { all: { summary: 'Every smart album', status: 200 } },
    },
    handle: (_request, _params, api) => listOf(api, true),
  },
  {
    method: 'POST',
    path: '/api/smart-albums',
    doc: {
      operationId: 'createSmartAlbum',
      tag: 'albums',
      summary: 'Save a search as a smart album',
      description: 'The `query` is the search language of the toolbar and of `GET /api/media?q=`; a query it refuses is 400.',
      body: { name: 'SmartAlbumBody', schema: SmartAlbumBody },
      result: 'Album',
      examples: {
        smart: { summary: 'Photos tagged holiday', body: { name: 'Holidays', query: 'tag:holiday' }, status: 200 },
        noQuery: { summary: 'Without a search', body: { name: 'Empty' }, status: 400 },
        taken: { summary: 'A name an album has', body: { name: 'best of', query: 'x' }, status: 409 },
      },
    },
    handle: async (request, _params, api) =>
      callApi(api, 'albums.create', { ...parseBody(SmartAlbumBody, await readObjectBody(request)), kind: 'smart' }),
  },
  patchRoute('/api/smart-albums/{id}', 'updateSmartAlbum', {
    query: { summary: 'Change the search of smart album 2', id: 2, body: { query: 'tag:holiday -tag:work' }, status: 200 },
    unknownId: { summary: 'No such album', id: UNKNOWN_ID, body: { name: 'x' }, status: 404 },
  }),
  deleteRoute('/api/smart-albums/{id}', 'deleteSmartAlbum', {
    smart: { summary: 'Delete smart album 2', id: 2, status: 200 },
    unknownId: { summary: 'No such album', id: UNKNOWN_ID, status: 404 },
  }),
];
