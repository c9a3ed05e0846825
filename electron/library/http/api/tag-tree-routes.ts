/**
 * The tag tree's REST routes (issue 13), each declared once with its OpenAPI description; the
 * examples run in document order after the tag list's (which renamed `harbour` to `port`).
 */
import { FolioError } from '../../../../shared/errors.js';
import { TagAliasArgs, TagImpliesArgs, TagMergeArgs, TagUndoArgs, TagUpdateArgs } from '../../../../shared/tag-tree.js';
import { callApi } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import { readObjectBody } from './request-body.js';

const UNKNOWN_TAG = 999_999;

/** A body for `/api/tags/{id}…`: the id is the path's, never the body's. */
async function bodyWithId(request: Parameters<ApiRoute['handle']>[0], id: number): Promise<Record<string, unknown>> {
  const body = await readObjectBody(request);
  if ('id' in body) throw new FolioError('INVALID_ARGUMENT', 'The tag is named by the path (/api/tags/{id}); leave "id" out of the body', { field: 'id' });
  return { ...body, id };
}

export const tagTreeRoutes: ApiRoute[] = [
  {
    method: 'PATCH',
    path: '/api/tags/{id}',
    doc: {
      operationId: 'updateTag',
      tag: 'tags',
      summary: 'Rename or move a tag (with its branch), or set its colour',
      description:
        'A new `path` renames or moves the tag and everything below it in one transaction; onto an existing tag the two merge (counts add up, no item gets the tag twice) and `merged` is true. `colour` is `#rrggbb` or null. The answer carries an `undo` token for POST /api/tags/undo.',
      body: { name: 'TagUpdateBody', schema: TagUpdateArgs.omit({ id: true }) },
      result: 'TagUpdateResult',
      examples: {
        move: { summary: 'Move a tag under a new parent', id: 1, body: { path: 'Places/sea', colour: '#1e90ff' }, status: 200 },
        underItself: { summary: 'Moving a branch under itself', id: 1, body: { path: 'Places/sea/deep' }, status: 400 },
        emptyLevel: { summary: 'A path with an empty level', id: 1, body: { path: 'Places//sea' }, status: 400 },
        unknownTag: { summary: 'No such tag', id: UNKNOWN_TAG, body: { colour: '#000000' }, status: 404 },
      },
    },
    async handle(request, { id }, api) {
      return callApi(api, 'tags.update', await bodyWithId(request, id));
    },
  },
  {
    method: 'POST',
    path: '/api/tags/merge',
    doc: {
      operationId: 'mergeTags',
      tag: 'tags',
      summary: 'Merge tags into one',
      description: '`from` lists paths or ids; each (with its branch) becomes `into`, which is made when new. Undoable.',
      body: { name: 'TagMergeBody', schema: TagMergeArgs },
      result: 'TagMergeResult',
      examples: {
        merge: { summary: 'Merge a branch into another name', body: { from: ['Places'], into: 'Travel' }, status: 200 },
        intoDescendant: { summary: 'Into its own descendant', body: { from: ['Travel'], into: 'Travel/sea' }, status: 400 },
        unknownTag: { summary: 'A source that does not exist', body: { from: ['no such tag'], into: 'x' }, status: 404 },
      },
    },
    async handle(request, _params, api) {
      return callApi(api, 'tags.merge', await readObjectBody(request));
    },
  },
  {
    method: 'PUT',
    path: '/api/tags/{id}/aliases',
    doc: {
      operationId: 'setTagAliases',
      tag: 'tags',
      summary: 'Add and remove aliases of a tag',
      description:
        'An alias stands for the tag: typing it stores the tag, searching it finds the tag\'s items. An alias that is a tag in use is a conflict unless `confirmMerge` is true (the tag then merges into this one).',
      body: { name: 'TagAliasBody', schema: TagAliasArgs.omit({ id: true }) },
      result: 'TagNode',
      examples: {
        add: { summary: 'Add an alias', id: 1, body: { add: ['ocean', 'the sea'] }, status: 200 },
        itself: { summary: 'An alias of itself', id: 1, body: { add: ['travel/sea'] }, status: 400 },
        unknownTag: { summary: 'No such tag', id: UNKNOWN_TAG, body: { add: ['x'] }, status: 404 },
      },
    },
    async handle(request, { id }, api) {
      return callApi(api, 'tags.setAliases', await bodyWithId(request, id));
    },
  },
  {
    method: 'PUT',
    path: '/api/tags/{id}/implies',
    doc: {
      operationId: 'setTagImplies',
      tag: 'tags',
      summary: 'Add and remove the tags a tag implies',
      description: 'An item with the tag counts as having each implied tag (chains too); a cycle is refused.',
      body: { name: 'TagImpliesBody', schema: TagImpliesArgs.omit({ id: true }) },
      result: 'TagNode',
      examples: {
        add: { summary: 'Imply a tag', id: 1, body: { add: ['water'] }, status: 200 },
        itself: { summary: 'A tag implying itself', id: 1, body: { add: ['Travel/sea'] }, status: 400 },
      },
    },
    async handle(request, { id }, api) {
      return callApi(api, 'tags.setImplies', await bodyWithId(request, id));
    },
  },
  {
    method: 'DELETE',
    path: '/api/tags/{id}',
    doc: {
      operationId: 'deleteTag',
      tag: 'tags',
      summary: 'Delete a tag and its branch from every item',
      description: '`removedFrom` is how many items had it; `undo` brings every link back.',
      result: 'TagDeleteResult',
      examples: {
        remove: { summary: 'Delete a tag', id: 2, status: 200 },
        unknownTag: { summary: 'No such tag', id: UNKNOWN_TAG, status: 404 },
      },
    },
    async handle(_request, { id }, api) {
      return callApi(api, 'tags.delete', { id });
    },
  },
  {
    method: 'POST',
    path: '/api/tags/undo',
    doc: {
      operationId: 'undoTagChange',
      tag: 'tags',
      summary: 'Undo a rename, move, merge or delete',
      description: 'Takes the `undo` token the change answered (or `latest` for the most recent one); the last 50 changes are kept, each undone once.',
      body: { name: 'TagUndoBody', schema: TagUndoArgs },
      result: 'UndoResult',
      examples: {
        latest: { summary: 'Undo the most recent change (here: the merge above)', body: { token: 'latest' }, status: 200 },
        unknownToken: { summary: 'A token no longer kept', body: { token: 'no-such-token' }, status: 404 },
      },
    },
    async handle(request, _params, api) {
      return callApi(api, 'tags.undo', await readObjectBody(request));
    },
  },
];
