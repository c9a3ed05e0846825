/** Metadata in files over REST: the library's settings, the sidecar writer, and where an item's values came from. */
import { contract } from '../../../../shared/contract.js';
import { callApi } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import { UNKNOWN_ID } from './openapi/doc-values.js';
import { readObjectBody } from './request-body.js';

export const fileMetadataRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/config',
    doc: {
      operationId: 'getConfig',
      tag: 'meta',
      summary: "The library's settings",
      description: '`writeSidecars`: whether edits of tags, rating, label, flag, name, description and focus area are written to XMP sidecars beside the files (off by default).',
      result: 'LibraryConfig',
      examples: { config: { summary: 'The settings', status: 200 } },
    },
    handle: (_request, _params, api) => callApi(api, 'config.get', {}),
  },
  {
    method: 'PUT',
    path: '/api/config',
    doc: {
      operationId: 'setConfig',
      tag: 'meta',
      summary: "Change the library's settings",
      description: 'Settings left out stay as they are. Turning `writeSidecars` on writes the sidecars of later edits; `POST /api/sidecars/write-all` writes every item now.',
      body: { name: 'ConfigBody', schema: contract['config.set'].args },
      result: 'LibraryConfig',
      examples: {
        off: { summary: 'Keep sidecar writing off', body: { writeSidecars: false }, status: 200 },
        notBoolean: { summary: 'Not true or false', body: { writeSidecars: 'yes' }, status: 400 },
      },
    },
    handle: async (request, _params, api) => callApi(api, 'config.set', await readObjectBody(request)),
  },
  {
    method: 'GET',
    path: '/api/sidecars',
    doc: {
      operationId: 'sidecarStatus',
      tag: 'meta',
      summary: 'How far writing XMP sidecars is',
      description: 'Pending and failed writes (a failed one is kept and tried again on the next start or "write all"), written since the library was opened, and the last error.',
      result: 'SidecarStatus',
      examples: { status: { summary: 'The writer', status: 200 } },
    },
    handle: (_request, _params, api) => callApi(api, 'sidecars.status', {}),
  },
  {
    method: 'POST',
    path: '/api/sidecars/write-all',
    doc: {
      operationId: 'writeAllSidecars',
      tag: 'meta',
      summary: "Write every item's sidecar now",
      description: 'Queues every item not in the trash; the writes run in the background (`GET /api/sidecars` shows the progress). 409 while `writeSidecars` is off, unless `turnOn` switches it on first.',
      body: { name: 'WriteAllBody', schema: contract['sidecars.writeAll'].args },
      result: 'SidecarsQueued',
      examples: {
        turnOn: { summary: 'Switch writing on and write every sidecar', body: { turnOn: true }, status: 200 },
      },
    },
    handle: async (request, _params, api) => callApi(api, 'sidecars.writeAll', await readObjectBody(request)),
  },
  {
    method: 'POST',
    path: '/api/sidecars/cancel',
    doc: {
      operationId: 'cancelSidecars',
      tag: 'meta',
      summary: 'Cancel the rest of a "write all"',
      description: 'Drops the pending writes a "write all" queued; the writes of edits still happen.',
      result: 'SidecarsCancelled',
      examples: { cancel: { summary: 'Cancel', status: 200 } },
    },
    handle: (_request, _params, api) => callApi(api, 'sidecars.cancel', {}),
  },
  {
    method: 'GET',
    path: '/api/media/{id}/file-metadata',
    doc: {
      operationId: 'itemFileMetadata',
      tag: 'media',
      summary: 'What the item took from its file and sidecar',
      description: 'Each keyword (as a tag path), person, rating, label, flag, title and description read from the file (`embedded`) or its XMP sidecar (`sidecar`); and, when the library writes sidecars, whether its sidecar is up to date.',
      result: 'ItemFileMetadata',
      examples: {
        item: { summary: 'Item 1', id: 1, status: 200 },
        unknownId: { summary: 'No such item', id: UNKNOWN_ID, status: 404 },
      },
    },
    handle: (_request, { id }, api) => callApi(api, 'media.fileMetadata', { id }),
  },
];
