/**
 * `media.rename`: the display name always; with `onDisk`, the file too, in its own folder.
 * Order matters for safety: the file is moved first (never over another file), then the
 * database is updated in one transaction; if that fails, the file is moved back, so disk and
 * library never disagree about where the file is.
 */
import { FolioError } from '../../../shared/errors.js';
import { joinLocation } from '../base/paths.js';
import type { Db } from '../db/connection.js';
import { updateEditableFields, updateFileLocation } from '../db/media-repo.js';
import { validateFileName } from './file-name.js';
import { requireRow } from './item-edits.js';
import { moveWithoutOverwrite, undoMove } from './move-file.js';
import { inTransaction } from './write-helpers.js';

const SLASH = 0x2f;

/** The same folder, another last segment: `a/b/old.jpg` → `a/b/<name>`. */
function siblingPath(relPath: Buffer, name: string): Buffer {
  const dir = relPath.subarray(0, relPath.lastIndexOf(SLASH) + 1);
  return Buffer.concat([dir, Buffer.from(name, 'utf8')]);
}

function siblingDisplayPath(displayPath: string, name: string): string {
  return displayPath.slice(0, displayPath.lastIndexOf('/') + 1) + name;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function renameItem(db: Db, id: number, name: string, onDisk: boolean, actor: string, now: string): void {
  if (!onDisk) {
    inTransaction(db, () => {
      requireRow(db, id);
      updateEditableFields(db, id, { name }, actor, now);
    });
    return;
  }
  validateFileName(name);
  const row = requireRow(db, id);
  if (row.availability !== 'present') {
    throw new FolioError('CONFLICT', `The file of item ${id} is ${row.availability}, so it cannot be renamed on disk`, {
      field: 'onDisk',
    });
  }
  const relPath = siblingPath(row.relPath, name);
  const from = joinLocation(row.folderPath, row.relPath);
  const to = joinLocation(row.folderPath, relPath);
  const moved = !from.equals(to);
  if (moved) moveWithoutOverwrite(from, to);
  try {
    inTransaction(db, () => {
      updateFileLocation(db, id, { relPath, displayPath: siblingDisplayPath(row.displayPath, name), originalName: name });
      updateEditableFields(db, id, { name }, actor, now);
    });
  } catch (error) {
    if (moved) rollBack(from, to, error);
    if (isUniqueViolation(error)) {
      throw new FolioError('CONFLICT', `Another item in the library is recorded as "${name}" in that folder`, {
        field: 'name',
        cause: error,
      });
    }
    if (error instanceof FolioError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new FolioError('IO_ERROR', `The library could not record the new name (${reason}); the file keeps its old name`, {
      cause: error,
    });
  }
}

function rollBack(from: Buffer, to: Buffer, cause: unknown): void {
  try {
    undoMove(from, to);
  } catch (undoError) {
    // Both failed: say where the file is now, since the library still names the old place.
    throw new FolioError(
      'IO_ERROR',
      `The library could not record the rename and the file could not be moved back; it is now at ${to.toString('utf8')}`,
      { cause: new AggregateError([cause, undoError]) },
    );
  }
}

