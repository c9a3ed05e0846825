/**
 * The one way an error leaves the core, whatever the transport (IPC, RPC, REST, media files,
 * the CLI): a FolioError goes out as it is; anything else is a bug or a fault we did not type,
 * so it is logged here, once, with its stack, and goes out as INTERNAL without its internals.
 */
import { FolioError } from '../../../shared/errors.js';
import { toErrorPayload } from '../../../shared/result.js';

export type UnexpectedErrorLogger = (where: string, error: unknown) => void;

const logToConsole: UnexpectedErrorLogger = (where, error) => console.error(`folio: ${where} failed`, error);

export function toFolioError(error: unknown, where: string, log: UnexpectedErrorLogger = logToConsole): FolioError {
  if (error instanceof FolioError) return error;
  log(where, error);
  // An error payload that crossed a boundary (an envelope unwrapped by hand) keeps its code.
  const { code, message, field } = toErrorPayload(error);
  return new FolioError(code, message, field === undefined ? undefined : { field });
}
