import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FolioError } from '../../../shared/errors.js';
import { errorResponse, HTTP_STATUS, httpStatusOf, methodNotAllowed } from '../../../electron/library/base/error-status.js';

describe('error → HTTP status', () => {
  it('maps every error code', () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
    expect(HTTP_STATUS).toMatchObject({
      INVALID_ARGUMENT: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413, UNSUPPORTED: 501, INTERNAL: 500,
    });
  });

  it('answers with the JSON error shape and hides unknown errors', async () => {
    const response = errorResponse(new FolioError('NOT_FOUND', 'Media item 9 was not found', { field: 'id' }));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Media item 9 was not found', field: 'id' } });
    const hidden = errorResponse(new Error('SQLITE_BUSY at /home/ann/library.sqlite'));
    expect(hidden.status).toBe(500);
    expect(await hidden.text()).not.toContain('/home/ann');
  });

  it('uses 405 with Allow for a wrong method', () => {
    const error = methodNotAllowed(['GET', 'HEAD']);
    expect(httpStatusOf(error)).toBe(405);
    expect(errorResponse(error).headers.get('allow')).toBe('GET, HEAD');
  });
});
