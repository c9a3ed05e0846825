/** The file system's error code, if the value is a Node system error. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The message of any thrown value, for a stored reason. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Files that went away between the scan and the read: not an error of the file itself. */
export function isVanished(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * A sentence a person can act on for a failed file-system call, naming the errno so that a
 * support question can be answered too ("Permission denied (EACCES)").
 */
export function fileErrorReason(error: unknown, action = 'read'): string {
  const code = errorCode(error);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Cannot ${action} it: permission denied (${code})`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `It disappeared while the folder was being scanned (${code})`;
    case 'ENAMETOOLONG':
      return 'Its path is longer than the system allows (ENAMETOOLONG)';
    case 'ELOOP':
      return 'It is a link that leads back to itself (ELOOP)';
    case 'EIO':
      return `Cannot ${action} it: the disk reported an input/output error (EIO)`;
    case 'EISDIR':
      return 'It is a folder, not a file (EISDIR)';
    case 'EMFILE':
    case 'ENFILE':
      return `Cannot ${action} it: too many open files (${code})`;
    default:
      return `Cannot ${action} it: ${errorMessage(error)}`;
  }
}
