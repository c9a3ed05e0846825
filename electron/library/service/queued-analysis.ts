/**
 * What the background analysis does with one queued item: the same run as `media.autoTag`
 * (each extension's defaults for maxTags and minConfidence), its results written and the item
 * taken off the queue in one transaction, so a crash between the two cannot lose or repeat work.
 */
import type { NextAnalysis } from '../db/analysis-queue-repo.js';
import { dequeue } from '../db/analysis-queue-repo.js';
import { findExtension } from '../extensions/registry.js';
import { chooseExtensions, runExtensions, writeOutcomes } from './auto-tag.js';
import type { LibraryContext } from './types.js';
import { emitChange, inTransaction } from './write-helpers.js';

/** Who the background analysis's changes are from, in events and "updated by". */
export const ANALYSIS_ACTOR = 'background analysis';

export function queuedAnalysis(lib: Pick<LibraryContext, 'db' | 'events' | 'paths' | 'options'>) {
  const { db, events, paths, options } = lib;
  const env = { paths, pixelLimit: options.pixelLimit, decodeTimeoutSeconds: options.decodeTimeoutSeconds };
  return async (next: NextAnalysis): Promise<{ failed: boolean }> => {
    // A name no extension answers any more (removed in a later version) just leaves the queue.
    const chosen = chooseExtensions(next.extensions.filter((name) => findExtension(name) !== undefined).map((name) => ({ name })));
    const outcomes = await runExtensions(db, [next.mediaId], chosen, env);
    const written = inTransaction(db, () => {
      const ids = writeOutcomes(db, outcomes);
      dequeue(db, next.mediaId, next.extensions);
      return ids;
    });
    if (written.length > 0) emitChange(events, ['aiTags'], ANALYSIS_ACTOR, written);
    return { failed: outcomes.some(({ outcome }) => outcome.status === 'failed') };
  };
}
