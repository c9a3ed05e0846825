/** The library itself: its info, backups and checks, its folders and imports, its settings and XMP sidecars. */
import { z } from 'zod';
import type { ImportIssue, ImportProgress, LibraryFolder, LibraryInfo } from '../media.js';
import type { BackupInfo, CheckReport } from '../library-check.js';
import type { LibraryConfig, SidecarStatus } from '../file-metadata.js';
import { FolderPath, Id, IdList } from '../schemas.js';
import { method, returns, NoArgs, Page, type MethodSpec } from './method.js';

export const libraryMethods = {
  'library.info': method('read', NoArgs, returns<LibraryInfo>(), 'Where the library is and how much it holds'),
  'library.backup': method('write', NoArgs, returns<BackupInfo>(), "Back up the library now, into its own backups folder (a consistent copy; thumbnails are left out)"),
  'library.check': method('read', NoArgs, returns<CheckReport>(), 'Check the database, the tag counts, the files and the thumbnails'),
  'library.repair': method('write', NoArgs, returns<CheckReport>(), 'Check, then repair what is safe: recount tags, render missing thumbnails again'),
  'folders.list': method('read', NoArgs, returns<LibraryFolder[]>(), 'Library folders with item counts'),
  'folders.remove': method(
    'write',
    z.strictObject({ id: Id }),
    returns<{ id: number; removedItems: number }>(),
    'Forget a folder and its items (the files are not touched)',
  ),
  'import.start': method(
    'write',
    z.strictObject({ path: FolderPath }),
    returns<{ jobId: string; folder: LibraryFolder }>(),
    'Add a folder (recursively) and import it; queued behind a running import',
  ),
  'import.rescan': method(
    'write',
    z.strictObject({ folderIds: IdList.optional() }),
    returns<{ jobId: string }>(),
    'Look for new, changed and missing files in library folders',
  ),
  'import.cancel': method('write', NoArgs, returns<{ cancelled: boolean }>(), 'Cancel the running import'),
  'import.status': method('read', NoArgs, returns<ImportProgress | null>(), 'Progress of the running or last import'),
  'import.issues': method(
    'read',
    z.strictObject({ folderId: Id.optional(), limit: Page.optional() }),
    returns<ImportIssue[]>(),
    'Files the last scans could not record as items, with the reason',
  ),
  'config.get': method('read', NoArgs, returns<LibraryConfig>(), "The library's settings (write-sidecars: edits go to XMP sidecars)"),
  'config.set': method(
    'write',
    z.strictObject({ writeSidecars: z.boolean({ error: 'writeSidecars is true or false' }).optional() }),
    returns<LibraryConfig>(),
    "Change the library's settings; writing sidecars is off until turned on",
  ),
  'sidecars.status': method('read', NoArgs, returns<SidecarStatus>(), 'How far writing XMP sidecars is: pending, failed, written'),
  'sidecars.writeAll': method(
    'write',
    z.strictObject({ turnOn: z.boolean().optional() }),
    returns<{ queued: number }>(),
    "Write every item's sidecar now (needs write-sidecars on; turnOn: true switches it on first)",
  ),
  'sidecars.cancel': method('write', NoArgs, returns<{ cancelled: number }>(), 'Cancel the rest of a "write all" (edits still get written)'),
} as const satisfies Record<string, MethodSpec>;
