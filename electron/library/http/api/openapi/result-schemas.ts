import {
  AVAILABILITIES, EXTENSION_RUN_STATES, FILE_STATES, MAX_RATING, MEDIA_FLAGS, MEDIA_LABELS, MEDIA_STATUSES, MEDIA_TYPES, THUMBNAIL_SIZES,
} from '../../../../../shared/media.js';
import { ERROR_CODES } from '../../../../../shared/errors.js';

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
    metadata: { type: 'object', additionalProperties: true },
    customCoordinates: nullable({ type: 'string', pattern: '^\\d+,\\d+,\\d+,\\d+$', description: 'x,y,width,height' }),
    rating: { type: 'integer', minimum: 0, maximum: MAX_RATING, description: 'Stars, 0 = unrated' },
    label: { enum: [...MEDIA_LABELS], description: 'Colour label' },
    flag: { enum: [...MEDIA_FLAGS], description: 'Pick or reject' },
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

const TagCount: JsonSchema = {
  type: 'object',
  required: ['name', 'count'],
  properties: { name: str, count: int },
};

const TagChangeCounts: JsonSchema = {
  type: 'array',
  items: { type: 'object', required: ['tag', 'count'], properties: { tag: str, count: { type: 'integer', description: 'Items that gained (or lost) the tag' } } },
};

export const RESULT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
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
  TagList: { type: 'object', required: ['tags'], properties: { tags: { type: 'array', items: ref('TagCount') } } },
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
};
