/**
 * `media.listIdsWindow` and the `allOf` view selection on a generated library of a few thousand
 * items (real SQLite file, real schema): every window is exactly its slice of `media.listIds`,
 * wherever the anchors and the walk from the end put the seek, and a bulk edit with `allOf`
 * changes exactly the view minus its exceptions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaFilter, MediaSort } from '../../../shared/schemas.js';
import { createViewPositions } from '../../../electron/library/service/view-positions.js';
import { SORT_FIELDS } from '../../../shared/media.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let commonTag: string;
let rareTag: string;
const ITEMS = 3_000;

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

beforeAll(async () => {
  t = openTempLibrary();
  const generated = generateLargeLibrary(t.library.db, `${t.dir}/photos`, ITEMS, 30);
  commonTag = generated.tagNames[0] as string;
  // (the rare tag's view is shorter than one window: offsets past its end answer nothing)
  rareTag = generated.tagNames[20] as string;
  // Through the trash method, which keeps the tags' active counts (the window's total uses them).
  await call('media.softDelete', { ids: Array.from({ length: ITEMS / 40 }, (_, i) => (i + 1) * 40) });
});
afterAll(async () => t.dispose());

async function allIds(filter: MediaFilter | undefined, sort: MediaSort): Promise<number[]> {
  return (await call('media.listIds', { filter, sort })).ids;
}

describe('media.listIdsWindow', () => {
  const views: [string, MediaFilter | undefined, MediaSort][] = [
    ['every item by date', undefined, { field: 'takenAt', direction: 'desc' }],
    ['every item by name', undefined, { field: 'name', direction: 'asc' }],
    ['a common tag by size', { tagsAll: [''] }, { field: 'size', direction: 'desc' }],
    ['a rare tag by date added', { tagsAll: [''] }, { field: 'addedAt', direction: 'asc' }],
  ];

  it.each(views)('answers exactly its slice of the whole list, in any order of windows (%s)', async (_name, filter0, sort) => {
    const filter = filter0?.tagsAll ? { tagsAll: [_name.includes('common') ? commonTag : rareTag] } : filter0;
    const ids = await allIds(filter, sort);
    expect(ids.length).toBeGreaterThan(10);
    // Forward, backward, a jump to the middle, the end, and past the end.
    const offsets = [0, 250, 500, Math.floor(ids.length / 2), ids.length - 1, ids.length - 250, 100, ids.length + 5, 751].map((o) => Math.max(0, o));
    for (const offset of offsets) {
      const window = await call('media.listIdsWindow', { filter, sort, offset, limit: 250 });
      expect(window.total).toBe(ids.length);
      expect(window.offset).toBe(offset);
      expect(window.ids).toEqual(ids.slice(offset, offset + 250));
    }
  });

  it.each(SORT_FIELDS.flatMap((field) => (['asc', 'desc'] as const).map((direction) => [field, direction] as const)))(
    'seeks from the scrubber buckets (each a month, letter, size band or rating) to exactly the right rows (%s %s)',
    async (field, direction) => {
      const sort: MediaSort = { field, direction };
      // Ratings spread over the items so that every star bucket occurs.
      t.library.db.prepare('UPDATE media SET rating = id % 6').run();
      const ids = await allIds({ versions: false }, sort);
      // A small threshold makes every window here seek from a bucket's anchor.
      const positions = createViewPositions(t.library.db, { bucketSeekFrom: 5 });
      for (const offset of [1_717, 40, 2_900 - 300, 999, 1_500, 1_501, 7, 2_222]) {
        expect(positions.window({ versions: false }, sort, offset, 120).ids, `at ${offset}`).toEqual(ids.slice(offset, offset + 120));
      }
      expect(positions.buckets({ versions: false }, sort).total).toBe(ids.length);
      t.library.db.prepare('UPDATE media SET rating = 0').run();
    },
  );

  it('counts again after the library changes, and its windows follow', async () => {
    const sort: MediaSort = { field: 'takenAt', direction: 'desc' };
    const before = await call('media.listIdsWindow', { sort, offset: 100, limit: 50 });
    const gone = before.ids.slice(0, 5);
    await call('media.softDelete', { ids: gone });
    const after = await call('media.listIdsWindow', { sort, offset: 100, limit: 50 });
    expect(after.total).toBe(before.total - 5);
    expect(after.ids).toEqual((await allIds(undefined, sort)).slice(100, 150));
    await call('media.restore', { ids: gone });
  });

  it('refuses a negative offset, a zero limit and a window larger than MAX_WINDOW, changing nothing', async () => {
    await expectFolioError(call('media.listIdsWindow', { offset: -1, limit: 10 }), 'INVALID_ARGUMENT', 'offset');
    await expectFolioError(call('media.listIdsWindow', { offset: 0, limit: 0 }), 'INVALID_ARGUMENT', 'limit');
    await expectFolioError(call('media.listIdsWindow', { offset: 0, limit: 100_001 }), 'INVALID_ARGUMENT', 'limit');
  });
});

describe('bulk edits with allOf (a view selection)', () => {
  const sort: MediaSort = { field: 'takenAt', direction: 'desc' };

  it('tags every item of a view but the exceptions, and tagSummary counts the same selection', async () => {
    const filter = { tagsAll: [commonTag] };
    const view = await allIds(filter, sort);
    const except = [view[0] as number, view[7] as number];
    const result = await call('media.editTags', { allOf: { filter, sort, except }, add: ['all-of-check'] });
    expect(result.updated).toBe(view.length - 2);
    expect(result.changesOmitted).toBeUndefined();
    expect(result.changes.added).toEqual([{ tag: 'all-of-check', ids: view.filter((id) => !except.includes(id)).sort((a, b) => a - b) }]);
    const tagged = await allIds({ tagsAll: ['all-of-check'] }, sort);
    expect(tagged).toEqual(view.filter((id) => !except.includes(id)));
    const summary = await call('media.tagSummary', { allOf: { filter, sort, except } });
    expect(summary.total).toBe(view.length - 2);
    expect(summary.tags.find((tag) => tag.name === 'all-of-check')?.count).toBe(view.length - 2);
    // Undoing through the exact changes it answered.
    await call('media.editTags', { ids: result.changes.added[0]?.ids, remove: ['all-of-check'] });
    expect(await allIds({ tagsAll: ['all-of-check'] }, sort)).toEqual([]);
  });

  it('a span of positions (a Shift-range the page never loaded) is exactly that slice of the view', async () => {
    const view = await allIds(undefined, sort);
    const result = await call('media.setCurating', { allOf: { sort, offset: 1_000, limit: 600 }, rating: 4 });
    expect(result.updated).toBe(600);
    const rated = new Set(t.library.db.prepare('SELECT id FROM media WHERE rating = 4').pluck().all() as number[]);
    expect([...rated].sort((a, b) => a - b)).toEqual(view.slice(1_000, 1_600).sort((a, b) => a - b));
    await call('media.setCurating', { allOf: { sort, offset: 1_000, limit: 600 }, rating: 0 });
  });

  it('moves a whole view to the trash and reports the count', async () => {
    const filter = { tagsAll: [rareTag] };
    const view = await allIds(filter, sort);
    const result = await call('media.softDelete', { allOf: { filter, sort } });
    expect(result.deletedCount).toBeGreaterThanOrEqual(view.length);
    expect(result.ids).toEqual(view);
    expect(await allIds(filter, sort)).toEqual([]);
    await call('media.restore', { ids: view });
    expect(await allIds(filter, sort)).toEqual(view);
  });

  it('refuses both ids and allOf, and neither, with a sentence, changing nothing', async () => {
    const before = t.library.db.prepare('SELECT count(*) FROM media_tags').pluck().get();
    const error = await expectFolioError(call('media.editTags', { ids: [1], allOf: {}, add: ['x'] }), 'INVALID_ARGUMENT', 'ids');
    expect(error.message).toMatch(/either ids or allOf/);
    await expectFolioError(call('media.editTags', { add: ['x'] }), 'INVALID_ARGUMENT', 'ids');
    await expectFolioError(call('media.softDelete', {}), 'INVALID_ARGUMENT', 'ids');
    await expectFolioError(call('media.setCurating', { rating: 3 }), 'INVALID_ARGUMENT', 'ids');
    expect(t.library.db.prepare('SELECT count(*) FROM media_tags').pluck().get()).toBe(before);
  });
});
