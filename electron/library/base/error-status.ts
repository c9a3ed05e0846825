import { FolioError, type ErrorCode, type ErrorPayload } from '../../../shared/errors.js';
import { toErrorPayload } from '../../../shared/result.js';

/**
 * The HTTP status for each error code, used by /rpc, /api and /media alike.
 * UNSUPPORTED is 501 Not Implemented: the server understood the request but this build or this
 * transport can't do it (a desktop-only method in browser mode, a format with no decoder).
 * CANCELLED is 409: the request collided with a cancellation, and the state is as it was.
 */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  INVALID_ARGUMENT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  PERMISSION_DENIED: 403,
  // Another connection holds the write lock: retrying soon can help (with Retry-After).
  BUSY: 503,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CANCELLED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED: 501,
  IO_ERROR: 500,
  LIBRARY_TOO_NEW: 500,
  INTERNAL: 500,
};

export function statusForError(payload: ErrorPayload): number {
  return HTTP_STATUS[payload.code];
}

/**
 * An error whose HTTP status is more precise than its code's (405 wrong method, 415 wrong
 * content type, 416 bad range); the body still carries one of the contract's codes.
 */
export class HttpError extends FolioError {
  constructor(
    readonly status: number,
    code: ErrorCode,
    message: string,
    options?: { field?: string; headers?: Record<string, string> },
  ) {
    super(code, message, options?.field === undefined ? undefined : { field: options.field });
    this.headers = options?.headers ?? {};
  }
  readonly headers: Record<string, string>;
}

export function methodNotAllowed(allowed: readonly string[]): HttpError {
  return new HttpError(405, 'UNSUPPORTED', `Use ${allowed.join(' or ')} here`, { headers: { Allow: allowed.join(', ') } });
}

/** How long a client should wait before retrying a BUSY answer. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export function httpStatusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  return statusForError(errorBody(error).error);
}

/** The headers an error's answer carries besides the body's type: its own, and Retry-After for BUSY. */
export function errorHeaders(error: unknown): Record<string, string> {
  const own = error instanceof HttpError ? { ...error.headers } : {};
  if (toErrorPayload(error).code === 'BUSY') own['Retry-After'] ??= String(BUSY_RETRY_AFTER_SECONDS);
  return own;
}

/** Every HTTP error body has this one shape. */
export function errorBody(error: unknown): { error: ErrorPayload } {
  return { error: toErrorPayload(error) };
}

/** A JSON error response (also what the Electron `media://` handler answers on failure). */
export function errorResponse(error: unknown, options: { status?: number; headers?: Record<string, string> } = {}): Response {
  const body = errorBody(error);
  const own = errorHeaders(error);
  return new Response(JSON.stringify(body), {
    status: options.status ?? httpStatusOf(error),
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...own, ...options.headers },
  });
}
