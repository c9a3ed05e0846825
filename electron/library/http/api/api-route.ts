import type { z } from 'zod';
import type { HttpRequest } from '../request-context.js';
import type { ApiContext } from './api-call.js';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A runnable example: the request (path id, query, body) and the status it gets. The document
 * puts each part under the same example name in the parameters, the request body and the
 * response, and the tests send every one of them to a real server.
 */
export interface ExampleCase {
  summary: string;
  id?: number;
  query?: Record<string, string>;
  body?: unknown;
  status: number;
}

export interface QueryParamDoc {
  name: string;
  description: string;
  schema: Record<string, unknown>;
}

/**
 * A family of routes that answers in another API's shape (ImageKit's under `/v1`): the
 * document takes their answer and error schemas and example answers from here.
 */
export interface RouteDialect {
  /** Component name of the error answers. */
  errorSchema: string;
  errorExample(summary: string): unknown;
  sampleAnswer(result: string, origin: string, example: ExampleCase): unknown;
  schemas: Readonly<Record<string, Record<string, unknown>>>;
  tag: { name: string; description: string };
}

/** A route's OpenAPI description, declared beside its handler. */
export interface RouteDoc {
  operationId: string;
  tag: 'media' | 'tags' | 'meta' | 'imagekit' | 'albums' | 'people';
  /** Set for routes that speak another API's dialect. */
  dialect?: RouteDialect;
  summary: string;
  description: string;
  query?: QueryParamDoc[];
  /** The request body's schema and its component name in the document. */
  body?: { name: string; schema: z.ZodType };
  /** Component name of the 200 answer (openapi/result-schemas). */
  result: string;
  /** Success is 204 with no body (ImageKit's delete), not 200 with `result`. */
  noContent?: true;
  examples: Record<string, ExampleCase>;
}

/** One REST route, declared once: the router and the OpenAPI document are both built from it. */
export interface ApiRoute {
  method: ApiMethod;
  /** OpenAPI-style template, e.g. `/api/media/{id}`. */
  path: string;
  doc: RouteDoc;
  /** Returns the JSON answer (status 200), or a whole Response; throws a FolioError for anything else. */
  handle(request: HttpRequest, params: { id: number }, api: ApiContext): Promise<unknown>;
}
