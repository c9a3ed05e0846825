import { contract } from '../../../../shared/contract.js';
import { FolioError } from '../../../../shared/errors.js';
import { callApi, callParsedApi, parseApiArgs, type ApiContext } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import { LIST_FIELD_RENAMES, listArgsFromQuery } from './list-query.js';
import { readObjectBody } from './request-body.js';
import { MediaPatch, MediaReplacement } from '../../../../shared/schemas.js';
import { BulkTagsBody, DetailsBody, TagsEditBody, parseBody, tagNameList } from './rest-schemas.js';
import { UNKNOWN_ID, text, textList } from './openapi/doc-values.js';
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
    doc: {
      operationId: 'listMedia',
      tag: 'media',
      summary: 'List and search items',
      description:
        'Filters, sort and keyset paging. `q` takes the search language of the app (`tag:beach -tag:old type:image sunset`, ' +
        '`(rating:>=4 label:red) OR flag:pick`, `taken:2019..2020 -flag:reject`); a fault in it is a 400 with `field: "q"` and ' +
        '`details: { position, length }`.',
      query: [
        { name: 'q', description: 'Search text in the app\'s language (README: "The search language")', schema: text },
        { name: 'tag', description: 'Items must have all these tags', schema: textList },
        { name: 'notTag', description: 'Items must have none of these tags', schema: textList },
        { name: 'anyTag', description: 'Items must have at least one of these tags', schema: textList },
        { name: 'untagged', description: 'Only items without user tags', schema: { type: 'boolean' } },
        { name: 'type', description: 'image, video, audio, document, other', schema: textList },
        { name: 'status', description: '`active` (default) or `deleted` (the trash)', schema: { enum: ['active', 'deleted'] } },
        { name: 'availability', description: 'present, missing, offline', schema: textList },
        { name: 'fileState', description: 'ok, pending, damaged, unsupported, oversized, empty, unreadable', schema: textList },
        { name: 'folderId', description: 'Only items of this library folder', schema: { type: 'integer' } },
        { name: 'text', description: 'Words that must appear in the name or description', schema: text },
        { name: 'sort', description: 'name, takenAt, addedAt or size; a leading `-` sorts descending', schema: text },
        { name: 'order', description: 'asc or desc (overrides the `-` prefix)', schema: { enum: ['asc', 'desc'] } },
        { name: 'cursor', description: '`nextCursor` of the previous page', schema: text },
        { name: 'limit', description: 'Page size, 1–500', schema: { type: 'integer', minimum: 1, maximum: 500 } },
        { name: 'withTotal', description: 'Also count all matches', schema: { type: 'boolean' } },
      ],
      result: 'MediaList',
      examples: {
        newestFirst: { summary: 'The two most recent photos', query: { sort: '-takenAt', limit: '2', type: 'image' }, status: 200 },
        badSort: { summary: 'An unknown sort field', query: { sort: 'colour' }, status: 400 },
        searchLanguage: { summary: 'Rated 4 or more with a red label, or picked', query: { q: '(rating:>=4 label:red) OR flag:pick', limit: '5' }, status: 200 },
        badSearch: { summary: 'A search with an unclosed parenthesis: 400 with its place', query: { q: 'tag:a (b' }, status: 400 },
      },
  
    },
    async handle(request, _params, api) {
      const result = await callApi(api, 'media.list', listArgsFromQuery(request.query), LIST_FIELD_RENAMES);
      return { ...result, items: result.items.map(toRestItem) };
    },
  },
  {
    method: 'GET',
    path: '/api/media/{id}',
    doc: {
      operationId: 'getMedia',
      tag: 'media',
      summary: 'One item',
      description: 'Every detected, editable and derived field of the item.',
      result: 'MediaItem',
      examples: {
        found: { summary: 'An item', id: 1, status: 200 },
        unknownId: { summary: 'No such item', id: UNKNOWN_ID, status: 404 },
      },
  
    },
    handle: (_request, { id }, api) => restItem(api, id),
  },
  {
    method: 'PATCH',
    path: '/api/media/{id}',
    doc: {
      operationId: 'updateMedia',
      tag: 'media',
      summary: 'Change some editable fields',
      description:
        'Any of name, description, tags, metadata, customCoordinates, rating, label, flag. `tags` replaces the list (`[]` clears it); `metadata` replaces the object. A body with no field, or naming a read-only field, is a 400 naming it.',
      body: { name: 'MediaPatch', schema: MediaPatch },
      result: 'MediaItem',
      examples: {
        edit: {
          summary: 'Rename, describe, tag and set a focus area',
          id: 1,
          body: {
            name: 'Harbour at dusk',
            description: 'Boats coming in',
            tags: ['harbour', 'evening'],
            metadata: { photographer: 'Ann' },
            customCoordinates: '0,0,50,50',
          },
          status: 200,
        },
        clearTags: { summary: 'Remove every tag', id: 2, body: { tags: [] }, status: 200 },
        readOnlyField: { summary: 'Width cannot be changed', id: 1, body: { width: 10 }, status: 400 },
        noField: { summary: 'An empty patch', id: 1, body: {}, status: 400 },
        unknownId: { summary: 'No such item', id: UNKNOWN_ID, body: { name: 'x' }, status: 404 },
      },
  
    },
    async handle(request, { id }, api) {
      const patch = await readObjectBody(request);
      return toRestItem(await callApi(api, 'media.update', { id, patch }, [['patch', '']]));
    },
  },
  {
    method: 'PUT',
    path: '/api/media/{id}',
    doc: {
      operationId: 'replaceMedia',
      tag: 'media',
      summary: 'Replace all editable fields',
      description: '`name` is required; editable fields left out are cleared.',
      body: { name: 'MediaReplacement', schema: MediaReplacement },
      result: 'MediaItem',
      examples: {
        replace: { summary: 'A full update', id: 2, body: { name: 'Old town', description: '', tags: ['town'] }, status: 200 },
        missingName: { summary: 'Without a name', id: 2, body: { description: 'x' }, status: 400 },
      },
  
    },
    async handle(request, { id }, api) {
      const fields = await readObjectBody(request);
      return toRestItem(await callApi(api, 'media.replace', { id, fields }, [['fields', '']]));
    },
  },
  {
    method: 'DELETE',
    path: '/api/media/{id}',
    doc: {
      operationId: 'deleteMedia',
      tag: 'media',
      summary: 'Move an item to the trash',
      description: 'A soft delete: the item and its derived versions go to the trash; the file is not touched.',
      result: 'DeleteResult',
      examples: {
        trash: { summary: 'Trash an item', id: 3, status: 200 },
        unknownId: { summary: 'No such item', id: UNKNOWN_ID, status: 404 },
      },
  
    },
    async handle(_request, { id }, api) {
      const { deletedCount } = await callApi(api, 'media.softDelete', { ids: [id] }, ONE_ID);
      return { id, deletedCount };
    },
  },
  {
    method: 'POST',
    path: '/api/media/{id}/restore',
    doc: {
      operationId: 'restoreMedia',
      tag: 'media',
      summary: 'Bring an item back from the trash',
      description: 'Restores the item and its derived versions.',
      result: 'RestoreResult',
      examples: {
        restore: { summary: 'Restore a trashed item', id: 3, status: 200 },
        unknownId: { summary: 'No such item', id: UNKNOWN_ID, status: 404 },
      },
  
    },
    async handle(_request, { id }, api) {
      const { restoredCount } = await callApi(api, 'media.restore', { ids: [id] }, ONE_ID);
      return { id, restoredCount };
    },
  },
  {
    method: 'PUT',
    path: '/api/media/{id}/tags',
    doc: {
      operationId: 'editTags',
      tag: 'media',
      summary: 'Add and remove tags on one item',
      description: 'Both lists are applied atomically; tags not named stay as they are. A string is a comma-separated list.',
      body: { name: 'TagsEditBody', schema: TagsEditBody },
      result: 'MediaItem',
      examples: {
        addAndRemove: { summary: 'Add two tags and remove one', id: 1, body: { addTags: ['sea', 'boat'], removeTags: 'evening' }, status: 200 },
        nothingToDo: { summary: 'Neither addTags nor removeTags', id: 1, body: {}, status: 400 },
        badTag: { summary: 'A tag with a control character', id: 1, body: { addTags: ['bad\u0007tag'] }, status: 400 },
        unknownId: { summary: 'No such item', id: UNKNOWN_ID, body: { addTags: 'x' }, status: 404 },
      },
  
    },
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
    doc: {
      operationId: 'editTagsOfMany',
      tag: 'media',
      summary: 'Add and remove tags on many items',
      description: 'One transaction: every item gets every change, or (on any error) none does.',
      body: { name: 'BulkTagsBody', schema: BulkTagsBody },
      result: 'BulkTagsResult',
      examples: {
        addToTwo: { summary: 'Tag two items', body: { ids: [1, 2], addTags: 'holiday, 2023', removeTags: ['todo'] }, status: 200 },
        noIds: { summary: 'An empty id list', body: { ids: [], addTags: 'holiday' }, status: 400 },
        nothingToDo: { summary: 'Neither addTags nor removeTags', body: { ids: [1] }, status: 400 },
      },
  
    },
    async handle(request, _params, api) {
      const body = parseBody(BulkTagsBody, await readObjectBody(request));
      requireSomeTagEdit(body);
      const args = { ids: body.ids, add: tagNameList(body.addTags), remove: tagNameList(body.removeTags) };
      const { updated, changes, unmatched } = await callApi(api, 'media.editTags', args, TAG_RENAMES);
      // Counts, not the ids of every item: an edit of 100,000 items answers in a few bytes.
      const counted = (list: typeof changes.added) => list.map(({ tag, ids }) => ({ tag, count: ids.length }));
      return { updated, added: counted(changes.added), removed: counted(changes.removed), unmatched };
    },
  },
  {
    method: 'PATCH',
    path: '/api/media/curating',
    doc: {
      operationId: 'setCurating',
      tag: 'media',
      summary: 'Rate, label and flag many items',
      description:
        'Any of `rating` (0–5, 0 = unrated), `label` (none, red, yellow, green, blue, purple) and `flag` (none, pick, reject) on every item of `ids`, in one transaction: all of them or (on any error, such as an unknown id) none. Fields left out stay as they are. `updated` counts the items that changed.',
      body: { name: 'CuratingBody', schema: contract['media.setCurating'].args },
      result: 'CuratingResult',
      examples: {
        rateAndLabel: { summary: 'Four stars and a red label on two items', body: { ids: [1, 2], rating: 4, label: 'red' }, status: 200 },
        pick: { summary: 'Pick one item', body: { ids: [3], flag: 'pick' }, status: 200 },
        badRating: { summary: 'Six stars', body: { ids: [1], rating: 6 }, status: 400 },
        badLabel: { summary: 'A colour that is not a label', body: { ids: [1], label: 'pink' }, status: 400 },
        nothingToDo: { summary: 'No field to set', body: { ids: [1] }, status: 400 },
        unknownId: { summary: 'An unknown id among the ids', body: { ids: [1, UNKNOWN_ID], rating: 3 }, status: 404 },
      },
  
    },
    async handle(request, _params, api) {
      return callApi(api, 'media.setCurating', await readObjectBody(request));
    },
  },
  {
    method: 'PATCH',
    path: '/api/media/{id}/details',
    doc: {
      operationId: 'updateDetails',
      tag: 'media',
      summary: 'Auto-tag with offline extensions, or remove AI tags',
      description:
        '`extensions: [{ name, maxTags, minConfidence }]` runs offline tagging (`local-analysis`, `objects`, `places`; ImageKit\'s `google-auto-tagging` and `aws-auto-tagging` are answered by `objects`; a `minConfidence` above 1 is a percentage, as ImageKit sends it); `removeAITags` (a list, or "all") removes AI tags first. The answer is the item, with `AITags` (boxes for `objects`) and an `extensionStatus` per extension.',
      body: { name: 'DetailsBody', schema: DetailsBody },
      result: 'MediaItem',
      examples: {
        autoTag: {
          summary: 'Tag with the built-in offline analysis',
          id: 1,
          body: { extensions: [{ name: 'local-analysis', maxTags: 5, minConfidence: 0.5 }] },
          status: 200,
        },
        removeAll: { summary: 'Remove every AI tag', id: 1, body: { removeAITags: 'all' }, status: 200 },
        imageKit: {
          summary: 'An ImageKit client: cloud tagger name, percentage confidence, remove all first',
          id: 1,
          body: { extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 95 }], removeAITags: 'all' },
          status: 200,
        },
        nothingToDo: { summary: 'An empty body', id: 1, body: {}, status: 400 },
        badConfidence: {
          summary: 'minConfidence above 100 (%)',
          id: 1,
          body: { extensions: [{ name: 'local-analysis', minConfidence: 150 }] },
          status: 400,
        },
      },
  
    },
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
