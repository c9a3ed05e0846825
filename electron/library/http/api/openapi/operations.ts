import type { ApiMethod } from '../api-route.js';

/**
 * A runnable example: the request (path id, query, body) and the status it gets. The document
 * puts each part under the same example name in the parameters, the request body and the
 * response, and the tests send every one of them to a real server.
 */
export interface ExampleCase {
  summary: string;
  id?: number;
  query?: Record<string, string>;
  body?: unknown;
  status: number;
}

export interface QueryParamDoc {
  name: string;
  description: string;
  schema: Record<string, unknown>;
}

export interface OperationDoc {
  method: ApiMethod;
  path: string;
  operationId: string;
  tag: 'media' | 'tags' | 'meta';
  summary: string;
  description: string;
  query?: QueryParamDoc[];
  /** Component name of the request body schema. */
  body?: string;
  /** Component name of the 200 answer. */
  result: string;
  examples: Record<string, ExampleCase>;
}

const UNKNOWN_ID = 999_999;
const text = { type: 'string' };
const textList = { type: 'string', description: 'Repeat the parameter or separate values with commas' };

export const OPERATIONS: OperationDoc[] = [
  {
    method: 'GET',
    path: '/api/media',
    operationId: 'listMedia',
    tag: 'media',
    summary: 'List and search items',
    description: 'Filters, sort and keyset paging. `q` takes the search language of the app (`tag:beach -tag:old type:image sunset`).',
    query: [
      { name: 'q', description: 'Search text in the app\'s language', schema: text },
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
    },
  },
  {
    method: 'POST',
    path: '/api/media/tags',
    operationId: 'editTagsOfMany',
    tag: 'media',
    summary: 'Add and remove tags on many items',
    description: 'One transaction: every item gets every change, or (on any error) none does.',
    body: 'BulkTagsBody',
    result: 'BulkTagsResult',
    examples: {
      addToTwo: { summary: 'Tag two items', body: { ids: [1, 2], addTags: 'holiday, 2023', removeTags: ['todo'] }, status: 200 },
      noIds: { summary: 'An empty id list', body: { ids: [], addTags: 'holiday' }, status: 400 },
      nothingToDo: { summary: 'Neither addTags nor removeTags', body: { ids: [1] }, status: 400 },
    },
  },
  {
    method: 'GET',
    path: '/api/media/{id}',
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
  {
    method: 'PATCH',
    path: '/api/media/{id}',
    operationId: 'updateMedia',
    tag: 'media',
    summary: 'Change some editable fields',
    description:
      'Any of name, description, tags, metadata, customCoordinates. `tags` replaces the list (`[]` clears it); `metadata` replaces the object. A body with no field, or naming a read-only field, is a 400 naming it.',
    body: 'MediaPatch',
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
  {
    method: 'PUT',
    path: '/api/media/{id}',
    operationId: 'replaceMedia',
    tag: 'media',
    summary: 'Replace all editable fields',
    description: '`name` is required; editable fields left out are cleared.',
    body: 'MediaReplacement',
    result: 'MediaItem',
    examples: {
      replace: { summary: 'A full update', id: 2, body: { name: 'Old town', description: '', tags: ['town'] }, status: 200 },
      missingName: { summary: 'Without a name', id: 2, body: { description: 'x' }, status: 400 },
    },
  },
  {
    method: 'DELETE',
    path: '/api/media/{id}',
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
  {
    method: 'POST',
    path: '/api/media/{id}/restore',
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
  {
    method: 'PUT',
    path: '/api/media/{id}/tags',
    operationId: 'editTags',
    tag: 'media',
    summary: 'Add and remove tags on one item',
    description: 'Both lists are applied atomically; tags not named stay as they are. A string is a comma-separated list.',
    body: 'TagsEditBody',
    result: 'MediaItem',
    examples: {
      addAndRemove: { summary: 'Add two tags and remove one', id: 1, body: { addTags: ['sea', 'boat'], removeTags: 'evening' }, status: 200 },
      nothingToDo: { summary: 'Neither addTags nor removeTags', id: 1, body: {}, status: 400 },
      badTag: { summary: 'A tag with a control character', id: 1, body: { addTags: ['bad\u0007tag'] }, status: 400 },
      unknownId: { summary: 'No such item', id: UNKNOWN_ID, body: { addTags: 'x' }, status: 404 },
    },
  },
  {
    method: 'PATCH',
    path: '/api/media/{id}/details',
    operationId: 'updateDetails',
    tag: 'media',
    summary: 'Auto-tag with offline extensions, or remove AI tags',
    description:
      '`extensions: [{ name, maxTags, minConfidence }]` runs offline tagging (`local-analysis`, `objects`; ImageKit\'s `google-auto-tagging` and `aws-auto-tagging` are answered by `objects`; a `minConfidence` above 1 is a percentage, as ImageKit sends it); `removeAITags` (a list, or "all") removes AI tags first. The answer is the item, with `AITags` (boxes for `objects`) and an `extensionStatus` per extension.',
    body: 'DetailsBody',
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
  {
    method: 'GET',
    path: '/api/tags',
    operationId: 'listTags',
    tag: 'tags',
    summary: 'Tags with item counts',
    description: 'With `prefix`, tags starting with it (autocomplete).',
    query: [
      { name: 'prefix', description: 'Only tags starting with this text', schema: text },
      { name: 'limit', description: 'At most this many tags', schema: { type: 'integer', minimum: 1 } },
    ],
    result: 'TagList',
    examples: {
      all: { summary: 'Every tag', status: 200 },
      autocomplete: { summary: 'Tags starting with "ha"', query: { prefix: 'ha', limit: '10' }, status: 200 },
      badLimit: { summary: 'A zero limit', query: { limit: '0' }, status: 400 },
    },
  },
  {
    method: 'POST',
    path: '/api/tags/rename',
    operationId: 'renameTag',
    tag: 'tags',
    summary: 'Rename a tag everywhere',
    description: 'Merges into an existing tag of the new name.',
    body: 'TagRenameBody',
    result: 'TagCount',
    examples: {
      rename: { summary: 'Rename a tag', body: { from: 'harbour', to: 'port' }, status: 200 },
      emptyName: { summary: 'An empty new name', body: { from: 'port', to: '  ' }, status: 400 },
      unknownTag: { summary: 'No item has that tag', body: { from: 'no such tag', to: 'x' }, status: 404 },
    },
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    operationId: 'openApiDocument',
    tag: 'meta',
    summary: 'This document',
    description: 'OpenAPI 3.1, generated from the contract\'s schemas.',
    result: 'OpenApiDocument',
    examples: { document: { summary: 'The document', status: 200 } },
  },
];
