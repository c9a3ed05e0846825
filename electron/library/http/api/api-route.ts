import type { HttpRequest } from '../request-context.js';
import type { ApiContext } from './api-call.js';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRoute {
  method: ApiMethod;
  /** OpenAPI-style template, e.g. `/api/media/{id}`. */
  path: string;
  /** Returns the JSON answer (status 200); throws a FolioError for anything else. */
  handle(request: HttpRequest, params: { id: number }, api: ApiContext): Promise<unknown>;
}
