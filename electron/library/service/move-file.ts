/**
 * Renaming a file in place without ever replacing another file. `rename(2)` silently replaces
 * its target, so the file is hard-linked under the new name first (`link(2)` fails with EEXIST
 * if the name is taken, atomically) and the old name is then unlinked. Where hard links are not
 * possible (FAT, exFAT, some network shares) it falls back to check-then-rename, which leaves a
 * tiny window for another program to create the name in between. Paths are raw bytes: names
 * need not be UTF-8.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FolioError } from '../../../shared/errors.js';

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function sameFile(a: Buffer, b: Buffer): boolean {
  const first = fs.lstatSync(a, { bigint: true });
  const second = fs.lstatSync(b, { bigint: true });
  return first.dev === second.dev && first.ino === second.ino;
}

function ioError(error: unknown, what: string): FolioError {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    return new FolioError('PERMISSION_DENIED', `${what}: permission denied (${code})`, { cause: error });
  }
  if (code === 'ENOENT') return new FolioError('IO_ERROR', `${what}: the file is no longer there; rescan its folder`, { cause: error });
  return new FolioError('IO_ERROR', `${what}: ${code ?? 'failed'}`, { cause: error });
}

const taken = (to: Buffer): FolioError =>
  new FolioError('CONFLICT', `A file named "${path.basename(to.toString('utf8'))}" already exists in that folder`, {
    field: 'name',
  });

/** Renames `from` to `to` in the same folder; CONFLICT if `to` exists. */
export function moveWithoutOverwrite(from: Buffer, to: Buffer): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') {
      // On a case-insensitive disk "a.jpg" → "A.jpg" finds the file itself under the new name.
      if (sameFile(from, to)) return fs.renameSync(from, to);
      throw taken(to);
    }
    if (code !== undefined && NO_HARD_LINKS.has(code)) return checkThenRename(from, to);
    throw ioError(error, 'Could not rename the file');
  }
  try {
    fs.unlinkSync(from);
  } catch (error) {
    fs.unlinkSync(to);
    throw ioError(error, 'Could not rename the file');
  }
}

function checkThenRename(from: Buffer, to: Buffer): void {
  if (fs.existsSync(to)) throw taken(to);
  try {
    fs.renameSync(from, to);
  } catch (error) {
    throw ioError(error, 'Could not rename the file');
  }
}

/** Puts a moved file back under its old name (when the database step after the move failed). */
export function undoMove(from: Buffer, to: Buffer): void {
  moveWithoutOverwrite(to, from);
}
