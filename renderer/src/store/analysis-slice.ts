import type { AnalysisStatus } from '../../../shared/analysis.js';
import type { Slice } from './types.js';

/** The background analysis's progress and settings, shown apart from an import's. */
export interface AnalysisSlice {
  analysisStatus: AnalysisStatus | null;
  setAnalysisStatus(status: AnalysisStatus | null): void;
}

export const createAnalysisSlice: Slice<AnalysisSlice> = (set) => ({
  analysisStatus: null,
  setAnalysisStatus: (analysisStatus) => set({ analysisStatus }),
});
