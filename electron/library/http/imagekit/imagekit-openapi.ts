/**
 * How the OpenAPI document describes the ImageKit dialect: its answer and error schemas and
 * example answers. The routes stay declared once (imagekit-routes.ts); this only says what
 * their answers look like.
 */
import { ERROR_CODES } from '../../../../shared/errors.js';
import type { ExampleCase, RouteDialect } from '../api/api-route.js';
import type { ImageKitFile } from './imagekit-file.js';

type JsonSchema = Record<string, unknown>;

const str = { type: 'string' };
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const idList = { type: 'array', items: str };

const SCHEMAS: Record<string, JsonSchema> = {
  ImageKitFile: {
    type: 'object',
    description: "An item in ImageKit's File shape",
    required: ['fileId', 'type', 'name', 'filePath', 'tags', 'AITags', 'customMetadata', 'url', 'thumbnail', 'createdAt', 'updatedAt'],
    properties: {
      fileId: { type: 'string', description: "Folio's id, as a string" },
      type: { const: 'file' },
      name: str,
      filePath: str,
      fileType: { enum: ['image', 'non-image'] },
      tags: nullable({ type: 'array', items: str }),
      AITags: nullable({
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'confidence', 'source'],
          properties: { name: str, confidence: { type: 'number', minimum: 0, maximum: 100 }, source: str },
        },
      }),
      customCoordinates: nullable(str),
      customMetadata: { type: 'object', additionalProperties: true },
      description: str,
      mime: nullable(str),
      size: { type: 'integer' },
      width: nullable({ type: 'integer' }),
      height: nullable({ type: 'integer' }),
      hasAlpha: { type: 'boolean' },
      thumbnail: { type: 'string', format: 'uri' },
      url: { type: 'string', format: 'uri' },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      extensionStatus: {
        type: 'object',
        description: 'After an extension run: its outcome under the name asked for',
        additionalProperties: { enum: ['success', 'failed', 'pending'] },
      },
      extensionDetails: {
        type: 'object',
        description: "Folio's addition: the local extension that ran for each name, and its message",
        additionalProperties: { type: 'object', properties: { ranAs: str, status: str, message: str } },
      },
    },
  },
  ImageKitFileList: { type: 'array', items: ref('ImageKitFile') },
  ImageKitBulkResult: { type: 'object', required: ['successfullyUpdatedFileIds'], properties: { successfullyUpdatedFileIds: idList } },
  ImageKitBulkDeleteResult: { type: 'object', required: ['successfullyDeletedFileIds'], properties: { successfullyDeletedFileIds: idList } },
  ImageKitNoContent: { type: 'null', description: 'No body (204)' },
  ImageKitError: {
    type: 'object',
    required: ['message', 'help'],
    properties: {
      message: str,
      help: str,
      code: { enum: [...ERROR_CODES], description: "Folio's error code" },
      field: { type: 'string', description: 'The field or parameter at fault' },
      missingFileIds: { ...idList, description: 'Bulk calls: the fileIds the library does not have' },
    },
  },
};

function sampleFile(origin: string, id: number): ImageKitFile {
  return {
    fileId: String(id),
    type: 'file',
    name: 'Harbour at dusk',
    filePath: '/home/ann/Pictures/2023/DSCN0010.jpg',
    fileType: 'image',
    tags: ['harbour'],
    AITags: [{ name: 'landscape', confidence: 90, source: 'local-analysis' }],
    customCoordinates: null,
    customMetadata: {},
    description: 'Quay',
    mime: 'image/jpeg',
    size: 2_417_664,
    width: 4000,
    height: 3000,
    hasAlpha: false,
    thumbnail: `${origin}/media/${id}/thumb/512`,
    url: `${origin}/media/${id}/original`,
    isPrivateFile: false,
    isPublished: true,
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-02T09:30:00.000Z',
  };
}

function sampleAnswer(result: string, origin: string, example: ExampleCase): unknown {
  switch (result) {
    case 'ImageKitFile':
      return sampleFile(origin, example.id ?? 1);
    case 'ImageKitFileList':
      return [sampleFile(origin, 2), sampleFile(origin, 3)];
    case 'ImageKitBulkDeleteResult':
      return { successfullyDeletedFileIds: ['1'] };
    default:
      return { successfullyUpdatedFileIds: ['1', '2'] };
  }
}

export const IMAGEKIT_DIALECT: RouteDialect = {
  errorSchema: 'ImageKitError',
  errorExample: (summary) => ({ message: summary, help: "Folio's ImageKit dialect" }),
  sampleAnswer,
  schemas: SCHEMAS,
  tag: { name: 'imagekit', description: "ImageKit's file routes, for @imagekit/nodejs with baseURL set to this server" },
};
