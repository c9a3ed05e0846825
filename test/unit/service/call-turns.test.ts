import { expect, it } from 'vitest';
import { sidebarTurn } from '../../../electron/library/service/call-turns.js';
import { SIDEBAR_METHODS } from '../../../shared/sidebar-calls.js';

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // holds the thread, as a sidebar count does
  }
}

it('gives each sidebar call its own turn, so something that arrives meanwhile runs between two', async () => {
  const order: string[] = [];
  const calls = ['folders', 'tags', 'info'].map((name) =>
    sidebarTurn().then(() => {
      order.push(name);
      // What arrives while the first one runs (a timer here; a request's socket in the server).
      if (name === 'folders') setTimeout(() => order.push('gallery'), 0);
      busy(5);
    }),
  );
  await Promise.all(calls);
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(order.indexOf('gallery')).toBeGreaterThan(0);
  expect(order.indexOf('gallery')).toBeLessThan(order.indexOf('info'));
  expect(order.filter((name) => name !== 'gallery')).toEqual(['folders', 'tags', 'info']);
});

it('holds back the sidebar and status calls, never the gallery’s windows and tiles', () => {
  expect(SIDEBAR_METHODS.has('media.sortBuckets')).toBe(true);
  expect(SIDEBAR_METHODS.has('folders.list')).toBe(true);
  expect(SIDEBAR_METHODS.has('media.listIdsWindow')).toBe(false);
  expect(SIDEBAR_METHODS.has('media.tiles')).toBe(false);
});
