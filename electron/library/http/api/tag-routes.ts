import { FolioError } from '../../../../shared/errors.js';
import { callApi } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import { readObjectBody } from './request-body.js';
import { TagRenameBody } from './rest-schemas.js';
import { tagTreeRoutes } from './tag-tree-routes.js';
import { text } from './openapi/doc-values.js';

const TAG_LIST_PARAMS = ['prefix', 'limit', 'tree'];

export const tagRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/tags',
    doc: {
      operationId: 'listTags',
      tag: 'tags',
      summary: 'Tags with item counts',
      description:
        'Each tag of the tag tree with `id`, `path` (levels joined by `/`, a `/` inside a level written `\\/`), `name` (its last level), `parentId`, `count` (items tagged exactly there), `branchCount`, `colour`, `aliases` and `implies`. With `prefix`, tags one of whose levels (or aliases) starts with it, for autocomplete (`viaAlias` names the alias). With `tree`, every tag in tree order.',
      query: [
        { name: 'tree', description: 'Every tag of the tree, depth first (any value but "false")', schema: text },
        { name: 'prefix', description: 'Only tags starting with this text', schema: text },
        { name: 'limit', description: 'At most this many tags', schema: { type: 'integer', minimum: 1 } },
      ],
      result: 'TagList',
      examples: {
        all: { summary: 'Every tag', status: 200 },
        autocomplete: { summary: 'Tags starting with "ha"', query: { prefix: 'ha', limit: '10' }, status: 200 },
        tree: { summary: 'The whole tree, depth first', query: { tree: 'true' }, status: 200 },
        badLimit: { summary: 'A zero limit', query: { limit: '0' }, status: 400 },
      },
  
    },
    async handle(request, _params, api) {
      for (const name of new Set(request.query.keys())) {
        if (!TAG_LIST_PARAMS.includes(name)) {
          throw new FolioError('INVALID_ARGUMENT', `Unknown query parameter "${name}"; known: prefix, limit, tree`, { field: name });
        }
      }
      const tree = request.query.get('tree');
      if (tree !== null && tree !== 'false') {
        if (request.query.has('prefix') || request.query.has('limit')) {
          throw new FolioError('INVALID_ARGUMENT', 'tree gives every tag; it takes no prefix or limit', { field: 'tree' });
        }
        return { tags: await callApi(api, 'tags.tree', {}) };
      }
      const limit = request.query.get('limit');
      const args: Record<string, unknown> = {};
      const prefix = request.query.get('prefix');
      if (prefix !== null) args.prefix = prefix;
      if (limit !== null) args.limit = /^\d+$/.test(limit) ? Number(limit) : limit;
      return { tags: await callApi(api, 'tags.list', args) };
    },
  },
  {
    method: 'POST',
    path: '/api/tags/rename',
    doc: {
      operationId: 'renameTag',
      tag: 'tags',
      summary: 'Rename a tag everywhere',
      description: 'Merges into an existing tag of the new name.',
      body: { name: 'TagRenameBody', schema: TagRenameBody },
      result: 'TagCount',
      examples: {
        rename: { summary: 'Rename a tag', body: { from: 'harbour', to: 'port' }, status: 200 },
        emptyName: { summary: 'An empty new name', body: { from: 'port', to: '  ' }, status: 400 },
        unknownTag: { summary: 'No item has that tag', body: { from: 'no such tag', to: 'x' }, status: 404 },
      },
  
    },
    async handle(request, _params, api) {
      return callApi(api, 'tags.rename', await readObjectBody(request));
    },
  },
  ...tagTreeRoutes,
];
