import { expect, it } from 'vitest';
import { FIRST_VIEW_WINDOW } from '../../../shared/first-view.js';
import { buildFilter } from '../../../renderer/src/logic/gallery-query.js';
import { WINDOW } from '../../../renderer/src/logic/view-ids.js';
import { useStore } from '../../../renderer/src/store/store.js';

it('the window the library reads ahead is the one a fresh page asks for first', () => {
  const { view, search, sort } = useStore.getState();
  expect(view).toEqual({ kind: 'all' });
  expect(buildFilter(view, search)).toEqual(FIRST_VIEW_WINDOW.filter);
  expect(sort).toEqual(FIRST_VIEW_WINDOW.sort);
  // gallery-data.ts asks for its first two pages of ids.
  expect(FIRST_VIEW_WINDOW.limit).toBe(2 * WINDOW);
});
