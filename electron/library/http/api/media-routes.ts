import { FolioError } from '../../../../shared/errors.js';
import { callApi, callParsedApi, parseApiArgs, type ApiContext } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import { LIST_FIELD_RENAMES, listArgsFromQuery } from './list-query.js';
import { readObjectBody } from './request-body.js';
import { BulkTagsBody, DetailsBody, TagsEditBody, parseBody, tagNameList } from './rest-schemas.js';
import { toRestItem, type RestMediaItem } from './rest-item.js';

async function restItem(api: ApiContext, id: number): Promise<RestMediaItem> {
  return toRestItem(await callApi(api, 'media.get', { id }));
}

// Single-item routes pass `ids: [id]`; an error about `ids[0]` is about the path's id.
const ONE_ID = [
  ['ids[0]', 'id'],
  ['ids', 'id'],
] as const;

const TAG_RENAMES = [
  ['add', 'addTags'],
  ['remove', 'removeTags'],
] as const;

function requireSomeTagEdit(body: { addTags?: unknown; removeTags?: unknown }): void {
  if (body.addTags === undefined && body.removeTags === undefined) {
    throw new FolioError('INVALID_ARGUMENT', 'Give addTags, removeTags or both', { field: 'addTags' });
  }
}

export const mediaRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/media',
    async handle(request, _params, api) {
      const result = await callApi(api, 'media.list', listArgsFromQuery(request.query), LIST_FIELD_RENAMES);
      return { ...result, items: result.items.map(toRestItem) };
    },
  },
  {
    method: 'GET',
    path: '/api/media/{id}',
    handle: (_request, { id }, api) => restItem(api, id),
  },
  {
    method: 'PATCH',
    path: '/api/media/{id}',
    async handle(request, { id }, api) {
      const patch = await readObjectBody(request);
      return toRestItem(await callApi(api, 'media.update', { id, patch }, [['patch', '']]));
    },
  },
  {
    method: 'PUT',
    path: '/api/media/{id}',
    async handle(request, { id }, api) {
      const fields = await readObjectBody(request);
      return toRestItem(await callApi(api, 'media.replace', { id, fields }, [['fields', '']]));
    },
  },
  {
    method: 'DELETE',
    path: '/api/media/{id}',
    async handle(_request, { id }, api) {
      const { deletedCount } = await callApi(api, 'media.softDelete', { ids: [id] }, ONE_ID);
      return { id, deletedCount };
    },
  },
  {
    method: 'POST',
    path: '/api/media/{id}/restore',
    async handle(_request, { id }, api) {
      const { restoredCount } = await callApi(api, 'media.restore', { ids: [id] }, ONE_ID);
      return { id, restoredCount };
    },
  },
  {
    method: 'PUT',
    path: '/api/media/{id}/tags',
    async handle(request, { id }, api) {
      const body = parseBody(TagsEditBody, await readObjectBody(request));
      requireSomeTagEdit(body);
      const args = { ids: [id], add: tagNameList(body.addTags), remove: tagNameList(body.removeTags) };
      await callApi(api, 'media.editTags', args, [...TAG_RENAMES, ...ONE_ID]);
      return restItem(api, id);
    },
  },
  {
    method: 'POST',
    path: '/api/media/tags',
    async handle(request, _params, api) {
      const body = parseBody(BulkTagsBody, await readObjectBody(request));
      requireSomeTagEdit(body);
      const args = { ids: body.ids, add: tagNameList(body.addTags), remove: tagNameList(body.removeTags) };
      const result = await callApi(api, 'media.editTags', args, TAG_RENAMES);
      return { ids: body.ids, ...result };
    },
  },
  {
    method: 'PATCH',
    path: '/api/media/{id}/details',
    async handle(request, { id }, api) {
      const body = parseBody(DetailsBody, await readObjectBody(request));
      if (body.extensions === undefined && body.removeAITags === undefined) {
        throw new FolioError('INVALID_ARGUMENT', 'Give extensions, removeAITags or both', { field: 'extensions' });
      }
      // Both halves are validated before either runs, so a bad extension request removes nothing.
      const removal =
        body.removeAITags === undefined
          ? undefined
          : parseApiArgs(
              'media.removeAiTags',
              body.removeAITags === 'all' ? { ids: [id] } : { ids: [id], names: body.removeAITags },
              [['names', 'removeAITags'], ...ONE_ID],
            );
      const tagging = body.extensions === undefined ? undefined : parseApiArgs('media.autoTag', { ids: [id], extensions: body.extensions }, ONE_ID);
      if (removal) await callParsedApi(api, 'media.removeAiTags', removal, ONE_ID);
      if (tagging) await callParsedApi(api, 'media.autoTag', tagging, ONE_ID);
      return restItem(api, id);
    },
  },
];
