/**
 * What a person reads when something fails. The error's code picks the wording; the server's
 * message (which names the field or the file) is added when it says something useful.
 */
import { FolioError, isErrorCode, type ErrorCode } from '../../../shared/errors.js';

const WORDING: Record<ErrorCode, string> = {
  NOT_FOUND: 'That item is no longer in the library.',
  INVALID_ARGUMENT: 'That value can’t be used.',
  CONFLICT: 'That clashes with something that already exists.',
  UNSUPPORTED: 'Folio can’t do that here.',
  IO_ERROR: 'A file or folder could not be read or written.',
  PERMISSION_DENIED: 'Folio is not allowed to do that.',
  BUSY: 'The library is busy with another program; try again in a moment.',
  CANCELLED: 'Cancelled.',
  LIBRARY_TOO_NEW: 'This library was made by a newer version of Folio.',
  UNAUTHORIZED: 'This page is not signed in to the Folio server. Open the link that `folio serve` printed.',
  FORBIDDEN: 'The Folio server refused the request.',
  PAYLOAD_TOO_LARGE: 'That is too much to send at once.',
  INTERNAL: 'Something went wrong inside Folio.',
};

export interface ReadableError {
  code: ErrorCode;
  title: string;
  detail: string | null;
}

export function readableError(error: unknown, doing?: string): ReadableError {
  const code: ErrorCode =
    error instanceof FolioError ? error.code : isErrorCode((error as { code?: unknown } | null)?.code) ? (error as { code: ErrorCode }).code : 'INTERNAL';
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  // INTERNAL messages are generic by design (no internals leak); repeating them adds nothing.
  const detail = code === 'INTERNAL' || raw === '' ? null : raw;
  const title = doing === undefined ? WORDING[code] : `Could not ${doing}. ${WORDING[code]}`;
  return { code, title, detail };
}
