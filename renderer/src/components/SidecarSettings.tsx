import { useCallback, useEffect, useState } from 'react';
import type { SidecarStatus } from '../../../shared/file-metadata.js';
import { cancelSidecarWrites, exportMetadata, loadSidecarStatus, setWriteSidecars, writeAllSidecars } from '../actions/metadata-files.js';
import { ExportDialog } from './ExportDialog.js';

/** How often the sidebar asks how far the writer is while it has work. */
const POLL_MS = 1_000;

/**
 * Metadata in files, in the sidebar: the library's "Write metadata to XMP sidecars" switch,
 * "Write all now" with its progress and cancel, and the metadata export (the status bar shows
 * what is still to write and the last failure).
 */
export function SidecarSettings() {
  const [status, setStatus] = useState<SidecarStatus | null>(null);
  const [allTotal, setAllTotal] = useState(0);
  const [exporting, setExporting] = useState(false);
  const refresh = useCallback(async () => {
    const next = await loadSidecarStatus();
    if (next) setStatus(next);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const busy = status !== null && status.enabled && status.pending > 0;
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [busy, refresh]);
  if (status === null) return null;
  const writingAll = status.pendingAll > 0;
  return (
    <div className="side-maintenance" role="group" aria-label="Metadata in files">
      <label className="checkbox-row">
        <input
          type="checkbox"
          checked={status.enabled}
          onChange={(event) => {
            // Shown at once; the library's answer follows (and corrects it if the change failed).
            setStatus({ ...status, enabled: event.target.checked });
            void setWriteSidecars(event.target.checked).then(refresh);
          }}
        />{' '}
        Write metadata to XMP sidecars
      </label>
      {status.enabled && (
        <button
          type="button"
          className="side-action"
          disabled={writingAll}
          title="Write the sidecar of every item now (tags, rating, label, flag, name, description, focus area)"
          onClick={() => {
            setAllTotal(status.pending);
            void writeAllSidecars()
              .then(refresh)
              .then(() => loadSidecarStatus())
              .then((next) => setAllTotal(next?.pendingAll ?? 0));
          }}
        >
          Write all now
        </button>
      )}
      {writingAll && (
        <>
          <progress aria-label="Writing sidecars" max={Math.max(allTotal, status.pendingAll)} value={Math.max(allTotal, status.pendingAll) - status.pendingAll} />
          <button type="button" className="side-action" onClick={() => void cancelSidecarWrites().then(refresh)}>
            Cancel writing
          </button>
        </>
      )}
      <button type="button" className="side-action" title="The selection or this view, to a folder: copies with metadata, with sidecars, or JPEGs" onClick={() => setExporting(true)}>
        Export files…
      </button>
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
      <button type="button" className="side-action" onClick={() => void exportMetadata('csv')}>
        Export metadata (CSV)
      </button>
      <button type="button" className="side-action" onClick={() => void exportMetadata('json')}>
        Export metadata (JSON)
      </button>
    </div>
  );
}
