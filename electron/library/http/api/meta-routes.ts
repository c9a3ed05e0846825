import type { ApiRoute } from './api-route.js';
import { buildOpenApiDocument } from './openapi/document.js';

/**
 * `GET /api/openapi.json`: the document built from every route's declaration (this one's
 * too), once per server. It answers HEAD as well, and tells clients to revalidate.
 */
export function metaRoutes(routes: () => readonly ApiRoute[], origin: string): ApiRoute[] {
  let json: string | null = null;
  return [
    {
      method: 'GET',
      path: '/api/openapi.json',
      doc: {
        operationId: 'openApiDocument',
        tag: 'meta',
        summary: 'This document',
        description: "OpenAPI 3.1, generated from the routes' declarations and the contract's schemas.",
        result: 'OpenApiDocument',
        examples: { document: { summary: 'The document', status: 200 } },
      },
      async handle() {
        json ??= JSON.stringify(buildOpenApiDocument(routes(), origin));
        return new Response(json, { headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' } });
      },
    },
  ];
}

