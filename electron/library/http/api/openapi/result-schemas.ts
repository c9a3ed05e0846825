import {
  AVAILABILITIES, EXTENSION_RUN_STATES, FILE_STATES, MAX_RATING, MEDIA_FLAGS, MEDIA_LABELS, MEDIA_STATUSES, MEDIA_TYPES, THUMBNAIL_SIZES,
} from '../../../../../shared/media.js';
import { ERROR_CODES } from '../../../../../shared/errors.js';
import { ALBUM_KINDS } from '../../../../../shared/albums.js';

/**
 * JSON Schemas of what the REST API answers. The answers are TypeScript types (not zod), so
 * they are written out here; the enums come from shared/ so they can't drift.
 */
type JsonSchema = Record<string, unknown>;

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const str = { type: 'string' };
const int = { type: 'integer' };
const isoTime = { type: 'string', format: 'date-time' };
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const AiTag: JsonSchema = {
  type: 'object',
  required: ['name', 'confidence', 'source'],
  properties: {
    name: str,
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    source: { type: 'string', description: 'The extension that produced it' },
    box: {
      type: 'object',
      description: 'Where it was found (objects): pixels of the upright image',
      required: ['x', 'y', 'width', 'height'],
      properties: { x: int, y: int, width: int, height: int },
    },
  },
};

const ExtensionStatus: JsonSchema = {
  type: 'object',
  required: ['extension', 'status', 'message', 'ranAt'],
  properties: {
    extension: str,
    status: { enum: [...EXTENSION_RUN_STATES] },
    message: nullable(str),
    ranAt: isoTime,
  },
};

const Thumbnail: JsonSchema = {
  type: 'object',
  required: ['size', 'width', 'height', 'bytes', 'url'],
  properties: {
    size: { enum: [...THUMBNAIL_SIZES], description: 'Long edge in pixels (never upscaled)' },
    width: int,
    height: int,
    bytes: int,
    url: { type: 'string', format: 'uri' },
  },
};

const MediaItem: JsonSchema = {
  type: 'object',
  description: 'A media item. Everything but name, description, tags, metadata, customCoordinates, rating, label and flag is read-only.',
  required: [
    'id', 'type', 'mime', 'size', 'humanSize', 'width', 'height', 'mode', 'md5', 'originalName', 'name',
    'description', 'tags', 'AITags', 'extensionStatus', 'customCoordinates', 'rating', 'label', 'flag', 'metadata', 'thumbnails', 'url',
    'status', 'createdAt', 'updatedAt', 'updatedBy',
  ],
  properties: {
    id: int,
    type: { enum: [...MEDIA_TYPES] },
    mime: nullable(str),
    format: nullable(str),
    size: { type: 'integer', description: 'Bytes' },
    humanSize: { type: 'string', examples: ['2.4 MB'] },
    width: nullable(int),
    height: nullable(int),
    mode: nullable({ type: 'string', description: 'Colour space / channels, e.g. srgb' }),
    hasAlpha: nullable({ type: 'boolean' }),
    orientation: nullable(int),
    md5: nullable(str),
    takenAt: nullable(str),
    cameraMake: nullable(str),
    cameraModel: nullable(str),
    gps: nullable({
      type: 'object',
      required: ['latitude', 'longitude', 'altitude'],
      properties: { latitude: { type: 'number' }, longitude: { type: 'number' }, altitude: nullable({ type: 'number' }) },
    }),
    duration: nullable({ type: 'number', description: 'Seconds (video, audio)' }),
    originalName: str,
    path: str,
    folderId: int,
    mtime: str,
    name: str,
    description: str,
    tags: { type: 'array', items: str },
    impliedTags: { type: 'array', items: str, description: 'Tags the item counts as having through implications (computed)' },
    metadata: { type: 'object', additionalProperties: true },
    customCoordinates: nullable({ type: 'string', pattern: '^\\d+,\\d+,\\d+,\\d+$', description: 'x,y,width,height' }),
    rating: { type: 'integer', minimum: 0, maximum: MAX_RATING, description: 'Stars, 0 = unrated' },
    label: { enum: [...MEDIA_LABELS], description: 'Colour label' },
    flag: { enum: [...MEDIA_FLAGS], description: 'Pick or reject' },
    albums: {
      type: 'array',
      description: 'The albums that hold it (smart albums aside)',
      items: { type: 'object', required: ['id', 'name'], properties: { id: int, name: str } },
    },
    AITags: { type: 'array', items: ref('AiTag') },
    extensionStatus: { type: 'array', items: ref('ExtensionStatus') },
    thumbnails: { type: 'array', items: ref('Thumbnail') },
    url: { type: 'string', format: 'uri', description: 'The original file' },
    parentId: nullable(int),
    derivedCount: int,
    status: { enum: [...MEDIA_STATUSES] },
    availability: { enum: [...AVAILABILITIES] },
    fileState: { enum: [...FILE_STATES] },
    stateReason: nullable(str),
    deletedAt: nullable(str),
    createdAt: isoTime,
    updatedAt: isoTime,
    updatedBy: { type: 'string', description: 'user, api, cli, import or extension:<name>' },
  },
};

const ANALYSIS_SETTINGS = {
  type: 'object',
  required: ['autoAnalyse', 'extensions'],
  properties: {
    autoAnalyse: { type: 'boolean', description: 'Analyse new and changed items automatically, after their thumbnails' },
    extensions: { type: 'array', items: str, description: 'The extensions the background analysis runs' },
  },
};

const ANALYSIS_STATUS = {
  type: 'object',
  required: ['state', 'queued', 'done', 'failed', 'total', 'current', 'settings'],
  properties: {
    state: { enum: ['idle', 'running', 'waiting', 'paused'], description: '`waiting`: an import runs, the analysis goes on after it' },
    queued: { type: 'integer', description: 'Items left' },
    done: { type: 'integer', description: 'Items finished since this run began' },
    failed: { type: 'integer', description: 'Of those, items an extension failed on' },
    total: { type: 'integer', description: 'done + queued' },
    current: nullable({ type: 'object', required: ['id', 'extensions'], properties: { id: int, extensions: { type: 'array', items: str } } }),
    settings: ANALYSIS_SETTINGS,
  },
};

const TagCount: JsonSchema = {
  type: 'object',
  required: ['name', 'count'],
  properties: { name: str, count: int },
};

// The tag tree (issue 13): shared/tag-tree.ts TagNode.
const TagNode: JsonSchema = {
  type: 'object',
  required: ['id', 'path', 'name', 'parentId', 'count', 'branchCount', 'colour', 'aliases', 'implies'],
  properties: {
    id: int,
    path: { type: 'string', description: 'Levels joined by "/"; a "/" inside a level is written "\\/", a backslash "\\\\"' },
    name: { type: 'string', description: 'The last level, unescaped' },
    parentId: nullable(int),
    count: { type: 'integer', description: 'Active items tagged exactly here' },
    branchCount: { type: 'integer', description: 'Active items tagged here or below, each once (an item with two tags of the branch counts once)' },
    colour: nullable({ type: 'string', pattern: '^#[0-9a-f]{6}$' }),
    aliases: { type: 'array', items: str },
    implies: { type: 'array', items: str, description: 'Paths of the tags this one implies directly' },
    viaAlias: { type: 'string', description: 'With prefix: the alias through which this tag matched' },
  },
};

const TagChangeCounts: JsonSchema = {
  type: 'array',
  items: { type: 'object', required: ['tag', 'count'], properties: { tag: str, count: { type: 'integer', description: 'Items that gained (or lost) the tag' } } },
};

const EXPORT_PROGRESS: JsonSchema = {
  type: 'object',
  required: ['job', 'state', 'dir', 'mode', 'total', 'done', 'exported', 'sidecarFallbacks', 'failed', 'failures', 'startedAt', 'finishedAt'],
  properties: {
    job: int,
    state: { type: 'string', enum: ['running', 'done', 'cancelled'] },
    dir: str,
    mode: { type: 'string', enum: ['embed', 'sidecars', 'jpeg'] },
    total: int,
    done: int,
    exported: int,
    sidecarFallbacks: { type: 'integer', description: 'Copies exported untouched with a sidecar: their format cannot hold the metadata' },
    failed: int,
    failures: {
      type: 'array',
      description: 'The first 1,000 failures and fallbacks, with their reasons',
      items: { type: 'object', required: ['id', 'name', 'reason', 'exported'], properties: { id: int, name: str, reason: str, exported: { type: 'boolean' } } },
    },
    startedAt: str,
    finishedAt: nullable(str),
  },
};

export const RESULT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  LibraryConfig: { type: 'object', required: ['writeSidecars'], properties: { writeSidecars: { type: 'boolean', description: 'Edits are written to XMP sidecars' } } },
  SidecarStatus: {
    type: 'object',
    required: ['enabled', 'running', 'pending', 'failed', 'pendingAll', 'written', 'lastError'],
    properties: {
      enabled: { type: 'boolean' },
      running: { type: 'boolean' },
      pending: int,
      failed: int,
      pendingAll: { type: 'integer', description: 'Pending writes a "write all" queued' },
      written: { type: 'integer', description: 'Written since the library was opened' },
      lastError: nullable({ type: 'object', required: ['mediaId', 'message'], properties: { mediaId: int, message: str } }),
    },
  },
  SidecarsQueued: { type: 'object', required: ['queued'], properties: { queued: int } },
  ExportProgress: EXPORT_PROGRESS,
  ExportStatus: { anyOf: [EXPORT_PROGRESS, { type: 'null' }], description: 'The running or last export; null before the first' },
  ExportCancelled: { type: 'object', required: ['cancelled'], properties: { cancelled: { type: 'boolean', description: 'An export was running' } } },
  MetadataExportRows: { type: 'array', description: 'With format=json; with format=csv the same columns as text/csv', items: { type: 'object', required: ['id', 'path', 'name', 'tags'], additionalProperties: true } },
  SidecarsCancelled: { type: 'object', required: ['cancelled'], properties: { cancelled: int } },
  ItemFileMetadata: {
    type: 'object',
    required: ['values', 'sidecar'],
    properties: {
      values: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'value', 'origin'],
          properties: { field: { enum: ['keyword', 'person', 'rating', 'label', 'flag', 'title', 'description'] }, value: str, origin: { enum: ['embedded', 'sidecar'] } },
        },
      },
      sidecar: nullable({ type: 'object', required: ['state', 'error'], properties: { state: { enum: ['up-to-date', 'pending', 'failed'] }, error: nullable(str) } }),
    },
  },
  AiTag,
  ExtensionStatus,
  Thumbnail,
  MediaItem,
  MediaList: {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: ref('MediaItem') },
      nextCursor: nullable({ type: 'string', description: 'Pass as `cursor` for the next page' }),
      total: { type: 'integer', description: 'With `withTotal=true`' },
    },
  },
  TagCount,
  TagList: { type: 'object', required: ['tags'], properties: { tags: { type: 'array', items: ref('TagNode') } } },
  TagNode,
  TagUpdateResult: {
    type: 'object',
    required: ['tag', 'merged', 'undo'],
    properties: { tag: ref('TagNode'), merged: { type: 'boolean' }, undo: { type: 'string', description: 'For POST /api/tags/undo' } },
  },
  TagMergeResult: { type: 'object', required: ['tag', 'undo'], properties: { tag: ref('TagNode'), undo: str } },
  TagDeleteResult: {
    type: 'object',
    required: ['id', 'removedFrom', 'undo'],
    properties: { id: int, removedFrom: { type: 'integer', description: 'Items that had the tag or one below it' }, undo: str },
  },
  UndoResult: { type: 'object', required: ['ok'], properties: { ok: { const: true } } },
  BulkTagsResult: {
    type: 'object',
    required: ['updated', 'added', 'removed', 'unmatched'],
    properties: {
      updated: { type: 'integer', description: 'Items whose tags changed' },
      added: TagChangeCounts,
      removed: TagChangeCounts,
      unmatched: { type: 'array', items: str, description: 'Tags asked to be removed that none of the items had' },
    },
  },
  Album: {
    type: 'object',
    required: ['id', 'kind', 'name', 'parentId', 'count'],
    properties: {
      id: int,
      kind: { enum: [...ALBUM_KINDS], description: 'album (hand-ordered), smart (a saved search) or folder (holds albums)' },
      name: str,
      parentId: nullable({ type: 'integer', description: 'The folder it is in' }),
      count: { type: 'integer', description: 'Active items (live for a smart album); for a folder, what it holds' },
      coverId: { type: 'integer', description: 'The first item' },
      query: { type: 'string', description: 'A smart album’s search' },
    },
  },
  AlbumList: { type: 'object', required: ['albums'], properties: { albums: { type: 'array', items: ref('Album') } } },
  AlbumDeleted: { type: 'object', required: ['id'], properties: { id: int } },
  AlbumItemsEdit: {
    type: 'object',
    required: ['added', 'removed', 'moved', 'count'],
    properties: {
      added: { type: 'integer', description: 'Items new to the album' },
      removed: int,
      moved: { type: 'integer', description: 'Items the album held that took their new place' },
      count: { type: 'integer', description: 'Active items now' },
    },
  },
  CuratingResult: {
    type: 'object',
    required: ['updated'],
    properties: { updated: { type: 'integer', description: 'Items whose rating, label or flag changed' } },
  },
  DuplicateGroups: {
    type: 'object',
    required: ['groups', 'unhashed'],
    properties: {
      groups: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'items'],
          properties: {
            kind: { enum: ['exact', 'near'] },
            items: {
              type: 'array',
              description: 'The largest picture first: the one to keep, by default',
              items: {
                type: 'object',
                required: ['id', 'size', 'width', 'height', 'distance'],
                properties: { id: int, size: int, width: { type: ['integer', 'null'] }, height: { type: ['integer', 'null'] }, distance: int },
              },
            },
          },
        },
      },
      unhashed: { type: 'integer', description: 'Pictures without a perceptual hash yet' },
    },
  },
  SimilarItems: {
    type: 'object',
    required: ['hashed', 'items'],
    properties: {
      hashed: { type: 'boolean' },
      items: {
        type: 'array',
        items: { type: 'object', required: ['id', 'distance', 'sameFile'], properties: { id: int, distance: int, sameFile: { type: 'boolean' } } },
      },
    },
  },
  AnalysisStatus: ANALYSIS_STATUS,
  AnalysisCancelled: {
    ...ANALYSIS_STATUS,
    required: [...ANALYSIS_STATUS.required, 'removed'],
    properties: { ...ANALYSIS_STATUS.properties, removed: { type: 'integer', description: 'Queue rows taken off (one per item and extension)' } },
  },
  AnalysisSettings: ANALYSIS_SETTINGS,
  DeleteResult: {
    type: 'object',
    required: ['id', 'deletedCount'],
    properties: { id: int, deletedCount: { type: 'integer', description: 'The item and its derived versions' } },
  },
  RestoreResult: { type: 'object', required: ['id', 'restoredCount'], properties: { id: int, restoredCount: int } },
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { enum: [...ERROR_CODES] },
          message: str,
          field: { type: 'string', description: 'The field or parameter at fault' },
          details: {
            type: 'object',
            description: 'Where in the field the fault is (a search query: 0-based character position and length)',
            required: ['position', 'length'],
            properties: { position: int, length: int },
          },
        },
      },
    },
  },
  PeopleList: {
    type: 'object',
    required: ['people', 'unassignedFaces'],
    properties: { people: { type: 'array', items: ref('Person') }, unassignedFaces: int },
  },
  Person: {
    type: 'object',
    required: ['id', 'name', 'faceCount', 'itemCount', 'sample'],
    properties: { id: int, name: nullable(str), faceCount: int, itemCount: int, sample: nullable(ref('Face')) },
  },
  Face: {
    type: 'object',
    required: ['id', 'mediaId', 'box', 'score', 'personId', 'personName', 'assignedBy', 'picture'],
    properties: {
      id: int,
      mediaId: int,
      box: { type: 'object', required: ['x', 'y', 'width', 'height'], properties: { x: int, y: int, width: int, height: int }, description: 'Pixels of the upright picture' },
      score: { type: 'number', minimum: 0, maximum: 1, description: 'The face detector’s score' },
      personId: nullable(int),
      personName: nullable(str),
      assignedBy: { enum: ['auto', 'user'], description: '`user`: placed by a person; grouping never moves it' },
      picture: nullable({ type: 'object', required: ['width', 'height'], properties: { width: int, height: int } }),
    },
  },
  FaceList: { type: 'object', required: ['faces'], properties: { faces: { type: 'array', items: ref('Face') } } },
  FaceResult: { type: 'object', required: ['face', 'undo'], properties: { face: ref('Face'), undo: { type: 'string', description: 'For POST /api/people/undo' } } },
  PersonResult: { type: 'object', required: ['person', 'undo'], properties: { person: ref('Person'), undo: { type: 'string', description: 'For POST /api/people/undo' } } },
  PersonNamed: { type: 'object', required: ['person', 'tagged', 'undo'], properties: { person: ref('Person'), tagged: { type: 'integer', description: 'Items of the person, now tagged People/<name>' }, undo: { type: 'string', description: 'For POST /api/people/undo' } } },
  PeopleSettings: { type: 'object', required: ['autoTagConfidence'], properties: { autoTagConfidence: nullable({ type: 'number', minimum: 0, maximum: 1 }) } },
};
