import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { declareApiRoutes } from '../../../electron/library/http/api/api-router.js';
import { buildOpenApiDocument } from '../../../electron/library/http/api/openapi/document.js';

const ORIGIN = 'http://127.0.0.1:7830';
type Json = Record<string, unknown>;

describe('the OpenAPI document', () => {
  const routes = declareApiRoutes(ORIGIN);
  const document = buildOpenApiDocument(routes, ORIGIN);

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents every route the server has, and no other', () => {
    const paths = document.paths as Record<string, Json>;
    const documented = Object.entries(paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    const served = routes.map((route) => `${route.method} ${route.path}`);
    expect(documented.sort()).toEqual(served.sort());
    expect(served).toContain('GET /api/openapi.json');
    expect(new Set(routes.map((route) => route.doc.operationId)).size).toBe(routes.length);
  });

  it('takes request schemas from the contract (read-only fields are not accepted)', () => {
    const schemas = (document.components as { schemas: Record<string, Json> }).schemas;
    const patch = schemas.MediaPatch as { properties: Record<string, Json>; additionalProperties: boolean };
    expect(Object.keys(patch.properties).sort()).toEqual(['customCoordinates', 'description', 'flag', 'label', 'metadata', 'name', 'rating', 'tags']);
    expect(patch.additionalProperties).toBe(false);
    expect(patch.properties.metadata).toMatchObject({ type: 'object' });
    expect((schemas.MediaReplacement as { required: string[] }).required).toEqual(['name']);
  });

  it('gives every operation at least one example per documented outcome it can produce', () => {
    for (const item of Object.values(document.paths as Record<string, Record<string, Json>>)) {
      for (const operation of Object.values(item)) {
        const responses = operation.responses as Record<string, { content: { 'application/json': { examples?: Json } } }>;
        // A 204 has no body to give an example of (ImageKit's delete answers so).
        if (responses['204'] === undefined) expect(responses['200']?.content['application/json'].examples).toBeDefined();
        expect(responses['401']).toBeDefined();
        expect(responses['403']).toBeDefined();
      }
    }
  });

  it('uses absolute media URLs of this server in its examples', () => {
    expect(JSON.stringify(document)).toContain(`${ORIGIN}/media/1/thumb/512`);
  });
});
