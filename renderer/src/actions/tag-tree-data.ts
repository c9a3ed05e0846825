/** Reads the whole tag vocabulary (the sidebar's tree, the tag manager, chip colours). */
import { call } from '../api/client.js';
import { useStore } from '../store/store.js';
import { reportError } from './report.js';

/** The latest read asked for: an answer to an older one that comes in after it is dropped. */
let latestRead = 0;

export async function refreshTagTree(): Promise<void> {
  // Several changes in a row (a drag, then a rename) each ask for the tree; their answers may
  // come back in any order, and the last one applied must be the newest, or the page keeps an
  // older tree (the chips showed a moved tag at its old path) until the next change.
  latestRead += 1;
  const read = latestRead;
  try {
    const nodes = await call('tags.tree', {});
    if (read === latestRead) useStore.getState().setTagNodes(nodes);
  } catch (error) {
    if (read === latestRead) reportError(error, 'load the tag tree');
  }
}
