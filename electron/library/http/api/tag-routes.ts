import { FolioError } from '../../../../shared/errors.js';
import { callApi } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import { readObjectBody } from './request-body.js';

const TAG_LIST_PARAMS = ['prefix', 'limit'];

export const tagRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/tags',
    async handle(request, _params, api) {
      for (const name of new Set(request.query.keys())) {
        if (!TAG_LIST_PARAMS.includes(name)) {
          throw new FolioError('INVALID_ARGUMENT', `Unknown query parameter "${name}"; known: prefix, limit`, { field: name });
        }
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
    async handle(request, _params, api) {
      return callApi(api, 'tags.rename', await readObjectBody(request));
    },
  },
];
