import { FolioError, isErrorCode, type ErrorDetails, type ErrorPayload } from './errors.js';

function isErrorDetails(value: unknown): value is ErrorDetails {
  const v = value as ErrorDetails | null | undefined;
  return typeof v === 'object' && v !== null && Number.isInteger(v.position) && Number.isInteger(v.length);
}

/** Every answer crosses a process boundary in this envelope; a caller never sees a stack trace. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export function okEnvelope<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

/**
 * Turns anything thrown into a payload. Unknown errors become INTERNAL with a generic message,
 * so internals (paths, SQL) do not leak to the renderer or to HTTP clients.
 */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof FolioError) return error.toPayload();
  if (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    isErrorCode((error as { code: unknown }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    const { code, message, field, details } = error as ErrorPayload;
    const payload: ErrorPayload = field === undefined ? { code, message } : { code, message, field };
    if (isErrorDetails(details)) payload.details = { position: details.position, length: details.length };
    return payload;
  }
  return { code: 'INTERNAL', message: 'An unexpected error occurred' };
}

export function errorEnvelope(error: unknown): Envelope<never> {
  return { ok: false, error: toErrorPayload(error) };
}

/** Unwraps an envelope on the calling side, re-raising the error as a FolioError. */
export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  const { code, message, field, details } = envelope.error;
  throw new FolioError(code, message, { ...(field === undefined ? {} : { field }), ...(details === undefined ? {} : { details }) });
}
