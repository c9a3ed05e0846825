/** Metadata in files: the sidecar setting, "write all", and the metadata export as a download. */
import type { SidecarStatus } from '../../../shared/file-metadata.js';
import { csvHeader, csvLine, jsonEnd, jsonRowsChunk, type ExportFormat } from '../../../shared/metadata-export.js';
import { call } from '../api/client.js';
import { attempt, notify } from './report.js';

export function loadSidecarStatus(): Promise<SidecarStatus | undefined> {
  return attempt('Reading the sidecar status', () => call('sidecars.status', {}));
}

export function setWriteSidecars(on: boolean): Promise<unknown> {
  return attempt(on ? 'Turning on sidecar writing' : 'Turning off sidecar writing', () => call('config.set', { writeSidecars: on }));
}

export function writeAllSidecars(): Promise<unknown> {
  return attempt('Writing every sidecar', () => call('sidecars.writeAll', {}));
}

export function cancelSidecarWrites(): Promise<unknown> {
  return attempt('Cancelling the sidecar writes', () => call('sidecars.cancel', {}));
}

const PAGE = 500;

/** Every item's export row (a page at a time), saved as a file the browser downloads. */
export async function exportMetadata(format: ExportFormat): Promise<void> {
  await attempt('Exporting metadata', async () => {
    const { ids } = await call('media.listIds', { filter: {} });
    const parts: string[] = [format === 'csv' ? csvHeader() : '['];
    for (let start = 0; start < ids.length; start += PAGE) {
      const rows = await call('media.exportMetadata', { ids: ids.slice(start, start + PAGE) });
      parts.push(format === 'csv' ? rows.map(csvLine).join('') : jsonRowsChunk(rows, start));
    }
    if (format === 'json') parts.push(jsonEnd(ids.length));
    const url = URL.createObjectURL(new Blob(parts, { type: format === 'csv' ? 'text/csv' : 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `folio-metadata.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    notify(`Exported ${ids.length.toLocaleString()} items`, `as folio-metadata.${format}`);
  });
}
