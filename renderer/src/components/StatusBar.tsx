import type { ImportProgress } from '../../../shared/media.js';
import { cancelImport } from '../actions/importing.js';
import { selectionCount } from '../logic/selection.js';
import { useStore } from '../store/store.js';
import { AnalysisProgress } from './AnalysisProgress.js';
import { SidecarStatusLine } from './SidecarStatusLine.js';

function progressText(p: ImportProgress): string {
  const errors = p.errors > 0 ? `, ${p.errors} ${p.errors === 1 ? 'error' : 'errors'}` : '';
  const files = `${p.done.toLocaleString()} of ${p.total.toLocaleString()}${p.scanning ? '+' : ''} files`;
  switch (p.state) {
    case 'running':
      return `Importing: ${files}${errors}`;
    case 'done':
      return `Import finished: ${p.done.toLocaleString()} files${errors}`;
    case 'cancelled':
      return `Import cancelled after ${files}${errors}`;
    case 'failed':
      return `Import failed${p.message ? `: ${p.message}` : ''}`;
  }
}

function ImportStatus({ progress }: { progress: ImportProgress }) {
  const running = progress.state === 'running';
  return (
    <div className="import-status">
      <span className="import-text" role="status">
        {progressText(progress)}
      </span>
      {running && (
        <progress
          aria-label="Import progress"
          max={Math.max(progress.total, 1)}
          value={progress.scanning && progress.total === 0 ? undefined : progress.done}
        />
      )}
      {running && progress.currentFile && (
        <span className="import-file" title={progress.currentFile}>
          {progress.currentFile}
        </span>
      )}
      {running && (
        <button type="button" onClick={() => void cancelImport()}>
          Cancel import
        </button>
      )}
    </div>
  );
}

/** Counts on the left, the import's progress on the right. */
export function StatusBar() {
  const count = useStore((s) => s.ids.length);
  const selected = useStore((s) => selectionCount(s.selection, s.ids.length));
  const progress = useStore((s) => s.importProgress);
  return (
    <footer className="statusbar">
      <span>
        {count.toLocaleString()} {count === 1 ? 'item' : 'items'}
        {selected > 0 ? ` · ${selected.toLocaleString()} selected` : ''}
      </span>
      <SidecarStatusLine />
      {progress && <ImportStatus progress={progress} />}
      <AnalysisProgress />
    </footer>
  );
}
