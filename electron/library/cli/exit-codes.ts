import type { ErrorCode } from '../../../shared/errors.js';

/** Exit codes a script can rely on; `folio --help` lists them. */
export const EXIT = {
  OK: 0,
  OTHER: 1,
  USAGE: 2,
  /** `folio check`: the database is sound but something needs attention (a count, a file, a thumbnail). */
  CHECK_PROBLEMS: 10,
  /** `folio check`: SQLite's integrity check failed; restore a backup. */
  CHECK_DAMAGED: 11,
  INTERRUPTED: 130,
} as const;

export const EXIT_FOR_CODE: Readonly<Partial<Record<ErrorCode, number>>> = {
  NOT_FOUND: 3,
  INVALID_ARGUMENT: 4,
  CONFLICT: 5,
  LIBRARY_TOO_NEW: 6,
  IO_ERROR: 7,
  UNSUPPORTED: 8,
  PERMISSION_DENIED: 9,
  BUSY: 10,
  CANCELLED: 130,
};

export function exitCodeFor(code: ErrorCode): number {
  return EXIT_FOR_CODE[code] ?? EXIT.OTHER;
}
