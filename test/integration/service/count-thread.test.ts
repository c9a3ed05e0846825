/**
 * The scrubber's counts of a large library run on the count thread (its own read-only
 * connection), so the library's thread answers the gallery's windows while a count is out, and
 * the counts are those the library's thread would have made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../shared/args.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { COUNT_THREAD_FROM_ITEMS } from '../../../electron/library/service/thread-buckets.js';
import { CountThread } from '../../../electron/library/service/count-thread.js';
import { countViewBuckets } from '../../../electron/library/service/view-buckets.js';
import { countThreadOf } from '../../../electron/library/service/count-thread.js';
import { countMatching, listPage } from '../../../electron/library/db/media-list-query.js';
import { driverFor, resolveList } from '../../../electron/library/service/list-request.js';
import { COLUMN_COUNT_FROM_ITEMS, columnQuestion, listFromColumns } from '../../../electron/library/service/view-count.js';
import { viewPositionsOf, walkHere, type PlannedWindow } from '../../../electron/library/service/view-positions.js';
import { walkOnColumns } from '../../../electron/library/service/column-window.js';

const ITEMS = COUNT_THREAD_FROM_ITEMS + 10_000;
let t: TempLibrary;
let tag: string;

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

beforeAll(() => {
  t = openTempLibrary();
  tag = generateLargeLibrary(t.library.db, `${t.dir}/photos`, ITEMS, 40).tagNames[1] as string;
}, 120_000);
afterAll(async () => t.dispose());

const SORT = { field: 'takenAt', direction: 'desc' } as const;

describe('the count thread', () => {
  it('answers the scrubber while the library thread serves a window meanwhile, with the same counts', async () => {
    const filter = { tagsAll: [tag] };
    let countDone = false;
    const counting = call('media.sortBuckets', { filter, sort: SORT }).then((answer) => {
      countDone = true;
      return answer;
    });
    const window = await call('media.listIdsWindow', { filter, sort: SORT, offset: 0, limit: 200 });
    // The window came back while the count was still out: nothing on this thread waited for it.
    expect(countDone).toBe(false);
    expect(window.ids).toHaveLength(200);
    const answer = await counting;
    expect(answer).toEqual(countViewBuckets(t.library.db, filter, SORT));
    expect(answer.total).toBe(window.total);
  });

  it('keeps the thread’s counts for the view: asked again, and a far jump, need no count', async () => {
    const filter = { type: ['image' as const] };
    const answer = await call('media.sortBuckets', { filter, sort: SORT });
    const positions = viewPositionsOf(t.library.db);
    expect(positions.knownBuckets(filter, SORT)).toEqual(answer);
    expect(await call('media.sortBuckets', { filter, sort: SORT })).toBe(answer);
    const middle = Math.floor(answer.total / 2);
    const jump = await call('media.listIdsWindow', { filter, sort: SORT, offset: middle, limit: 10 });
    const { ids } = await call('media.listIds', { filter, sort: SORT });
    expect(jump.ids).toEqual(ids.slice(middle, middle + 10));
  });

  it('a far jump into a view not counted yet seeks from the thread’s counts, and keeps them', async () => {
    // As the service holds it after parsing the arguments (the view cache is keyed by that form).
    const { filter } = parseArgs('media.sortBuckets', { filter: { type: ['video', 'image'], tagsNone: [tag] }, sort: SORT });
    const positions = viewPositionsOf(t.library.db);
    const { ids } = await call('media.listIds', { filter, sort: SORT });
    expect(positions.knownBuckets(filter, SORT)).toBeNull();
    const far = Math.floor(ids.length / 2);
    expect(far).toBeGreaterThan(20_000);
    expect(positions.windowNeedsBuckets(filter, SORT, far, 20)).toBe(true);
    const jump = await call('media.listIdsWindow', { filter, sort: SORT, offset: far, limit: 20 });
    expect(jump.ids).toEqual(ids.slice(far, far + 20));
    expect(positions.knownBuckets(filter, SORT)).toEqual(countViewBuckets(t.library.db, filter, SORT));
  });

  it('shares one count between two asks of the same view at the same moment', async () => {
    const thread = new CountThread(t.library.paths.database);
    try {
      const filter = { tagsNone: [tag] };
      const first = thread.buckets(filter, SORT, 'v1');
      const second = thread.buckets(filter, SORT, 'v1');
      expect(second).toBe(first);
      expect(await first).toEqual(countViewBuckets(t.library.db, filter, SORT));
    } finally {
      await thread.close();
    }
  });

  it('never keeps a count made before a change: the next ask counts the changed library', async () => {
    const filter = { tagsAll: [tag], type: ['image' as const] };
    const before = await call('media.sortBuckets', { filter, sort: SORT });
    const { ids } = await call('media.listIdsWindow', { filter, sort: SORT, offset: 0, limit: 3 });
    await call('media.softDelete', { ids });
    const after = await call('media.sortBuckets', { filter, sort: SORT });
    expect(after.total).toBe(before.total - 3);
    expect(after).toEqual(countViewBuckets(t.library.db, filter, SORT));
  });

  it('says a bad query at once, as the library thread would', async () => {
    await expect(call('media.sortBuckets', { filter: { query: 'tag:(' }, sort: SORT })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('counts a large view of a tag and cube fields from its item columns once built, through every change', async () => {
    const db = t.library.db;
    const common = db.prepare(`SELECT name FROM tags ORDER BY item_count DESC LIMIT 1`).pluck().get() as string;
    const filter = { query: `(rating:0 OR flag:pick) -label:purple taken:2010..2022 -type:video tag:"${common}"` };
    const listed = () => {
      const resolved = resolveList(db, filter, SORT, undefined)!;
      return countMatching(db, resolved.spec, driverFor(db, resolved, null));
    };
    const resolved = resolveList(db, filter, SORT, undefined)!;
    expect(Math.min(...resolved.tagCounts)).toBeGreaterThanOrEqual(COLUMN_COUNT_FROM_ITEMS);
    expect(listed()).toBeGreaterThan(1_000);
    const question = columnQuestion(resolved)!;
    const thread = countThreadOf(db, t.library.paths.database);
    // The first view counts itself while the columns are built on the thread.
    expect((await call('media.list', { filter, sort: SORT, limit: 5, withTotal: true })).total).toBe(listed());
    let counted: number | null = null;
    for (let tries = 0; counted === null && tries < 200; tries += 1) {
      counted = await thread.columnCount(question);
      if (counted === null) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(counted).toBe(listed());
    // Now the page comes from the thread too (its walk of the date order, filtered in memory),
    // page after page as the list query reads it.
    const listedPage = (cursor?: string) => {
      const resolvedPage = resolveList(db, filter, SORT, cursor)!;
      return listPage(db, resolvedPage.spec, driverFor(db, resolvedPage, 40), 40).map(([id]) => id);
    };
    const fromColumns = await listFromColumns(t.library as never, resolved, 41, true);
    expect(fromColumns?.rows).toHaveLength(41);
    expect(fromColumns?.total).toBe(listed());
    const firstPage = await call('media.list', { filter, sort: SORT, limit: 40, withTotal: true });
    expect(firstPage.items.map((item: { id: number }) => item.id)).toEqual(listedPage());
    expect(firstPage.nextCursor).not.toBeNull();
    const secondPage = await call('media.list', { filter, sort: SORT, limit: 40, cursor: firstPage.nextCursor });
    expect(secondPage.items.map((item: { id: number }) => item.id)).toEqual(listedPage(firstPage.nextCursor as string));
    const { ids } = await call('media.listIds', { filter: { tagsAll: [common] }, sort: SORT });
    await call('media.setCurating', { ids: ids.slice(0, 4_000), rating: 3, flag: 'none' });
    await call('media.softDelete', { ids: ids.slice(5_000, 5_100) });
    expect(await thread.columnCount(question)).toBe(listed());
    expect((await call('media.list', { filter, sort: SORT, limit: 5, withTotal: true })).total).toBe(listed());
    expect((await call('media.listIdsWindow', { filter, sort: SORT, offset: 0, limit: 5 })).total).toBe(listed());
  });

  it('walks a large tag view’s windows on its item columns (top, middle, End) as the list query does, never behind a count', async () => {
    const db = t.library.db;
    const positions = viewPositionsOf(db);
    const common = db.prepare(`SELECT name FROM tags ORDER BY item_count DESC LIMIT 1`).pluck().get() as string;
    // Parsed as the service holds it: the view cache is keyed by that form.
    const { filter } = parseArgs('media.listIdsWindow', { filter: { tagsAll: [common] }, sort: SORT, offset: 0, limit: 1 });
    const planned = (offset: number, limit: number): PlannedWindow => positions.plannedWindow(filter, SORT, offset, limit);
    const columns = async (window: PlannedWindow) => walkOnColumns(t.library as never, window.walk!, window.total);
    // The scrubber's first count (the first test's) started the columns: they get built.
    let first = await columns(planned(0, 300));
    for (let tries = 0; first === null && tries < 200; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      first = await columns(planned(0, 300));
    }
    expect(first).toEqual(walkHere(db, planned(0, 300).walk!));
    const { ids } = await call('media.listIds', { filter, sort: SORT });
    expect(ids.length).toBeGreaterThan(COLUMN_COUNT_FROM_ITEMS);
    for (const offset of [0, Math.floor(ids.length / 2), ids.length - 250]) {
      const window = planned(offset, 250);
      const rows = await columns(window);
      expect(rows, `offset ${offset}`).not.toBeNull();
      expect(positions.windowOf(filter, SORT, window, rows!).ids).toEqual(ids.slice(offset, offset + 250));
      expect((await call('media.listIdsWindow', { filter, sort: SORT, offset, limit: 250 })).ids).toEqual(ids.slice(offset, offset + 250));
    }
    // The scrubber's months of the view come from the columns now, and are the bucket query's.
    expect(await call('media.sortBuckets', { filter, sort: SORT })).toEqual(countViewBuckets(db, filter, SORT));
    // While the thread counts (the scrubber of another view), a window is not queued behind it.
    const counting = countThreadOf(db, t.library.paths.database).buckets({ tagsAll: [common] }, { field: 'name', direction: 'asc' }, 'busy');
    expect(await columns(planned(0, 300))).toBeNull();
    await counting;
  });

  it('answers the counts asked before it closes, then refuses new ones', async () => {
    const thread = new CountThread(t.library.paths.database);
    const out = thread.buckets(undefined, SORT, 'v2');
    await thread.close();
    expect((await out).total).toBe(countViewBuckets(t.library.db, undefined, SORT).total);
    await expect(thread.buckets(undefined, SORT, 'v3')).rejects.toThrow('closed');
  });
});
