/** What only the desktop shell does (a native dialog, the OS trash), and file export. */
import { z } from 'zod';
import { ExportFilesArgs, type ExportProgress } from '../file-export.js';
import { Id, IdList } from '../schemas.js';
import { method, returns, NoArgs, type MethodSpec } from './method.js';

export const shellExportMethods = {
  'shell.pickFolder': method('read', NoArgs, returns<{ path: string | null }>(), 'Native folder picker', true),
  'shell.showInFolder': method('read', z.strictObject({ id: Id }), returns<null>(), 'Reveal the file', true),
  'shell.openOriginal': method('read', z.strictObject({ id: Id }), returns<null>(), 'Open in the default app', true),
  'shell.trashFiles': method(
    'write',
    z.strictObject({ ids: IdList, confirmed: z.literal(true) }),
    returns<{ trashed: number }>(),
    'Move the files themselves to the system trash (explicit, confirmed request only)',
    true,
  ),
  // Issue 15, file export: copies with metadata embedded, with sidecars, or JPEG renditions.
  'export.start': method('write', ExportFilesArgs, returns<ExportProgress>(), 'Export items, an album or a search to a folder, in the background (one export at a time)'),
  'export.status': method('read', NoArgs, returns<ExportProgress | null>(), 'Progress of the running or last export, with what failed and why'),
  'export.cancel': method('write', NoArgs, returns<{ cancelled: boolean }>(), 'Cancel the running export (files already placed stay, whole)'),
} as const satisfies Record<string, MethodSpec>;
