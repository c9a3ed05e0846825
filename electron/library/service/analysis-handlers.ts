/** The background analysis's methods: status, start, pause, resume, cancel, and its settings. */
import { FolioError } from '../../../shared/errors.js';
import { nowIso } from '../base/clock.js';
import { enqueueDue, enqueueItems, PRIORITY_LIBRARY, PRIORITY_NEW } from '../db/analysis-queue-repo.js';
import { extensionNames, findExtension } from '../extensions/registry.js';
import type { TaggingExtension } from '../extensions/types.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { inTransaction, requireItems, uniqueIds } from './write-helpers.js';

export type AnalysisHandlersMethod =
  | 'analysis.status'
  | 'analysis.start'
  | 'analysis.pause'
  | 'analysis.resume'
  | 'analysis.cancel'
  | 'analysis.settings'
  | 'analysis.setSettings';

/** The extensions named (aliases allowed), each once, or INVALID_ARGUMENT naming the bad one. */
function extensionsNamed(names: readonly string[]): TaggingExtension[] {
  const found = new Map<string, TaggingExtension>();
  names.forEach((name, index) => {
    const extension = findExtension(name);
    if (!extension) {
      throw new FolioError('INVALID_ARGUMENT', `There is no extension "${name}"; available: ${extensionNames().join(', ')}`, { field: `extensions[${index}]` });
    }
    found.set(extension.name, extension);
  });
  return [...found.values()];
}

export function analysisHandlers(lib: LibraryContext): HandlerGroup<AnalysisHandlersMethod> {
  const { db, analysis } = lib;
  return {
    'analysis.status': () => analysis.status(),

    'analysis.start': ({ extensions, scope }) => {
      const chosen = extensionsNamed(extensions ?? analysis.settings().extensions);
      const ids = typeof scope === 'object' ? uniqueIds(scope.ids) : null;
      const now = nowIso();
      analysis.beforeQueueing();
      inTransaction(db, () => {
        if (ids) requireItems(db, ids, 'scope.ids');
        for (const extension of chosen) {
          // Items asked for by id go before a whole-library run's.
          if (scope === 'due') enqueueDue(db, { name: extension.name, version: extension.version }, PRIORITY_LIBRARY, now);
          else enqueueItems(db, ids, extension.name, ids ? PRIORITY_NEW : PRIORITY_LIBRARY, now);
        }
      });
      analysis.resume(); // asking for a run is asking for it to go
      return analysis.status();
    },

    'analysis.pause': () => {
      analysis.pause();
      return analysis.status();
    },
    'analysis.resume': () => {
      analysis.resume();
      return analysis.status();
    },
    'analysis.cancel': () => {
      const removed = analysis.cancel();
      return { ...analysis.status(), removed };
    },

    'analysis.settings': () => {
      const { autoAnalyse, extensions } = analysis.settings();
      return { autoAnalyse, extensions };
    },
    'analysis.setSettings': ({ autoAnalyse, extensions }) =>
      analysis.updateSettings({
        ...(autoAnalyse === undefined ? {} : { autoAnalyse }),
        ...(extensions === undefined ? {} : { extensions: extensionsNamed(extensions).map((extension) => extension.name) }),
      }),
  };
}
