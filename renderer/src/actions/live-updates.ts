/**
 * Keeps the window in step with the library: import progress, and changes made anywhere
 * (this window, another window, the REST API, the CLI). After the event stream reconnects
 * everything shown is reloaded, since events may have been missed meanwhile.
 */
import { CHANGE_ASPECTS } from '../../../shared/events.js';
import { on, onConnectionChange } from '../api/client.js';
import { useStore } from '../store/store.js';
import { loadImportStatus } from './importing.js';
import { noteChange } from './refresh.js';
import { loadAnalysisStatus } from './analysis.js';

export function startLiveUpdates(): () => void {
  let wasDown = false;
  const stops = [
    on('import.progress', (progress) => {
      const before = useStore.getState().importProgress;
      useStore.getState().setImportProgress(progress);
      if (progress.state !== 'running' && before?.state === 'running') noteChange({ aspects: ['folders'] });
    }),
    on('library.changed', (change) => noteChange(change)),
    on('analysis.progress', (status) => useStore.getState().setAnalysisStatus(status)),
    onConnectionChange((connected) => {
      if (!connected) {
        wasDown = true;
        return;
      }
      if (wasDown) {
        wasDown = false;
        noteChange({ aspects: [...CHANGE_ASPECTS] });
        void loadImportStatus();
        void loadAnalysisStatus();
      }
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
