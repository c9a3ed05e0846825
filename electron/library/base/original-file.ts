/**
 * The one way to open a user's original file, for every reader: serving it, rebuilding its
 * thumbnails, the tagging extensions, export and metadata reading. Two checks come before any
 * byte is read:
 * - the library folder is still the folder that was imported (its real path has not become
 *   a link to somewhere else), and the file's real path lies inside it;
 * - the file is the one that was imported: its size and modification time are the recorded
 *   ones (a changed file waits for a rescan; a swapped-in link is caught by the first check).
 */
import fs from 'node:fs';
import { FolioError } from '../../../shared/errors.js';
import { fileTimeIso } from './clock.js';
import { fileSystemError } from './file-system-error.js';
import { isPathInside } from './path-inside.js';

/** Where an item's original is and what it was when it was imported. */
export interface OriginalLocation {
  id: number;
  /** The library folder as imported (a real path: the import resolves links). */
  folderPath: string;
  absPath: Buffer;
  size: number;
  /** ISO-8601, as the scan recorded it. */
  mtime: string;
}

export interface CheckedOriginal {
  realPath: Buffer;
  size: number;
}

async function realPathOf(target: Buffer | string, what: string): Promise<Buffer> {
  try {
    return await fs.promises.realpath(target, { encoding: 'buffer' });
  } catch (cause) {
    throw fileSystemError(cause, what);
  }
}

/** Where the original really is, checked as above; throws a FolioError otherwise. */
export async function checkOriginal(location: OriginalLocation): Promise<CheckedOriginal> {
  const [realFile, realFolder] = await Promise.all([
    realPathOf(location.absPath, 'The media file'),
    realPathOf(location.folderPath, 'The library folder'),
  ]);
  if (!realFolder.equals(Buffer.from(location.folderPath))) {
    throw new FolioError(
      'FORBIDDEN',
      `The library folder ${location.folderPath} now leads to ${realFolder.toString('utf8')}; its files are not served until it is back (or that folder is added)`,
    );
  }
  if (!isPathInside(realFile, realFolder)) {
    throw new FolioError('FORBIDDEN', 'The media file lies outside its library folder');
  }
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(realFile);
  } catch (cause) {
    throw fileSystemError(cause, 'The media file');
  }
  if (!stat.isFile()) throw new FolioError('FORBIDDEN', 'The media file is not a regular file');
  if (stat.size !== location.size || fileTimeIso(stat.mtimeMs) !== location.mtime) {
    throw new FolioError('NOT_FOUND', `The file of item ${location.id} changed since it was imported; rescan its folder`);
  }
  return { realPath: realFile, size: stat.size };
}

/** The original's bytes, after the checks. */
export async function readOriginal(location: OriginalLocation): Promise<Buffer> {
  const { realPath } = await checkOriginal(location);
  try {
    return await fs.promises.readFile(realPath);
  } catch (cause) {
    throw fileSystemError(cause, 'The media file');
  }
}
