/**
 * The one way an error leaves the core, whatever the transport (IPC, RPC, REST, media files,
 * the CLI): a FolioError goes out as it is; a fault of the machine (disk full, library busy,
 * read-only, …) becomes its typed error (base/faults); anything else is a bug, so it is logged
 * here, once, with its stack, and goes out as INTERNAL without its internals.
 */
import { FolioError } from '../../../shared/errors.js';
import { toErrorPayload } from '../../../shared/result.js';
import { faultToFolioError } from './faults.js';

export type UnexpectedErrorLogger = (where: string, error: unknown) => void;

const logToConsole: UnexpectedErrorLogger = (where, error) => console.error(`folio: ${where} failed`, error);

export interface ErrorPathOptions {
  log?: UnexpectedErrorLogger;
  /** Named in the sentences about the library's own files. */
  libraryRoot?: string;
}

export function toFolioError(error: unknown, where: string, options: ErrorPathOptions = {}): FolioError {
  if (error instanceof FolioError) return error;
  const fault = faultToFolioError(error, options.libraryRoot);
  if (fault !== null) return fault;
  (options.log ?? logToConsole)(where, error);
  // An error payload that crossed a boundary (an envelope unwrapped by hand) keeps its code.
  const { code, message, field, details } = toErrorPayload(error);
  return new FolioError(code, message, { ...(field === undefined ? {} : { field }), ...(details === undefined ? {} : { details }) });
}
