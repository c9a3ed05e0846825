/**
 * Exports over REST (issue 15): files to a folder (a background job, like an import: start,
 * status, cancel) and the metadata of a search as CSV or JSON, streamed a page at a time so a
 * library of a million items never sits in memory as one answer.
 */
import { contract } from '../../../../shared/contract.js';
import { FolioError } from '../../../../shared/errors.js';
import { searchFilter } from '../../../../shared/list-filter.js';
import { csvHeader, csvLine, EXPORT_FORMATS, jsonEnd, jsonRowsChunk, type ExportFormat } from '../../../../shared/metadata-export.js';
import { callApi, type ApiContext } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import { text } from './openapi/doc-values.js';
import { readObjectBody } from './request-body.js';

/** Rows per page of the metadata stream: one page is one short query between other requests. */
const METADATA_PAGE = 500;

const EXPORT_EXAMPLE_DIR = '/tmp/folio-api-export-example';

function metadataStream(api: ApiContext, ids: number[], format: ExportFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let start = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === 'csv' ? csvHeader() : '['));
    },
    // Pulled as the client reads: a slow client holds the next page back, nothing piles up.
    async pull(controller) {
      if (start >= ids.length) {
        if (format === 'json') controller.enqueue(encoder.encode(jsonEnd(ids.length)));
        controller.close();
        return;
      }
      const page = ids.slice(start, start + METADATA_PAGE);
      const rows = await api.service.call('media.exportMetadata', { ids: page }, api.ctx);
      controller.enqueue(encoder.encode(format === 'csv' ? rows.map(csvLine).join('') : jsonRowsChunk(rows, start)));
      start += page.length;
      // The next page waits for the next turn of the event loop: other requests get served between pages.
      await new Promise((resolve) => setImmediate(resolve));
    },
  });
}

export const exportRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/api/export',
    doc: {
      operationId: 'exportFiles',
      tag: 'media',
      summary: 'Export files to a folder',
      description:
        'Copies of the originals with Folio\'s metadata embedded in the copy (`mode: "embed"`, the default; the original is never opened for writing), untouched copies with an XMP sidecar beside each (`"sidecars"`), or JPEG renditions (`"jpeg"`, with `longEdge` and `quality`). What: `ids`, an album (`albumId` or `album` by name) and/or a search (`filter`, e.g. `{"query": "tag:beach"}`). File names from `template`: `{name}`, `{original}`, `{date:YYYY-MM-DD}`, `{counter}` / `{counter:3}`, `{id}`, `{rating}`, `{label}`; a taken name gets ` (2)`, ` (3)`, … and is never overwritten. The export runs in the background: `GET /api/export` shows its progress and failures, `POST /api/export/cancel` stops it. 409 BUSY while another export runs.',
      body: { name: 'ExportBody', schema: contract['export.start'].args },
      result: 'ExportProgress',
      examples: {
        embed: { summary: 'Item 1 with its metadata embedded, named by date', body: { dir: EXPORT_EXAMPLE_DIR, ids: [1], template: '{date:YYYY-MM-DD} {name}' }, status: 200 },
        badQuality: { summary: 'A quality outside 1–100', body: { dir: EXPORT_EXAMPLE_DIR, ids: [1], mode: 'jpeg', quality: 0 }, status: 400 },
        nothing: { summary: 'Nothing said about what to export', body: { dir: EXPORT_EXAMPLE_DIR }, status: 400 },
      },
    },
    handle: async (request, _params, api) => callApi(api, 'export.start', await readObjectBody(request)),
  },
  {
    method: 'GET',
    path: '/api/export',
    doc: {
      operationId: 'exportStatus',
      tag: 'media',
      summary: 'How far the running (or last) export is',
      description: 'Done, exported, failed, the copies that got a sidecar because their format cannot hold the metadata, and each failure with its reason; `null` before the first export.',
      result: 'ExportStatus',
      examples: { status: { summary: 'The export', status: 200 } },
    },
    handle: (_request, _params, api) => callApi(api, 'export.status', {}),
  },
  {
    method: 'POST',
    path: '/api/export/cancel',
    doc: {
      operationId: 'cancelExport',
      tag: 'media',
      summary: 'Cancel the running export',
      description: 'The files being written are dropped with their temporary files; those already placed stay, each whole.',
      result: 'ExportCancelled',
      examples: { cancel: { summary: 'Cancel', status: 200 } },
    },
    handle: (_request, _params, api) => callApi(api, 'export.cancel', {}),
  },
  {
    method: 'GET',
    path: '/api/export/metadata',
    doc: {
      operationId: 'exportMetadata',
      tag: 'media',
      summary: 'The metadata of a search as CSV or JSON',
      description:
        'One row per item (id, path, name, description, tags as paths, AI tags with confidence, rating, label, flag, albums, custom metadata, detected fields), as `folio export-metadata` writes it, streamed a page at a time. `format` is `csv` (the default) or `json`; `q` is a search in the search language (all items without it).',
      query: [
        { name: 'format', description: '`csv` or `json`', schema: { type: 'string', enum: [...EXPORT_FORMATS] } },
        { name: 'q', description: 'A search (the toolbar\'s language)', schema: text },
      ],
      result: 'MetadataExportRows',
      examples: {
        json: { summary: 'Items tagged port, as JSON', query: { format: 'json', q: 'tag:port' }, status: 200 },
        badFormat: { summary: 'Neither csv nor json', query: { format: 'xml' }, status: 400 },
      },
    },
    handle: async (request, _params, api) => {
      const { query } = request;
      const format = query.get('format') ?? 'csv';
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
        throw new FolioError('INVALID_ARGUMENT', `format is csv or json, not "${format}"`, { field: 'format' });
      }
      const { ids } = await callApi(api, 'media.listIds', { filter: searchFilter(query.get('q') ?? '', {}) }, [['filter.query', 'q'], ['filter', '']]);
      const csv = (format as ExportFormat) === 'csv';
      return new Response(metadataStream(api, ids, format as ExportFormat), {
        headers: {
          'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="folio-metadata.${format}"`,
          'Cache-Control': 'no-store',
        },
      });
    },
  },
];
