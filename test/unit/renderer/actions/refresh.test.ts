/**
 * actions/refresh.ts: a change event arrives (here straight from the real library's emitter, as
 * the page's event stream would deliver it) and the store shows the library as it now is,
 * reloading only what the aspects call for. The server, library and files are real.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANGE_ASPECTS } from '../../../../shared/events.js';
import { loadItems, refreshLibrary, reloadIds, wantTiles } from '../../../../renderer/src/actions/gallery-data.js';
import { noteChange, onLibraryChanged } from '../../../../renderer/src/actions/refresh.js';
import { useStore } from '../../../../renderer/src/store/store.js';
import { pageAgainstServer, type PageAgainstServer } from './page-against-server.js';

const FILES = ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg', 'jpg/Pentax_K10D.jpg'];
const initial = useStore.getState();
let page: PageAgainstServer;
let a: number;
let b: number;

beforeAll(async () => {
  page = await pageAgainstServer(FILES);
  a = page.idOf('Canon_40D.jpg');
  b = page.idOf('Nikon_D70.jpg');
  // What the page's live updates do with every event from the server.
  page.server.library.events.on('library.changed', (change) => noteChange(change));
});
afterAll(async () => page.close());

/** The page as it looks once open: the list, its tiles, one item in the panel, the sidebar. */
beforeEach(async () => {
  useStore.setState(initial, true);
  await reloadIds();
  wantTiles(useStore.getState().ids.slice(0, FILES.length - 1));
  await vi.waitFor(() => expect(useStore.getState().tiles.size).toBe(FILES.length));
  await loadItems([a]);
  await refreshLibrary();
  page.calls.length = 0;
});

const state = () => useStore.getState();
/** Waits until the change has been applied: the listeners run after every reload finished. */
function nextRefresh(): Promise<void> {
  return new Promise((resolve) => {
    const stop = onLibraryChanged(() => {
      stop();
      resolve();
    });
  });
}

describe('reloading after a change', () => {
  it('a PATCH of name and tags elsewhere shows the new name on the tile and the tags in the panel and sidebar', async () => {
    const done = nextRefresh();
    await page.elsewhere('media.update', { id: a, patch: { name: 'Harbour', tags: ['sea', 'boats'] } });
    await done;
    expect(state().tiles.get(a)?.name).toBe('Harbour');
    expect(state().items.get(a)).toMatchObject({ name: 'Harbour', tags: ['boats', 'sea'] });
    expect(state().tags.map((tag) => tag.name).sort()).toEqual(['boats', 'sea']);
  });

  it('a rename redraws the tile and re-reads the list, but leaves the sidebar alone', async () => {
    const tileOfB = state().tiles.get(b);
    const done = nextRefresh();
    await page.elsewhere('media.rename', { id: a, name: 'Renamed' });
    await done;
    expect(state().tiles.get(a)?.name).toBe('Renamed');
    expect(state().tiles.get(b)).toBe(tileOfB);
    expect(page.calls.sort()).toEqual(['media.getMany', 'media.listIdsWindow', 'media.tiles']);
  });

  it('a tag edit updates the panel, the sidebar counts and the tiles of those items (their tag chips)', async () => {
    const before = state().tiles.get(a)?.tagCount ?? 0;
    const done = nextRefresh();
    await page.elsewhere('media.editTags', { ids: [a, b], add: ['trip'] });
    await done;
    expect(state().items.get(a)?.tags).toContain('trip');
    const trip = state().tags.find((tag) => tag.name === 'trip');
    expect(trip?.count).toBe(2);
    expect(page.calls).toContain('media.tiles');
    expect(state().tiles.get(a)?.tagCount).toBe(before + 1);
  });

  it('moving to the trash takes the item out of the list and counts it in the sidebar', async () => {
    const done = nextRefresh();
    await page.elsewhere('media.softDelete', { ids: [b] });
    await done;
    expect(state().ids.has(b)).toBe(false);
    expect(state().info?.trashCount).toBe(1);
    const back = nextRefresh();
    await page.elsewhere('media.restore', { ids: [b] });
    await back;
    expect(state().ids.has(b)).toBe(true);
    expect(state().info?.trashCount).toBe(0);
  });

  it('changes close together are applied once', async () => {
    const done = nextRefresh();
    await page.elsewhere('media.rename', { id: a, name: 'One' });
    await page.elsewhere('media.rename', { id: b, name: 'Two' });
    await page.elsewhere('media.update', { id: a, patch: { description: 'Three' } });
    await done;
    expect(page.calls.filter((method) => method === 'media.tiles')).toHaveLength(1);
    expect(page.calls.filter((method) => method === 'media.getMany')).toHaveLength(1);
    expect([state().tiles.get(a)?.name, state().tiles.get(b)?.name]).toEqual(['One', 'Two']);
    expect(state().items.get(a)?.description).toBe('Three');
  });

  it('a change without ids (another process) refreshes every tile and item shown', async () => {
    // Written behind the page's back and not announced, as another process's commit is...
    page.server.library.db.prepare(`UPDATE media SET name = 'Quietly renamed' WHERE id = ?`).run(b);
    await loadItems([b]);
    // ...until the watch of PRAGMA data_version says something changed, not what.
    const done = nextRefresh();
    noteChange({ aspects: [...CHANGE_ASPECTS] });
    await done;
    expect(state().tiles.get(b)?.name).toBe('Quietly renamed');
    expect(state().items.get(b)?.name).toBe('Quietly renamed');
    expect(page.calls).toEqual(expect.arrayContaining(['media.listIdsWindow', 'media.tiles', 'media.getMany', 'tags.list', 'folders.list', 'library.info']));
  });
});
