/** The background analysis over REST: its progress, start/pause/resume/cancel, and its settings. */
import { contract } from '../../../../shared/contract.js';
import { callApi } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import { readObjectBody } from './request-body.js';

/** Pause, resume and cancel take no body (one sent is ignored). */
function control(method: 'analysis.pause' | 'analysis.resume' | 'analysis.cancel', operationId: string, summary: string, description: string): ApiRoute {
  return {
    method: 'POST',
    path: `/api/analysis/${method.slice('analysis.'.length)}`,
    doc: {
      operationId,
      tag: 'media',
      summary,
      description,
      result: method === 'analysis.cancel' ? 'AnalysisCancelled' : 'AnalysisStatus',
      examples: { [operationId]: { summary, status: 200 } },
    },
    handle: (_request, _params, api) => callApi(api, method, {}),
  };
}

export const analysisRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/analysis',
    doc: {
      operationId: 'analysisStatus',
      tag: 'media',
      summary: 'The background analysis’s progress',
      description:
        '`state` is `idle`, `running`, `waiting` (an import runs; analysis goes on after it) or `paused`; `queued` items are left, `done` (of which `failed`) finished since the run began, `current` is the item in hand.',
      result: 'AnalysisStatus',
      examples: { status: { summary: 'Where the analysis is', status: 200 } },
    },
    handle: (_request, _params, api) => callApi(api, 'analysis.status', {}),
  },
  {
    method: 'POST',
    path: '/api/analysis/start',
    doc: {
      operationId: 'startAnalysis',
      tag: 'media',
      summary: 'Analyse the library (or some items) in the background',
      description:
        '`scope`: `due` (the default: items never analysed by the extension, analysed by an older model version, or whose file changed), `all` (every item again), or `{ "ids": [...] }`. `extensions` defaults to the settings’ list. One item at a time, after any running import; the queue survives a restart.',
      body: { name: 'AnalysisStartBody', schema: contract['analysis.start'].args },
      result: 'AnalysisStatus',
      examples: {
        due: { summary: 'Local analysis of every item not analysed yet', body: { extensions: ['local-analysis'], scope: 'due' }, status: 200 },
        unknown: { summary: 'An extension that does not exist', body: { extensions: ['no-such-extension'] }, status: 400 },
      },
    },
    handle: async (request, _params, api) => callApi(api, 'analysis.start', await readObjectBody(request)),
  },
  {
    method: 'GET',
    path: '/api/analysis/settings',
    doc: {
      operationId: 'analysisSettings',
      tag: 'media',
      summary: 'Whether new items are analysed automatically, and by which extensions',
      description: '`autoAnalyse` is off in a new library.',
      result: 'AnalysisSettings',
      examples: { settings: { summary: 'The settings', status: 200 } },
    },
    handle: (_request, _params, api) => callApi(api, 'analysis.settings', {}),
  },
  {
    method: 'PUT',
    path: '/api/analysis/settings',
    doc: {
      operationId: 'setAnalysisSettings',
      tag: 'media',
      summary: 'Switch "Analyse new items automatically" and choose its extensions',
      description: 'Switching it on queues the items that are due now. Either field may be left out, not both.',
      body: { name: 'AnalysisSettingsBody', schema: contract['analysis.setSettings'].args },
      result: 'AnalysisSettings',
      examples: {
        extensions: { summary: 'Analyse with local-analysis and places', body: { extensions: ['local-analysis', 'places'] }, status: 200 },
        empty: { summary: 'Neither field', body: {}, status: 400 },
      },
    },
    handle: async (request, _params, api) => callApi(api, 'analysis.setSettings', await readObjectBody(request)),
  },
  control('analysis.pause', 'pauseAnalysis', 'Pause the background analysis', 'After the item in hand; it stays paused across a restart until resumed or started again.'),
  control('analysis.resume', 'resumeAnalysis', 'Resume the background analysis', 'Goes on with the queue where it was paused.'),
  control('analysis.cancel', 'cancelAnalysis', 'Empty the background analysis queue', 'The item in hand finishes; `removed` counts the queue rows taken off (one per item and extension).'),
];
