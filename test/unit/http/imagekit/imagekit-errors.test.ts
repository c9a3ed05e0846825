import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FolioError } from '../../../../shared/errors.js';
import { methodNotAllowed } from '../../../../electron/library/base/error-status.js';
import { MissingFilesError, imagekitErrorResponse } from '../../../../electron/library/http/imagekit/imagekit-errors.js';

describe("errors in ImageKit's shape", () => {
  it('answers { message, help } with the status the SDK maps to its typed errors', async () => {
    const response = imagekitErrorResponse(new FolioError('INVALID_ARGUMENT', 'tags[0] is bad', { field: 'tags[0]' }), '/v1/files/1/details');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'tags[0] is bad', help: expect.any(String), code: 'INVALID_ARGUMENT', field: 'tags[0]' });
    expect(imagekitErrorResponse(new FolioError('UNAUTHORIZED', 'no key'), '/v1/files').status).toBe(401);
    expect(imagekitErrorResponse(new FolioError('NOT_FOUND', 'gone'), '/v1/files/9').status).toBe(404);
    // Something this build cannot do is a bad request to ImageKit; a 501 would only be retried.
    expect(imagekitErrorResponse(new FolioError('UNSUPPORTED', 'no'), '/v1/files/1/details').status).toBe(400);
    const wrongMethod = imagekitErrorResponse(methodNotAllowed(['GET']), '/v1/files');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('says a retry can help only for I/O faults, a busy library and cancellations', () => {
    for (const code of ERROR_CODES) {
      const response = imagekitErrorResponse(new FolioError(code, 'x'), '/v1/files');
      const retry = response.headers.get('x-should-retry');
      expect(retry, code).toBe(code === 'IO_ERROR' || code === 'CANCELLED' || code === 'BUSY' ? 'true' : 'false');
      if (response.status === 409 || response.status >= 500) expect(['IO_ERROR', 'CANCELLED', 'BUSY', 'CONFLICT', 'INTERNAL', 'LIBRARY_TOO_NEW']).toContain(code);
    }
  });

  it('lists missing ids, and says what a Folio fileId is when given a foreign one', async () => {
    const missing = await imagekitErrorResponse(new MissingFilesError(['7', 'abc']), '/v1/files/addTags').json();
    expect(missing).toMatchObject({ code: 'NOT_FOUND', missingFileIds: ['7', 'abc'] });
    const foreign = await imagekitErrorResponse(new FolioError('NOT_FOUND', 'There is no API route'), '/v1/files/598821f949c0a938d57563bd/details').json();
    expect((foreign as { message: string }).message).toMatch(/"598821f949c0a938d57563bd".*numbers/);
  });
});
