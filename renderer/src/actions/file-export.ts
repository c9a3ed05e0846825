/** File export (issue 15): start, follow and cancel the library's export job from the dialog. */
import type { ArgsIn } from '../../../shared/contract.js';
import type { ExportProgress } from '../../../shared/file-export.js';
import { call, isDesktop } from '../api/client.js';
import { buildFilter, type GalleryView } from '../logic/gallery-query.js';
import { attempt } from './report.js';

export function startExport(args: ArgsIn<'export.start'>): Promise<ExportProgress | undefined> {
  return attempt('Exporting files', () => call('export.start', args));
}

export function loadExportStatus(): Promise<ExportProgress | null | undefined> {
  return attempt('Reading the export progress', () => call('export.status', {}));
}

export function cancelExport(): Promise<unknown> {
  return attempt('Cancelling the export', () => call('export.cancel', {}));
}

/** Desktop only: the native folder picker; null when cancelled or in browser mode. */
export async function pickExportFolder(): Promise<string | null> {
  if (!isDesktop) return null;
  return (await attempt('open the folder picker', () => call('shell.pickFolder', {})))?.path ?? null;
}

/**
 * What "this view" means to the exporter: an album by its id (narrowed by what is typed in the
 * search box), anything else by the gallery's own filter, so the export holds what is shown.
 */
export function viewSource(view: GalleryView, search: string): Pick<ArgsIn<'export.start'>, 'albumId' | 'filter'> {
  if (view.kind === 'album') return search.trim() === '' ? { albumId: view.id } : { albumId: view.id, filter: { query: search } };
  return { filter: buildFilter(view, search) };
}
