/** Reads the whole tag vocabulary (the sidebar's tree, the tag manager, chip colours). */
import { call } from '../api/client.js';
import { useStore } from '../store/store.js';
import { ReadOrder } from '../logic/read-order.js';
import { reportError } from './report.js';

/** Several changes in a row (a drag, then a rename) each ask for the tree. */
const reads = new ReadOrder();

export async function refreshTagTree(): Promise<void> {
  const read = reads.ask();
  try {
    const nodes = await call('tags.tree', {});
    if (!reads.fresh(read)) return;
    useStore.getState().setTagNodes(nodes);
  } catch (error) {
    reportError(error, 'load the tag tree');
  }
}
