/**
 * actions/undo.ts over the edits that record their inverse (actions/edit-items.ts,
 * actions/edit-tags.ts): undo puts the library back as it was, redo does the edit again, a failed
 * step is dropped with a message, and steps never interleave. The server and library are real.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { trashItems, updateItem } from '../../../../renderer/src/actions/edit-items.js';
import { editTags } from '../../../../renderer/src/actions/edit-tags.js';
import { redo, undo } from '../../../../renderer/src/actions/undo.js';
import { useStore } from '../../../../renderer/src/store/store.js';
import { testContext } from '../../../helpers/temp-library.js';
import { pageAgainstServer, type PageAgainstServer } from './page-against-server.js';

const initial = useStore.getState();
let page: PageAgainstServer;
let a: number;
let b: number;

beforeAll(async () => {
  page = await pageAgainstServer(['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg']);
  a = page.idOf('Canon_40D.jpg');
  b = page.idOf('Nikon_D70.jpg');
});
afterAll(async () => page.close());
beforeEach(() => useStore.setState(initial, true));

/** What the library says now, read past the page. */
const stored = (id: number) => page.server.library.service.call('media.get', { id }, testContext());
const toastTitles = () => useStore.getState().toasts.map((toast) => toast.title);
const history = () => useStore.getState().history;

describe('undo and redo', () => {
  it('a field edit: undo writes the previous value back, redo the new one', async () => {
    const before = (await stored(a)).name;
    await updateItem(a, { name: 'Garden', description: 'Spring' });
    expect(await stored(a)).toMatchObject({ name: 'Garden', description: 'Spring' });
    await undo();
    expect(await stored(a)).toMatchObject({ name: before, description: '' });
    expect(useStore.getState().items.get(a)?.name).toBe(before);
    expect(toastTitles()).toContain(`Undid: Edit name, description of “${before}”`);
    await redo();
    expect(await stored(a)).toMatchObject({ name: 'Garden', description: 'Spring' });
    expect(history().past).toHaveLength(1);
    expect(history().future).toHaveLength(0);
  });

  it('a tag edit on several items: undo takes off exactly what it added', async () => {
    await editTags([b], ['kept'], []);
    await editTags([a, b], ['trip', 'kept'], []);
    expect((await stored(a)).tags).toEqual(['kept', 'trip']);
    await undo();
    // b had "kept" before the edit, so undo leaves it there.
    expect((await stored(a)).tags).toEqual([]);
    expect((await stored(b)).tags).toEqual(['kept']);
    await redo();
    expect((await stored(a)).tags).toEqual(['kept', 'trip']);
    expect((await stored(b)).tags).toEqual(['kept', 'trip']);
  });

  it('moving to the trash: undo restores, redo moves it again', async () => {
    await trashItems([b]);
    expect((await stored(b)).status).toBe('deleted');
    await undo();
    expect((await stored(b)).status).toBe('active');
    await redo();
    expect((await stored(b)).status).toBe('deleted');
    await undo();
    expect((await stored(b)).status).toBe('active');
  });

  it('an undo that cannot run any more (the item is gone) is dropped with a message', async () => {
    await updateItem(b, { description: 'soon gone' });
    await page.elsewhere('media.softDelete', { ids: [b] });
    await page.elsewhere('trash.empty', {});
    await undo();
    expect(history()).toEqual({ past: [], future: [] });
    expect(useStore.getState().toasts.some((toast) => toast.kind === 'error')).toBe(true);
  });

  it('a second press while one step runs does nothing; with nothing left it says so', async () => {
    await updateItem(a, { description: 'first' });
    await updateItem(a, { description: 'second' });
    await Promise.all([undo(), undo()]);
    expect((await stored(a)).description).toBe('first');
    expect(history().past).toHaveLength(1);
    await undo();
    await undo();
    expect(toastTitles()).toContain('Nothing to undo');
  });
});
