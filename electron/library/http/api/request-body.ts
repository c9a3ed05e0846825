import { FolioError } from '../../../../shared/errors.js';
import { readJsonBody, requireJsonContentType } from '../read-body.js';
import type { HttpRequest } from '../request-context.js';

/** A JSON object body (the REST routes never take arrays or bare values). */
export async function readObjectBody(request: HttpRequest): Promise<Record<string, unknown>> {
  requireJsonContentType(request.req);
  const body = await readJsonBody(request.req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new FolioError('INVALID_ARGUMENT', 'The request body must be a JSON object', { field: 'body' });
  }
  return body as Record<string, unknown>;
}
