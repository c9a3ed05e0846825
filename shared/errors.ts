/**
 * Error codes every transport understands. The code, not the message, decides what a caller
 * does (the UI's wording, the HTTP status, the CLI's exit code).
 */
export const ERROR_CODES = [
  'NOT_FOUND',
  'INVALID_ARGUMENT',
  'CONFLICT',
  'UNSUPPORTED',
  'IO_ERROR',
  'PERMISSION_DENIED',
  'BUSY',
  'CANCELLED',
  'LIBRARY_TOO_NEW',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The serialisable shape of an error as it crosses IPC or HTTP. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** The argument or field at fault, when there is one (e.g. `"tags[2]"`, `"width"`). */
  field?: string;
  /** Where in the argument the fault is, when it can say (a search query's `{ position, length }`). */
  details?: ErrorDetails;
}

export interface ErrorDetails {
  position: number;
  length: number;
}

export class FolioError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: ErrorDetails;

  constructor(code: ErrorCode, message: string, options?: { field?: string; cause?: unknown; details?: ErrorDetails }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FolioError';
    this.code = code;
    if (options?.field !== undefined) this.field = options.field;
    if (options?.details !== undefined) this.details = options.details;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
    if (this.details !== undefined) payload.details = { ...this.details };
    return payload;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export const notFound = (what: string, field?: string): FolioError =>
  new FolioError('NOT_FOUND', `${what} was not found`, field === undefined ? undefined : { field });
