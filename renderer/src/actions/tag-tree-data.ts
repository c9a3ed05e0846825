/** Reads the whole tag vocabulary (the sidebar's tree, the tag manager, chip colours). */
import { call } from '../api/client.js';
import { useStore } from '../store/store.js';
import { reportError } from './report.js';

/** Reads are numbered as they are asked for; `applied` is the newest whose answer is in the store. */
let asked = 0;
let applied = 0;

export async function refreshTagTree(): Promise<void> {
  // Several changes in a row (a drag, then a rename) each ask for the tree, and their answers
  // may come back in any order: an answer older than the one already applied is dropped, or the
  // page would keep an older tree (the chips showed a moved tag at its old path). Any other
  // answer is applied, so a caller that awaits its read finds at least that tree in the store.
  asked += 1;
  const read = asked;
  try {
    const nodes = await call('tags.tree', {});
    if (read < applied) return;
    applied = read;
    useStore.getState().setTagNodes(nodes);
  } catch (error) {
    reportError(error, 'load the tag tree');
  }
}
