import fs from 'node:fs';
import path from 'node:path';
import { FolioError } from '../../../shared/errors.js';
import { nowIso } from '../base/clock.js';
import { errorCode } from '../base/file-errors.js';
import type { Db } from '../db/connection.js';
import { absorbFolder, allFolderRecords, insertFolder } from '../db/folder-repo.js';
import type { ImportTarget } from './import-job.js';

/** `child` is `parent` or lies somewhere below it (real paths, compared by whole segments). */
export function isSameOrInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  const withSep = parent.endsWith(path.sep) ? parent : parent + path.sep;
  return child.startsWith(withSep);
}

/** The path inside `parent`, `/`-separated bytes, as rows store it. */
function relativeBytes(parent: string, child: string): Buffer {
  return Buffer.from(path.relative(parent, child).split(path.sep).join('/'));
}

async function realFolder(raw: string): Promise<string> {
  let real: string;
  try {
    real = await fs.promises.realpath(path.resolve(raw));
  } catch (cause) {
    const code = errorCode(cause);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new FolioError('NOT_FOUND', `There is no folder at ${raw}`, { field: 'path', cause });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new FolioError('PERMISSION_DENIED', `${raw} cannot be opened: permission denied`, { field: 'path', cause });
    }
    throw new FolioError('IO_ERROR', `${raw} cannot be reached: ${(cause as Error).message}`, { field: 'path', cause });
  }
  const stat = await fs.promises.stat(real);
  if (!stat.isDirectory()) {
    throw new FolioError('INVALID_ARGUMENT', `${raw} is a file, not a folder; choose the folder that holds it`, { field: 'path' });
  }
  return real;
}

/**
 * Turns the folder a person chose into what to scan. An existing library folder is scanned
 * again; a folder inside one is scanned as part of it (no second record for the same files);
 * a folder that contains existing library folders becomes the library folder and takes their
 * items over, ids and tags intact. The library's own folder cannot be imported.
 */
export async function resolveImportFolder(
  db: Db,
  libraryRoot: string,
  rawPath: string,
): Promise<{ target: ImportTarget; created: boolean }> {
  const real = await realFolder(rawPath);
  const libraryReal = await fs.promises.realpath(libraryRoot).catch(() => libraryRoot);
  if (isSameOrInside(real, libraryReal)) {
    throw new FolioError('INVALID_ARGUMENT', `${rawPath} is inside this library's own folder and cannot be imported`, {
      field: 'path',
    });
  }
  // The lookup and the insert happen in one synchronous transaction, so two imports of the
  // same new folder started together cannot both add it.
  return db.transaction(() => {
    const folders = allFolderRecords(db);
    const container = folders.find((f) => isSameOrInside(real, f.path));
    if (container) {
      const start = real === container.path ? null : relativeBytes(container.path, real);
      return { target: { folderId: container.id, start }, created: false };
    }
    const folderId = insertFolder(db, real, nowIso());
    for (const inner of folders.filter((f) => isSameOrInside(f.path, real))) {
      absorbFolder(db, inner.id, folderId, relativeBytes(real, inner.path));
    }
    return { target: { folderId, start: null }, created: true };
  }).immediate();
}
