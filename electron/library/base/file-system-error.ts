import { FolioError } from '../../../shared/errors.js';
import { errorCode } from '../base/file-errors.js';

/**
 * A failed look-up or open of a media file as an error a client can act on. ELOOP means a
 * link we refuse to follow (FORBIDDEN), not a broken disk.
 */
export function fileSystemError(cause: unknown, what: string): FolioError {
  switch (errorCode(cause)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new FolioError('NOT_FOUND', `${what} is missing`, { cause });
    case 'EACCES':
    case 'EPERM':
      return new FolioError('PERMISSION_DENIED', `${what} cannot be read (permission denied)`, { cause });
    case 'ELOOP':
      return new FolioError('FORBIDDEN', `${what} is a link that cannot be followed`, { cause });
    default:
      return new FolioError('IO_ERROR', `${what} could not be read`, { cause });
  }
}
