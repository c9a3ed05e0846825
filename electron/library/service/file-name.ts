/**
 * Is this a name a file can have in its folder, on every system the library may move to?
 * Refused: separators, "." and "..", control characters, the names Windows reserves for devices
 * (CON, NUL, COM1… also with an extension: "con.txt" opens the console there), a trailing dot
 * or space (Windows silently strips them, so the file would not be found again), and more than
 * 255 bytes (the limit of ext4, APFS and NTFS alike, in UTF-8 bytes for the first two).
 */
import { FolioError } from '../../../shared/errors.js';

const MAX_NAME_BYTES = 255;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/iu;

export function validateFileName(name: string, field = 'name'): void {
  const fail = (message: string): never => {
    throw new FolioError('INVALID_ARGUMENT', message, { field });
  };
  if (name === '') fail('A file name cannot be empty');
  if (name.includes('/') || name.includes('\\')) fail('A file name cannot contain "/" or "\\"; the file stays in its folder');
  if (name === '.' || name === '..') fail(`"${name}" is not a file name`);
  if (/\p{Cc}/u.test(name)) fail('A file name cannot contain control characters');
  if (/[. ]$/u.test(name)) fail('A file name cannot end with a dot or a space');
  const stem = (name.split('.')[0] ?? '').trimEnd();
  if (RESERVED.test(stem)) fail(`"${stem}" is a reserved device name on Windows and cannot be a file name`);
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_NAME_BYTES) fail(`A file name can be at most ${MAX_NAME_BYTES} bytes; this one is ${bytes}`);
}
