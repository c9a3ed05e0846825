/**
 * ImageKit's file routes (`@imagekit/nodejs`'s `files.get`, `files.update`, `files.delete`,
 * `files.bulk.*` and `assets.list`) as a dialect of Folio's REST API: declared like every other
 * route, each mapping its request onto contract methods and the answer back into ImageKit's
 * shape. Errors leave as `{ message, help }` (imagekit-errors.ts).
 */
import { MAX_PAGE } from '../../../../shared/limits.js';
import { callApi, type ApiContext } from '../api/api-call.js';
import type { ApiRoute, RouteDoc } from '../api/api-route.js';
import { readObjectBody } from '../api/request-body.js';
import { parseBody } from '../api/rest-schemas.js';
import { UNKNOWN_ID } from '../api/openapi/doc-values.js';
import { ImageKitBulkAiTagsBody, ImageKitBulkDeleteBody, ImageKitBulkTagsBody, ImageKitDetailsBody } from './imagekit-bodies.js';
import { BULK_RENAMES, activeItem, bulkWrite, folioIds, itemsInOrder } from './imagekit-calls.js';
import { toImageKitFile } from './imagekit-file.js';
import { IMAGEKIT_LIST_PARAMS, imagekitListRequest } from './imagekit-list-query.js';
import { IMAGEKIT_DIALECT } from './imagekit-openapi.js';
import { updateDetails } from './imagekit-update.js';

const text = { type: 'string' };

function doc(fields: Omit<RouteDoc, 'tag' | 'dialect'>): RouteDoc {
  return { ...fields, tag: 'imagekit', dialect: IMAGEKIT_DIALECT };
}

async function bulkTags(api: ApiContext, fileIds: string[], edit: { add?: string[]; remove?: string[] }): Promise<{ successfullyUpdatedFileIds: string[] }> {
  const ids = folioIds(fileIds);
  await bulkWrite(api, ids, () => callApi(api, 'media.editTags', { ids, ...edit }, BULK_RENAMES));
  return { successfullyUpdatedFileIds: fileIds };
}

export const imagekitRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/files/{id}/details',
    doc: doc({
      operationId: 'imagekitGetFile',
      summary: 'ImageKit: file details (files.get)',
      description: "One item in ImageKit's File shape: `fileId` is Folio's id as a string, AITags confidences are 0–100.",
      result: 'ImageKitFile',
      examples: {
        imagekitFile: { summary: 'A file', id: 1, status: 200 },
        imagekitUnknown: { summary: 'No such file', id: UNKNOWN_ID, status: 404 },
      },
    }),
    handle: async (_request, { id }, api) => toImageKitFile(await activeItem(api, id)),
  },
  {
    method: 'PATCH',
    path: '/v1/files/{id}/details',
    doc: doc({
      operationId: 'imagekitUpdateFile',
      summary: 'ImageKit: update file details (files.update)',
      description:
        'Any of `tags` (replaces; null clears), `customCoordinates`, `customMetadata` (merged; a null value removes the key), `description`, `removeAITags` (a list or "all", before the extensions) and `extensions` (`google-auto-tagging`/`aws-auto-tagging` run the local recogniser; `minConfidence` 0–100). `webhookUrl` is accepted and ignored. The answer carries `extensionStatus` after an extension run.',
      body: { name: 'ImageKitDetailsBody', schema: ImageKitDetailsBody },
      result: 'ImageKitFile',
      examples: {
        imagekitTag: { summary: 'Tag, describe and set a focus area', id: 2, body: { tags: ['harbour'], description: 'Quay', customCoordinates: '0,0,20,20' }, status: 200 },
        imagekitAutoTag: {
          summary: 'Auto-tag with the local recogniser',
          id: 2,
          body: { extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 50 }], webhookUrl: 'https://example.com/hook' },
          status: 200,
        },
        imagekitRemoveAll: { summary: 'Remove every AI tag', id: 2, body: { removeAITags: 'all' }, status: 200 },
        imagekitCloudOnly: { summary: 'An extension that needs the cloud', id: 2, body: { extensions: [{ name: 'remove-bg' }] }, status: 400 },
        imagekitUnknown: { summary: 'No such file', id: UNKNOWN_ID, body: { tags: null }, status: 404 },
      },
    }),
    async handle(request, { id }, api) {
      return updateDetails(api, id, parseBody(ImageKitDetailsBody, await readObjectBody(request)));
    },
  },
  {
    method: 'DELETE',
    path: '/v1/files/{id}',
    doc: doc({
      operationId: 'imagekitDeleteFile',
      summary: 'ImageKit: delete a file (files.delete)',
      description: "Moves the item to Folio's trash (the file on disk is not touched); 204 with no body, as ImageKit answers.",
      result: 'ImageKitNoContent',
      noContent: true,
      examples: { imagekitUnknown: { summary: 'No such file', id: UNKNOWN_ID, status: 404 } },
    }),
    async handle(_request, { id }, api) {
      await activeItem(api, id);
      await callApi(api, 'media.softDelete', { ids: [id] }, [['ids[0]', 'fileId'], ['ids', 'fileId']]);
      return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
    },
  },
  {
    method: 'GET',
    path: '/v1/files',
    doc: doc({
      operationId: 'imagekitListFiles',
      summary: 'ImageKit: list and search files (assets.list)',
      description:
        '`limit` (1–1000, default 1000), `skip`, `sort` (ASC_/DESC_ NAME, CREATED, SIZE), `tags` (comma-separated, any of them), `fileType` (all, image, non-image), `type` (file, all; folder gives an empty list), `path` ("/" or a library folder), `searchQuery` (terms joined by AND: `tags IN [..]`, `tags NOT IN [..]`, `tags = ".."`, `name : ".."`, `fileType = ".."`, `type = "file"`). Anything else is a 400 naming it.',
      query: IMAGEKIT_LIST_PARAMS.map((name) => ({ name, description: `ImageKit's ${name}`, schema: name === 'limit' || name === 'skip' ? { type: 'integer', minimum: 0 } : text })),
      result: 'ImageKitFileList',
      examples: {
        imagekitPage: { summary: 'The second and third files by name', query: { sort: 'ASC_NAME', skip: '1', limit: '2' }, status: 200 },
        imagekitSearch: { summary: 'Images tagged harbour', query: { searchQuery: 'tags IN ["harbour"] AND fileType = "image"' }, status: 200 },
        imagekitBadSort: { summary: 'A sort Folio does not have', query: { sort: 'ASC_HEIGHT' }, status: 400 },
      },
    }),
    async handle(request, _params, api) {
      const list = await imagekitListRequest(request.query, () => callApi(api, 'folders.list', {}));
      if (list.empty) return [];
      const renames = [['filter', 'searchQuery']] as const;
      // The first page is one keyset page; a later one needs the ids in order up to it (ImageKit pages by offset).
      if (list.skip === 0 && list.limit <= MAX_PAGE) {
        const { items } = await callApi(api, 'media.list', { filter: list.filter, sort: list.sort, limit: list.limit }, renames);
        return items.map(toImageKitFile);
      }
      const { ids } = await callApi(api, 'media.listIds', { filter: list.filter, sort: list.sort }, renames);
      const page = ids.slice(list.skip, list.skip + list.limit);
      return (await itemsInOrder(api, page)).map(toImageKitFile);
    },
  },
  {
    method: 'POST',
    path: '/v1/files/addTags',
    doc: doc({
      operationId: 'imagekitAddTags',
      summary: 'ImageKit: add tags to many files (files.bulk.addTags)',
      description: 'One transaction: every file gets every tag, or (an unknown fileId) none does and the answer lists `missingFileIds`.',
      body: { name: 'ImageKitBulkTagsBody', schema: ImageKitBulkTagsBody },
      result: 'ImageKitBulkResult',
      examples: {
        imagekitAdd: { summary: 'Tag two files', body: { fileIds: ['1', '2'], tags: ['trip'] }, status: 200 },
        imagekitMissing: { summary: 'An unknown fileId', body: { fileIds: ['1', String(UNKNOWN_ID)], tags: ['trip'] }, status: 404 },
      },
    }),
    async handle(request, _params, api) {
      const body = parseBody(ImageKitBulkTagsBody, await readObjectBody(request));
      return bulkTags(api, body.fileIds, { add: body.tags });
    },
  },
  {
    method: 'POST',
    path: '/v1/files/removeTags',
    doc: doc({
      operationId: 'imagekitRemoveTags',
      summary: 'ImageKit: remove tags from many files (files.bulk.removeTags)',
      description: 'One transaction, all or nothing.',
      body: { name: 'ImageKitBulkTagsBody', schema: ImageKitBulkTagsBody },
      result: 'ImageKitBulkResult',
      examples: { imagekitRemove: { summary: 'Untag two files', body: { fileIds: ['1', '2'], tags: ['trip'] }, status: 200 } },
    }),
    async handle(request, _params, api) {
      const body = parseBody(ImageKitBulkTagsBody, await readObjectBody(request));
      return bulkTags(api, body.fileIds, { remove: body.tags });
    },
  },
  {
    method: 'POST',
    path: '/v1/files/removeAITags',
    doc: doc({
      operationId: 'imagekitRemoveAiTags',
      summary: 'ImageKit: remove AI tags from many files (files.bulk.removeAITags)',
      description: 'One transaction, all or nothing.',
      body: { name: 'ImageKitBulkAiTagsBody', schema: ImageKitBulkAiTagsBody },
      result: 'ImageKitBulkResult',
      examples: { imagekitRemoveAi: { summary: 'Remove an AI tag from two files', body: { fileIds: ['1', '2'], AITags: ['landscape'] }, status: 200 } },
    }),
    async handle(request, _params, api) {
      const body = parseBody(ImageKitBulkAiTagsBody, await readObjectBody(request));
      const ids = folioIds(body.fileIds);
      await bulkWrite(api, ids, () => callApi(api, 'media.removeAiTags', { ids, names: body.AITags }, BULK_RENAMES));
      return { successfullyUpdatedFileIds: body.fileIds };
    },
  },
  {
    method: 'POST',
    path: '/v1/files/batch/deleteByFileIds',
    doc: doc({
      operationId: 'imagekitDeleteFiles',
      summary: 'ImageKit: delete many files (files.bulk.delete)',
      description: "Moves the items to Folio's trash in one transaction; the files on disk are not touched.",
      body: { name: 'ImageKitBulkDeleteBody', schema: ImageKitBulkDeleteBody },
      result: 'ImageKitBulkDeleteResult',
      examples: {
        imagekitTrash: { summary: 'Trash a file', body: { fileIds: ['4'] }, status: 200 },
        imagekitMissing: { summary: 'An unknown fileId', body: { fileIds: [String(UNKNOWN_ID)] }, status: 404 },
      },
    }),
    async handle(request, _params, api) {
      const body = parseBody(ImageKitBulkDeleteBody, await readObjectBody(request));
      const ids = folioIds(body.fileIds);
      await bulkWrite(api, ids, () => callApi(api, 'media.softDelete', { ids }, BULK_RENAMES));
      return { successfullyDeletedFileIds: body.fileIds };
    },
  },
];
