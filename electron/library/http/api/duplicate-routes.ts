/** Near-duplicate pictures over REST: the groups of the library, and the items like one item. */
import { FolioError } from '../../../../shared/errors.js';
import { callApi } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import type { HttpRequest } from '../request-context.js';
import { UNKNOWN_ID } from './openapi/doc-values.js';

const distanceParam = {
  name: 'maxDistance',
  description: 'Hash bits (of 64) two pictures may differ in to count as near duplicates; default 8, at most 32',
  schema: { type: 'integer', minimum: 0, maximum: 32 },
};

/** The query's numbers as numbers (text stays text, so the contract's parser names the parameter). */
function numericQuery(request: HttpRequest, known: readonly string[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const name of new Set(request.query.keys())) {
    if (!known.includes(name)) {
      throw new FolioError('INVALID_ARGUMENT', `Unknown query parameter "${name}"; known: ${known.join(', ')}`, { field: name });
    }
    const value = request.query.get(name) ?? '';
    args[name] = /^\d{1,9}$/.test(value) ? Number(value) : value;
  }
  return args;
}

export const duplicateRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/duplicates',
    doc: {
      operationId: 'listDuplicates',
      tag: 'media',
      summary: 'Exact and near-duplicate pictures',
      description:
        'Groups of items with the same file content (`exact`) and of pictures that look the same (`near`, by a 64-bit perceptual hash made at import), the largest picture first in each group. `unhashed` counts pictures imported before hashing existed (import them again to include them).',
      query: [distanceParam],
      result: 'DuplicateGroups',
      examples: {
        groups: { summary: 'Every group', status: 200 },
        strict: { summary: 'Near duplicates at most 2 bits apart', query: { maxDistance: '2' }, status: 200 },
        tooFar: { summary: 'A distance over 32', query: { maxDistance: '40' }, status: 400 },
      },
    },
    handle: (request, _params, api) => callApi(api, 'duplicates.list', numericQuery(request, ['maxDistance'])),
  },
  {
    method: 'GET',
    path: '/api/media/{id}/similar',
    doc: {
      operationId: 'similarMedia',
      tag: 'media',
      summary: 'Pictures that look like this one',
      description: 'Closest first, by perceptual-hash distance; `sameFile` marks exact duplicates. `hashed` is false for an item with no hash (not a picture, or imported before hashing).',
      query: [distanceParam, { name: 'limit', description: 'At most this many items, 1–500', schema: { type: 'integer', minimum: 1, maximum: 500 } }],
      result: 'SimilarItems',
      examples: {
        similar: { summary: 'Pictures like item 1', id: 1, status: 200 },
        unknownId: { summary: 'No such item', id: UNKNOWN_ID, status: 404 },
      },
    },
    handle: (request, { id }, api) => callApi(api, 'media.similar', { id, ...numericQuery(request, ['maxDistance', 'limit']) }),
  },
];
