import type { ImportProgress } from '../../../shared/media.js';
import type { Slice } from './types.js';

export interface ImportSlice {
  importProgress: ImportProgress | null;
  setImportProgress(progress: ImportProgress | null): void;
}

export const createImportSlice: Slice<ImportSlice> = (set, get) => ({
  importProgress: null,
  setImportProgress: (progress) => {
    const current = get().importProgress;
    // Events can overtake a status poll: never go back to an older count of the same job.
    if (progress && current && progress.jobId === current.jobId && progress.state === 'running' && progress.done < current.done) return;
    set({ importProgress: progress });
  },
});
