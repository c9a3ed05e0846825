/** The background analysis from the window: its status, start, pause, resume, cancel, settings. */
import type { AnalysisSettings, AnalysisStatus } from '../../../shared/analysis.js';
import { call } from '../api/client.js';
import { useStore } from '../store/store.js';
import { attempt } from './report.js';

function show(status: AnalysisStatus | undefined): void {
  if (status) useStore.getState().setAnalysisStatus(status);
}

export async function loadAnalysisStatus(): Promise<void> {
  show(await attempt('read the analysis status', () => call('analysis.status', {})));
}

/** "Analyse the whole library": every item not analysed yet by the chosen extensions (or by an older model). */
export async function analyseLibrary(): Promise<void> {
  show(await attempt('start the analysis', () => call('analysis.start', { scope: 'due' })));
}

export async function pauseAnalysis(): Promise<void> {
  show(await attempt('pause the analysis', () => call('analysis.pause', {})));
}

export async function resumeAnalysis(): Promise<void> {
  show(await attempt('resume the analysis', () => call('analysis.resume', {})));
}

export async function cancelAnalysis(): Promise<void> {
  show(await attempt('cancel the analysis', () => call('analysis.cancel', {})));
}

export async function changeAnalysisSettings(patch: Partial<AnalysisSettings>): Promise<void> {
  const settings = await attempt('change the analysis settings', () => call('analysis.setSettings', patch));
  if (settings) await loadAnalysisStatus();
}
