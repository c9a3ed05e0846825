/** Reads the whole tag vocabulary (the sidebar's tree, the tag manager, chip colours). */
import { call } from '../api/client.js';
import { useStore } from '../store/store.js';
import { reportError } from './report.js';

export async function refreshTagTree(): Promise<void> {
  try {
    useStore.getState().setTagNodes(await call('tags.tree', {}));
  } catch (error) {
    reportError(error, 'load the tag tree');
  }
}
