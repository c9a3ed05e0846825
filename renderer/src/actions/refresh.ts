/**
 * What to reload after a change, whether this window made it or the library says another
 * did (REST API, CLI, an import). Changes arriving close together are handled once.
 */
import type { ChangeAspect, LibraryChange } from '../../../shared/events.js';
import { reloadPlan } from '../logic/reload-plan.js';
import { useStore } from '../store/store.js';
import { refreshItems, refreshLibrary, refreshTiles, reloadIds } from './gallery-data.js';

const COALESCE_MS = 120;
// While an import runs, items arrive in a stream of changes; the id list is re-read less often.
const COALESCE_DURING_IMPORT_MS = 600;

let pendingAspects = new Set<ChangeAspect>();
/** null: some change did not list its ids, so everything shown is refreshed. */
let pendingIds: Set<number> | null = new Set();
let timer: ReturnType<typeof setTimeout> | null = null;
const epochListeners = new Set<() => void>();

export function noteChange(change: Pick<LibraryChange, 'aspects' | 'ids'>): void {
  for (const aspect of change.aspects) pendingAspects.add(aspect);
  if (change.ids === undefined) pendingIds = null;
  else if (pendingIds !== null) for (const id of change.ids) pendingIds.add(id);
  const importing = useStore.getState().importProgress?.state === 'running';
  timer ??= setTimeout(() => void flush(), importing ? COALESCE_DURING_IMPORT_MS : COALESCE_MS);
}

/** Listeners for "the library changed" (tag summaries and other locally fetched views). */
export function onLibraryChanged(listener: () => void): () => void {
  epochListeners.add(listener);
  return () => {
    epochListeners.delete(listener);
  };
}

async function flush(): Promise<void> {
  timer = null;
  const plan = reloadPlan(pendingAspects, pendingIds === null ? undefined : [...pendingIds]);
  pendingAspects = new Set();
  pendingIds = new Set();
  const work: Promise<void>[] = [];
  if (plan.ids) work.push(reloadIds());
  if (plan.tiles) work.push(refreshTiles(plan.only));
  if (plan.items) work.push(refreshItems(plan.only));
  if (plan.library) work.push(refreshLibrary());
  await Promise.all(work);
  for (const listener of [...epochListeners]) listener();
}
