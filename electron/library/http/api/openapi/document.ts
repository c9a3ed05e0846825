import { z } from 'zod';
import type { ApiRoute, ExampleCase, RouteDoc } from '../api-route.js';
import { RESULT_SCHEMAS } from './result-schemas.js';
import { errorExample, sampleItem } from './sample-values.js';

type Json = Record<string, unknown>;

/** A route as the document describes it: where it is and what its declaration says. */
type OperationDoc = RouteDoc & Pick<ApiRoute, 'method' | 'path'>;

/** The contract's zod schemas as JSON Schema (the request side, before transforms). */
function requestSchema(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  delete json.$schema;
  const properties = json.properties as Record<string, Json> | undefined;
  // Metadata is checked by a custom validator, which JSON Schema sees as "anything".
  if (properties?.metadata !== undefined && Object.keys(properties.metadata).length === 0) {
    properties.metadata = { type: 'object', additionalProperties: true, description: 'Custom fields; replaces the stored object' };
  }
  return json;
}

const ERROR_STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Invalid argument (the `field` names it) or malformed JSON',
  401: 'No key, or a wrong one',
  403: 'Wrong Host header or a foreign Origin',
  404: 'No such item, tag or route',
  409: 'Conflicts with the current state',
  413: 'The body is larger than 1 MiB',
  415: 'The body is not JSON',
  501: 'Not available in this build',
};

const SAMPLE_ANALYSIS_STATUS = {
  state: 'running',
  queued: 28,
  done: 12,
  failed: 1,
  total: 40,
  current: { id: 13, extensions: ['objects'] },
  settings: { autoAnalyse: true, extensions: ['local-analysis', 'objects', 'places'] },
};

function sampleAnswer(op: OperationDoc, origin: string, example: ExampleCase): unknown {
  if (op.dialect !== undefined) return op.dialect.sampleAnswer(op.result, origin, example);
  switch (op.result) {
    case 'MediaItem':
      return sampleItem(origin, example.id ?? 1);
    case 'MediaList':
      return { items: [sampleItem(origin, 1)], nextCursor: 'eyJrIjoiMjAyMy0wOC0xNCIsImlkIjoxfQ' };
    case 'BulkTagsResult':
      return { updated: 2, added: [{ tag: 'holiday', count: 2 }], removed: [], unmatched: ['todo'] };
    case 'CuratingResult':
      return { updated: 2 };
    case 'DeleteResult':
      return { id: example.id, deletedCount: 1 };
    case 'RestoreResult':
      return { id: example.id, restoredCount: 1 };
    case 'TagList':
      return { tags: [SAMPLE_TAG_NODE] };
    case 'TagNode':
      return SAMPLE_TAG_NODE;
    case 'TagUpdateResult':
      return { tag: SAMPLE_TAG_NODE, merged: false, undo: '5f0c6a52-8e0b-4c4e-9a43-1f7d2b8e9a10' };
    case 'TagMergeResult':
      return { tag: SAMPLE_TAG_NODE, undo: '5f0c6a52-8e0b-4c4e-9a43-1f7d2b8e9a10' };
    case 'TagDeleteResult':
      return { id: example.id, removedFrom: 12, undo: '5f0c6a52-8e0b-4c4e-9a43-1f7d2b8e9a10' };
    case 'UndoResult':
      return { ok: true };
    case 'TagCount':
      return { name: 'port', count: 1 };
    case 'DuplicateGroups':
      return { groups: [{ kind: 'near', items: [{ id: 1, size: 162_000, width: 640, height: 480, distance: 0 }, { id: 2, size: 26_600, width: 320, height: 240, distance: 2 }] }], unhashed: 0 };
    case 'SimilarItems':
      return { hashed: true, items: [{ id: 2, distance: 2, sameFile: false }] };
    case 'Album':
      return { id: example.id ?? 1, kind: 'album', name: 'Keepers', parentId: null, count: 3, coverId: 3 };
    case 'AlbumList':
      return { albums: [{ id: 1, kind: 'album', name: 'Keepers', parentId: null, count: 3, coverId: 3 }] };
    case 'AlbumDeleted':
      return { id: example.id };
    case 'AlbumItemsEdit':
      return { added: 3, removed: 0, moved: 0, count: 3 };
    case 'AnalysisStatus':
      return SAMPLE_ANALYSIS_STATUS;
    case 'AnalysisCancelled':
      return { ...SAMPLE_ANALYSIS_STATUS, state: 'idle', queued: 0, total: 12, current: null, removed: 28 };
    case 'AnalysisSettings':
      return SAMPLE_ANALYSIS_STATUS.settings;
    case 'PeopleList':
      return { people: [{ id: 1, name: 'Ada', faceCount: 12, itemCount: 11, sample: SAMPLE_FACE }], unassignedFaces: 0 };
    case 'FaceList':
      return { faces: [SAMPLE_FACE] };
    case 'FaceResult':
      return { face: SAMPLE_FACE, undo: '0f8fad5b-d9cb-469f-a165-70867728950e' };
    case 'PersonResult':
      return { person: { id: 1, name: 'Ada', faceCount: 12, itemCount: 11, sample: SAMPLE_FACE }, undo: '0f8fad5b-d9cb-469f-a165-70867728950e' };
    case 'PersonNamed':
      return { person: { id: 1, name: 'Ada', faceCount: 12, itemCount: 11, sample: SAMPLE_FACE }, tagged: 11, undo: '0f8fad5b-d9cb-469f-a165-70867728950e' };
    case 'PeopleSettings':
      return { autoTagConfidence: 0.8 };
    case 'LibraryConfig':
      return { writeSidecars: false };
    case 'SidecarStatus':
      return { enabled: true, running: false, pending: 0, failed: 1, pendingAll: 0, written: 12, lastError: { mediaId: 7, message: 'The sidecar a.jpg.xmp could not be written: EACCES: permission denied' } };
    case 'SidecarsQueued':
      return { queued: 120 };
    case 'SidecarsCancelled':
      return { cancelled: 80 };
    case 'ItemFileMetadata':
      return { values: [{ field: 'keyword', value: 'Places/France/Paris', origin: 'sidecar' }, { field: 'rating', value: '4', origin: 'embedded' }], sidecar: null };
    case 'ExportProgress':
    case 'ExportStatus':
      return SAMPLE_EXPORT;
    case 'ExportCancelled':
      return { cancelled: true };
    case 'MetadataExportRows':
      return [SAMPLE_EXPORT_ROW];
    default:
      return { openapi: '3.1.0' };
  }
}

const SAMPLE_EXPORT = {
  job: 1, state: 'done', dir: '/home/ada/Export', mode: 'embed', total: 3, done: 3, exported: 2, sidecarFallbacks: 1, failed: 1,
  failures: [
    { id: 9, name: 'clip.avi', reason: 'ExifTool cannot write into this .avi: …; exported untouched with an XMP sidecar', exported: true },
    { id: 4, name: 'gone.jpg', reason: 'The media file was not found', exported: false },
  ],
  startedAt: '2026-05-01T10:00:00.000Z', finishedAt: '2026-05-01T10:00:02.000Z',
};
const SAMPLE_EXPORT_ROW = {
  id: 1, path: '/home/ada/Photos/port.jpg', name: 'port.jpg', description: '', tags: ['port'], aiTags: [], rating: 4, label: 'red', flag: 'none', albums: ['Keepers'],
  metadata: {}, type: 'image', mime: 'image/jpeg', size: 162000, width: 640, height: 480, md5: null, takenAt: '2024-06-01T12:00:00.000Z',
  cameraMake: null, cameraModel: null, latitude: null, longitude: null, duration: null,
};
const SAMPLE_TAG_NODE = {
  id: 1, path: 'Places/sea', name: 'sea', parentId: 7, count: 12, branchCount: 12, colour: '#1e90ff', aliases: ['ocean'], implies: ['water'],
};
const SAMPLE_FACE = {
  id: 7,
  mediaId: 1,
  box: { x: 1210, y: 640, width: 180, height: 182 },
  score: 0.93,
  personId: 1,
  personName: 'Ada',
  assignedBy: 'user',
  picture: { width: 4000, height: 3000 },
};

const ERROR_CODE_FOR: Readonly<Record<number, string>> = { 400: 'INVALID_ARGUMENT', 404: 'NOT_FOUND', 409: 'CONFLICT' };

function operationObject(op: OperationDoc, origin: string): Json {
  const examples = Object.entries(op.examples);
  const parameters: Json[] = [];
  if (op.path.includes('{id}')) {
    parameters.push({
      name: 'id',
      in: 'path',
      required: true,
      description: 'Item id',
      schema: { type: 'integer', minimum: 1 },
      examples: Object.fromEntries(examples.filter(([, ex]) => ex.id !== undefined).map(([name, ex]) => [name, { value: ex.id }])),
    });
  }
  for (const param of op.query ?? []) {
    const withValue = examples.filter(([, ex]) => ex.query?.[param.name] !== undefined);
    parameters.push({
      name: param.name,
      in: 'query',
      required: false,
      description: param.description,
      schema: param.schema,
      ...(withValue.length > 0
        ? { examples: Object.fromEntries(withValue.map(([name, ex]) => [name, { value: ex.query?.[param.name] }])) }
        : {}),
    });
  }
  const responses: Json = {};
  const statuses = [...new Set([op.noContent ? 204 : 200, ...examples.map(([, ex]) => ex.status), 401, 403])].sort();
  if (op.body !== undefined) statuses.push(413, 415);
  for (const status of statuses) {
    if (status === 204) {
      responses['204'] = { description: 'Done; no body' };
      continue;
    }
    const named = examples.filter(([, ex]) => ex.status === status);
    const exampleValues = Object.fromEntries(
      named.map(([name, ex]) => [
        name,
        {
          summary: ex.summary,
          value:
            status === 200
              ? sampleAnswer(op, origin, ex)
              : (op.dialect?.errorExample(ex.summary) ?? errorExample(ERROR_CODE_FOR[status] ?? 'INVALID_ARGUMENT', ex.summary)),
        },
      ]),
    );
    const schema = { $ref: `#/components/schemas/${status === 200 ? op.result : (op.dialect?.errorSchema ?? 'Error')}` };
    responses[String(status)] = {
      description: status === 200 ? 'OK' : (ERROR_STATUS_TEXT[status] ?? 'Error'),
      content: { 'application/json': named.length > 0 ? { schema, examples: exampleValues } : { schema } },
    };
  }
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: op.description,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: `#/components/schemas/${op.body.name}` },
                examples: Object.fromEntries(
                  examples.filter(([, ex]) => ex.body !== undefined).map(([name, ex]) => [name, { summary: ex.summary, value: ex.body }]),
                ),
              },
            },
          },
        }),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of the REST API. Request bodies come from the contract's zod
 * schemas; every example is runnable (the tests send each one and check its status).
 */
export function buildOpenApiDocument(routes: readonly ApiRoute[], origin: string): Json {
  const paths: Record<string, Json> = {};
  const requestSchemas = new Map<string, z.ZodType>();
  const dialects = new Set(routes.flatMap((route) => (route.doc.dialect === undefined ? [] : [route.doc.dialect])));
  for (const route of routes) {
    const op: OperationDoc = { ...route.doc, method: route.method, path: route.path };
    paths[op.path] ??= {};
    (paths[op.path] as Json)[op.method.toLowerCase()] = operationObject(op, origin);
    if (op.body !== undefined) requestSchemas.set(op.body.name, op.body.schema);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Folio local API',
      version: '1.0.0',
      description:
        'Tag, rename and trash media in a Folio library from scripts, offline. Served on 127.0.0.1 only; every request needs the key printed by `folio serve` (or FOLIO_API_TOKEN).',
    },
    servers: [{ url: origin }],
    security: [{ tokenHeader: [] }, { apiKey: [] }, { forensicToken: [] }, { cookie: [] }, { basicKey: [] }],
    tags: [
      { name: 'media', description: 'Media items' },
      { name: 'tags', description: 'The tag vocabulary' },
      { name: 'meta', description: 'About the API' },
      { name: 'albums', description: 'Albums, smart albums and folders of albums' },
      { name: 'people', description: 'Faces and the people they are grouped into' },
      ...[...dialects].map((dialect) => dialect.tag),
    ],
    paths,
    components: {
      schemas: {
        ...Object.fromEntries([...requestSchemas].map(([name, schema]) => [name, requestSchema(schema)])),
        ...RESULT_SCHEMAS,
        ...Object.assign({}, ...[...dialects].map((dialect) => dialect.schemas)),
        OpenApiDocument: { type: 'object', description: 'An OpenAPI 3.1 document' },
      },
      securitySchemes: {
        tokenHeader: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`Token <key>`' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        forensicToken: { type: 'apiKey', in: 'header', name: 'X-Forensic-Access-Token' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'folio_token', description: 'Set by opening the printed URL' },
        basicKey: { type: 'http', scheme: 'basic', description: 'The key as the user name, any password (what ImageKit\'s SDKs send)' },
      },
    },
  };
}
