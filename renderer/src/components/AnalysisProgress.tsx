import type { AnalysisStatus } from '../../../shared/analysis.js';
import { cancelAnalysis, pauseAnalysis, resumeAnalysis } from '../actions/analysis.js';
import { useStore } from '../store/store.js';

function progressText(status: AnalysisStatus): string {
  const failed = status.failed > 0 ? `, ${status.failed.toLocaleString()} failed` : '';
  const items = `${status.done.toLocaleString()} of ${status.total.toLocaleString()} items${failed}`;
  switch (status.state) {
    case 'running':
      return `Analysing: ${items}`;
    case 'waiting':
      return `Analysis waits for the import: ${items}`;
    case 'paused':
      return `Analysis paused: ${items}`;
    case 'idle':
      return `Analysis done: ${items}`;
  }
}

/** The background analysis in the status bar, apart from an import: progress, pause/resume, cancel. */
export function AnalysisProgress() {
  const status = useStore((s) => s.analysisStatus);
  if (!status || (status.state === 'idle' && status.done === 0)) return null;
  const active = status.state !== 'idle';
  return (
    <div className="import-status analysis-status" role="group" aria-label="Background analysis">
      <span className="import-text" role="status">
        {progressText(status)}
      </span>
      {active && <progress aria-label="Analysis progress" max={Math.max(status.total, 1)} value={status.done} />}
      {status.state === 'paused' ? (
        <button type="button" onClick={() => void resumeAnalysis()}>
          Resume analysis
        </button>
      ) : (
        active && (
          <button type="button" onClick={() => void pauseAnalysis()}>
            Pause analysis
          </button>
        )
      )}
      {active && (
        <button type="button" onClick={() => void cancelAnalysis()}>
          Cancel analysis
        </button>
      )}
    </div>
  );
}
