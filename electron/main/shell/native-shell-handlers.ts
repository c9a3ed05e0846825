import fs from 'node:fs';
import path from 'node:path';
import { FolioError } from '../../../shared/errors.js';
import type { MediaFileSource } from '../../library/media-files/resolve-media-file.js';
import { resolveMediaFile } from '../../library/media-files/resolve-media-file.js';
import type { Service } from '../../library/service/service.js';
import type { ShellMethod } from '../../library/service/shell-handlers.js';
import type { HandlerGroup } from '../../library/service/types.js';
import { executableReason } from './executable-check.js';

/**
 * The operating-system services the shell methods need. `dialogs.ts` implements it with
 * Electron's dialog and shell modules; tests give a recording fake (the Electron runtime is the
 * one thing tests may fake).
 */
export interface NativeShell {
  /** A folder chosen by the user, or null when they cancelled. */
  pickFolder(): Promise<string | null>;
  showItemInFolder(fullPath: string): void;
  /** Electron's `shell.openPath`: '' on success, else the OS's error message. */
  openPath(fullPath: string): Promise<string>;
  /** Moves one file to the OS trash (never deletes). */
  trashItem(fullPath: string): Promise<void>;
  /** A modal question; true only if the user chose the confirming button. */
  confirm(question: { message: string; detail: string; confirmLabel: string }): Promise<boolean>;
  platform: NodeJS.Platform;
}

export interface NativeShellDeps {
  media: MediaFileSource;
  /** The library's own service (for the soft delete that follows a move to the OS trash). */
  service: Service;
  native: NativeShell;
}

interface LibraryFile {
  id: number;
  fullPath: string;
  name: string;
  mime: string;
}

/**
 * The item's file, resolved through links and checked to lie inside its library folder (the
 * same check media:// makes), as a path string the OS can take. A name that is not valid UTF-8
 * can't be handed to Electron's string APIs without changing it, so it is refused.
 */
async function libraryFile(media: MediaFileSource, id: number): Promise<LibraryFile> {
  const file = await resolveMediaFile(media, { id, kind: 'original' });
  const fullPath = file.realPath.toString('utf8');
  if (!Buffer.from(fullPath, 'utf8').equals(file.realPath)) {
    throw new FolioError('UNSUPPORTED', 'The file name is not valid UTF-8, so it cannot be handed to the system');
  }
  return { id, fullPath, name: path.basename(fullPath), mime: file.contentType };
}

function trashName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'Recycle Bin' : 'Trash';
}

function listNames(files: readonly LibraryFile[]): string {
  const shown = files.slice(0, 5).map((file) => `• ${file.name}`);
  if (files.length > shown.length) shown.push(`…and ${files.length - shown.length} more`);
  return shown.join('\n');
}

/** Real handlers for the contract's `shell.*` methods, replacing the core's UNSUPPORTED ones. */
export function createNativeShellHandlers({ media, service, native }: NativeShellDeps): HandlerGroup<ShellMethod> {
  return {
    async 'shell.pickFolder'() {
      return { path: await native.pickFolder() };
    },

    async 'shell.showInFolder'({ id }) {
      const file = await libraryFile(media, id);
      native.showItemInFolder(file.fullPath);
      return null;
    },

    async 'shell.openOriginal'({ id }) {
      const file = await libraryFile(media, id);
      const stat = await fs.promises.stat(file.fullPath);
      const itemType = file.mime.split('/')[0] ?? 'other';
      const reason = executableReason({ name: file.name, mode: stat.mode, mime: file.mime, type: itemType }, native.platform);
      if (reason !== null) throw new FolioError('FORBIDDEN', reason);
      const failure = await native.openPath(file.fullPath);
      if (failure !== '') throw new FolioError('IO_ERROR', `The system could not open the file: ${failure}`);
      return null;
    },

    async 'shell.trashFiles'({ ids }, ctx) {
      // Every file is found and checked before the user is asked, so a bad id changes nothing.
      const files: LibraryFile[] = [];
      for (const id of ids) files.push(await libraryFile(media, id));
      const bin = trashName(native.platform);
      const confirmed = await native.confirm({
        message: files.length === 1 ? `Move "${files[0]?.name}" to the ${bin}?` : `Move ${files.length} files to the ${bin}?`,
        detail: `${listNames(files)}\n\nThe files themselves leave their folders. Folio keeps their items in its own trash.`,
        confirmLabel: `Move to ${bin}`,
      });
      if (!confirmed) throw new FolioError('CANCELLED', 'Nothing was moved to the system trash');
      const moved: number[] = [];
      let failure: unknown;
      for (const file of files) {
        try {
          await native.trashItem(file.fullPath);
          moved.push(file.id);
        } catch (error) {
          failure = error;
          break;
        }
      }
      // What left its folder leaves the library view too; the items stay restorable in Folio's trash.
      if (moved.length > 0) await service.callParsed('media.softDelete', { ids: moved }, ctx);
      if (failure !== undefined) {
        throw new FolioError('IO_ERROR', `Moved ${moved.length} of ${files.length} files to the ${bin}; the next could not be moved`, {
          cause: failure,
        });
      }
      return { trashed: moved.length };
    },
  };
}
