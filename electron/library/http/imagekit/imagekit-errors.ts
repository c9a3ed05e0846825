/**
 * Errors as ImageKit sends them: `{ message, help }` with a status the SDK turns into its typed
 * errors (400 BadRequestError, 401 AuthenticationError, 404 NotFoundError, …).
 *
 * The SDK retries 408, 409, 429 and every 5xx twice unless the answer says `x-should-retry`.
 * Most of Folio's 409/5xx would fail the same way again (a conflict with the library's state,
 * a library from a newer Folio, a bug), so every error says whether a retry can help: only an
 * I/O fault (a busy or briefly unreachable disk) and a collision with a cancellation can.
 */
import { FolioError, type ErrorCode } from '../../../../shared/errors.js';
import { errorHeaders, HTTP_STATUS, HttpError } from '../../base/error-status.js';

export const IMAGEKIT_PREFIX = '/v1';

const HELP = "Folio's ImageKit dialect; see \"Use ImageKit's SDK with Folio\" in Folio's README for what it maps.";

const RETRY_CAN_HELP: ReadonlySet<ErrorCode> = new Set(['IO_ERROR', 'CANCELLED', 'BUSY']);

/** A bulk call naming ids the library does not have; ImageKit lists them in `missingFileIds`. */
export class MissingFilesError extends FolioError {
  constructor(readonly missingFileIds: string[]) {
    super('NOT_FOUND', `The requested file(s) do not exist: ${missingFileIds.join(', ')}`, { field: 'fileIds' });
  }
}

export interface ImageKitErrorBody {
  message: string;
  help: string;
  /** Folio's own error code and the field at fault, for scripts that want them. */
  code: ErrorCode;
  field?: string;
  missingFileIds?: string[];
}

function statusOf(error: FolioError): number {
  if (error instanceof HttpError) return error.status;
  // ImageKit answers 400 for what it cannot do with this request; 501 would only be retried.
  if (error.code === 'UNSUPPORTED') return 400;
  return HTTP_STATUS[error.code];
}

/** A path segment that is not a Folio id (ImageKit's ids are hex strings; Folio's are numbers). */
function foreignFileId(rawPath: string): string | null {
  const match = /^\/v1\/files\/([^/]+)(?:\/details)?$/.exec(rawPath);
  const id = match?.[1];
  return id !== undefined && !/^[0-9]{1,16}$/.test(id) && !['addTags', 'removeTags', 'removeAITags'].includes(id) ? id : null;
}

export function imagekitErrorBody(error: FolioError, rawPath: string): ImageKitErrorBody {
  const foreign = error.code === 'NOT_FOUND' ? foreignFileId(rawPath) : null;
  const message = foreign === null ? error.message : `There is no file "${foreign}": Folio's fileIds are the numbers its answers give`;
  return {
    message,
    help: HELP,
    code: error.code,
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error instanceof MissingFilesError ? { missingFileIds: error.missingFileIds } : {}),
  };
}

export function imagekitErrorResponse(error: FolioError, rawPath: string, headers: Record<string, string> = {}): Response {
  const own = errorHeaders(error);
  return new Response(JSON.stringify(imagekitErrorBody(error, rawPath)), {
    status: statusOf(error),
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'x-should-retry': RETRY_CAN_HELP.has(error.code) ? 'true' : 'false',
      ...own,
      ...headers,
    },
  });
}

export function isImageKitPath(rawPath: string): boolean {
  return rawPath === IMAGEKIT_PREFIX || rawPath.startsWith(`${IMAGEKIT_PREFIX}/`);
}
