/**
 * Faults of the machine rather than of the request — a full disk, a library another program
 * is writing, a read-only file or folder, a file where a folder should be — turned into the
 * contract's codes with a sentence that names the place and what to do. SQLite reports them
 * as SqliteError codes, Node as errno codes; both arrive here through the one error path.
 */
import { FolioError } from '../../../shared/errors.js';
import { errorCode } from './file-errors.js';

function pathOf(error: unknown, fallback: string | undefined): string {
  const own = (error as { path?: unknown } | null)?.path;
  if (typeof own === 'string') return own;
  return fallback ?? 'the library folder';
}

/** The FolioError for a known fault, or null for anything else (a bug: logged with its stack). */
export function faultToFolioError(error: unknown, libraryRoot?: string): FolioError | null {
  const code = errorCode(error);
  if (code === undefined) return null;
  const where = pathOf(error, libraryRoot);
  const library = libraryRoot ?? 'the library folder';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_')) {
    return new FolioError('BUSY', 'The library is busy: another program or Folio window is writing to it. Try again in a moment.', { cause: error });
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new FolioError('IO_ERROR', `The disk is full: nothing was saved. Free some space on the disk that holds ${where} and try again.`, { cause: error });
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'EROFS') {
    return new FolioError(
      'PERMISSION_DENIED',
      `The library at ${library} is read-only, so changes cannot be saved; it can still be browsed. Give your user write permission on the folder and its library.sqlite (or move the library to a writable disk).`,
      { cause: error },
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new FolioError('PERMISSION_DENIED', `Permission denied for ${where}: check that your user may read and write it.`, { cause: error });
  }
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR') {
    return new FolioError('IO_ERROR', `${where} is in the way: Folio needs a folder there and found a file (or the other way round). Move it aside and try again.`, { cause: error });
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') {
    return new FolioError('IO_ERROR', `The library file in ${library} is damaged. Run "folio check", or restore the latest backup.`, { cause: error });
  }
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_')) {
    return new FolioError('IO_ERROR', `The library file in ${library} cannot be opened: check that the folder exists and your user may read and write it.`, { cause: error });
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code === 'EIO') {
    return new FolioError('IO_ERROR', `Reading or writing ${where} failed (${code}): the disk may be failing or unplugged.`, { cause: error });
  }
  return null;
}
