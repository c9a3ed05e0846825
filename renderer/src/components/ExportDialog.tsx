import { useEffect, useId, useState, type FormEvent } from 'react';
import { DEFAULT_EXPORT_TEMPLATE, DEFAULT_JPEG_QUALITY, templateProblem, type ExportMode, type ExportProgress } from '../../../shared/file-export.js';
import { isDesktop } from '../api/client.js';
import { cancelExport, loadExportStatus, pickExportFolder, startExport, viewSource } from '../actions/file-export.js';
import { viewTitle } from '../logic/gallery-query.js';
import { useStore } from '../store/store.js';
import { Modal } from './Modal.js';

/** How often the dialog asks how far the export is while it runs. */
const POLL_MS = 400;

const MODES: { mode: ExportMode; label: string }[] = [
  { mode: 'embed', label: 'Copies with the metadata embedded' },
  { mode: 'sidecars', label: 'Untouched copies with XMP sidecars' },
  { mode: 'jpeg', label: 'JPEG renditions' },
];

function Report({ progress }: { progress: ExportProgress }) {
  const verb = progress.state === 'cancelled' ? 'Cancelled after exporting' : 'Exported';
  return (
    <div role="status" aria-label="Export report">
      <p>
        {verb} {progress.exported.toLocaleString()} of {progress.total.toLocaleString()} to {progress.dir}
        {progress.failed > 0 ? `; ${progress.failed.toLocaleString()} failed` : ''}
        {progress.sidecarFallbacks > 0 ? `; ${progress.sidecarFallbacks.toLocaleString()} untouched with a sidecar` : ''}.
      </p>
      {progress.failures.length > 0 && (
        <ul className="export-failures" aria-label="What failed">
          {progress.failures.map((failure) => (
            <li key={failure.id}>
              {failure.name}: {failure.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Export files (issue 15): the selection or what the gallery shows (a search, a tag, an album)
 * to a folder, as copies with the metadata embedded, copies with sidecars, or JPEG renditions,
 * named by a template; then the export's progress with Cancel, and its report.
 */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const selected = useStore((s) => s.selection.selected);
  const view = useStore((s) => s.view);
  const search = useStore((s) => s.search);
  const [source, setSource] = useState<'selection' | 'view'>(selected.size > 0 ? 'selection' : 'view');
  const [dir, setDir] = useState('');
  const [mode, setMode] = useState<ExportMode>('embed');
  const [longEdge, setLongEdge] = useState('2048');
  const [quality, setQuality] = useState(String(DEFAULT_JPEG_QUALITY));
  const [template, setTemplate] = useState(DEFAULT_EXPORT_TEMPLATE);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const dirId = useId();
  const templateId = useId();
  const edgeId = useId();
  const qualityId = useId();
  const running = progress?.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void loadExportStatus().then((next) => {
        if (next) setProgress(next);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running]);
  const problem = templateProblem(template);
  const viewLabel = search.trim() === '' ? viewTitle(view) : `${viewTitle(view)}, search “${search.trim()}”`;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (dir.trim() === '' || problem !== null) return;
    setBusy(true);
    const what = source === 'selection' ? { ids: [...selected] } : viewSource(view, search);
    const jpeg = mode === 'jpeg' ? { longEdge: Number(longEdge), quality: Number(quality) } : {};
    const started = await startExport({ dir: dir.trim(), mode, template, ...what, ...jpeg });
    setBusy(false);
    if (started) setProgress(started);
  };
  return (
    <Modal labelledBy={titleId} onClose={onClose} className="export-dialog">
      <form className="dialog-body" onSubmit={(e) => void submit(e)}>
        <h2 id={titleId}>Export files</h2>
        {progress === null ? (
          <>
            <fieldset>
              <legend>What</legend>
              <label className="checkbox-row">
                <input type="radio" name="export-source" checked={source === 'selection'} disabled={selected.size === 0} onChange={() => setSource('selection')} />{' '}
                The selected {selected.size === 1 ? 'item' : `${selected.size.toLocaleString()} items`}
              </label>
              <label className="checkbox-row">
                <input type="radio" name="export-source" checked={source === 'view'} onChange={() => setSource('view')} /> This view: {viewLabel}
              </label>
            </fieldset>
            <fieldset>
              <legend>As</legend>
              {MODES.map((entry) => (
                <label key={entry.mode} className="checkbox-row">
                  <input type="radio" name="export-mode" checked={mode === entry.mode} onChange={() => setMode(entry.mode)} /> {entry.label}
                </label>
              ))}
              {mode === 'jpeg' && (
                <div className="button-row">
                  <label htmlFor={edgeId}>Long edge (px)</label>
                  <input id={edgeId} type="number" min={16} max={65000} value={longEdge} onChange={(e) => setLongEdge(e.target.value)} />
                  <label htmlFor={qualityId}>Quality</label>
                  <input id={qualityId} type="number" min={1} max={100} value={quality} onChange={(e) => setQuality(e.target.value)} />
                </div>
              )}
            </fieldset>
            <label htmlFor={dirId}>To the folder</label>
            <div className="button-row">
              <input id={dirId} type="text" value={dir} placeholder="/home/you/Export" onChange={(e) => setDir(e.target.value)} />
              {isDesktop && (
                <button type="button" onClick={() => void pickExportFolder().then((picked) => picked && setDir(picked))}>
                  Choose…
                </button>
              )}
            </div>
            <label htmlFor={templateId}>File names</label>
            <input id={templateId} type="text" value={template} aria-invalid={problem !== null} onChange={(e) => setTemplate(e.target.value)} />
            <p className="hint">{problem ?? '{name}, {original}, {date:YYYY-MM-DD}, {counter:3}, {id}, {rating}, {label}. A taken name gets “ (2)”: nothing is overwritten.'}</p>
            <div className="button-row end">
              <button type="button" onClick={onClose}>
                Close
              </button>
              <button type="submit" className="primary" disabled={busy || dir.trim() === '' || problem !== null}>
                Export
              </button>
            </div>
          </>
        ) : (
          <>
            {running ? (
              <>
                <p>
                  Exporting {progress.done.toLocaleString()} of {progress.total.toLocaleString()} to {progress.dir}
                </p>
                <progress aria-label="Exporting files" max={progress.total} value={progress.done} />
              </>
            ) : (
              <Report progress={progress} />
            )}
            <div className="button-row end">
              {running ? (
                <button type="button" onClick={() => void cancelExport().then(loadExportStatus).then((next) => next && setProgress(next))}>
                  Cancel export
                </button>
              ) : (
                <button type="button" className="primary" autoFocus onClick={onClose}>
                  Done
                </button>
              )}
            </div>
          </>
        )}
      </form>
    </Modal>
  );
}
