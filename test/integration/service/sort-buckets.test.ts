import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SORT_FIELDS, type SortField } from '../../../shared/media.js';
import { SIZE_BAND_LIMITS } from '../../../shared/sort-buckets.js';
import type { MediaFilter } from '../../../shared/schemas.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { explainSortBuckets } from '../../../electron/library/db/sort-buckets-query.js';
import { driverFor, resolveList } from '../../../electron/library/service/list-request.js';

let t: TempLibrary;
let commonTag: string;

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

beforeAll(() => {
  t = openTempLibrary();
  // Dates over twenty years, log-normal sizes, word-like names: every kind of bucket occurs.
  const generated = generateLargeLibrary(t.library.db, `${t.dir}/photos`, 4_000, 40);
  commonTag = generated.tagNames[0] as string;
  t.library.db.prepare('INSERT INTO trash (media_id, deleted_at) SELECT id, ? FROM media WHERE id % 50 = 0').run(new Date().toISOString());
});
afterAll(async () => t.dispose());

const COLUMNS: Record<SortField, string> = { name: 'name_key', takenAt: 'sort_date', addedAt: 'created_at', size: 'file_size', rating: 'rating' };

function keyOf(field: SortField, value: string | number): string {
  if (field === 'size') {
    const band = SIZE_BAND_LIMITS.findIndex((limit) => Number(value) < limit);
    return String(band < 0 ? SIZE_BAND_LIMITS.length : band);
  }
  if (field === 'rating') return String(value);
  return field === 'name' ? String(value).slice(0, 1) : String(value).slice(0, 7);
}

/** The buckets line up with the id list: bucket i's items are exactly its slice of the list. */
async function expectAligned(filter: MediaFilter | undefined, field: SortField, direction: 'asc' | 'desc') {
  const sort = { field, direction };
  const { ids } = await call('media.listIds', { filter, sort });
  const answer = await call('media.sortBuckets', { filter, sort });
  expect(answer.total).toBe(ids.length);
  expect(answer.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(ids.length);
  const values = new Map(
    (t.library.db.prepare(`SELECT id, ${COLUMNS[field]} AS v FROM media`).all() as { id: number; v: string | number }[]).map((r) => [r.id, r.v]),
  );
  let start = 0;
  for (const bucket of answer.buckets) {
    expect(bucket.count).toBeGreaterThan(0);
    for (const id of ids.slice(start, start + bucket.count)) expect(keyOf(field, values.get(id) as string | number)).toBe(bucket.key);
    start += bucket.count;
  }
  return answer;
}

describe('media.sortBuckets', () => {
  for (const field of SORT_FIELDS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`counts the view by step in its own order: ${field} ${direction}`, async () => {
        const answer = await expectAligned(undefined, field, direction);
        expect(answer.kind).toBe({ takenAt: 'month', addedAt: 'month', name: 'letter', size: 'size', rating: 'stars' }[field]);
        // Generated names all start IMG_ or VID_, and items were added over six weeks.
        expect(answer.buckets.length).toBeGreaterThan(field === 'addedAt' || field === 'name' || field === 'rating' ? 0 : 3);
      });
    }
  }

  it('gives twenty years of months for the date sort, newest first', async () => {
    const answer = await expectAligned(undefined, 'takenAt', 'desc');
    expect(answer.buckets.length).toBeGreaterThan(200);
    expect(answer.buckets[0]?.key.localeCompare(answer.buckets.at(-1)?.key ?? '')).toBe(1);
    expect(answer.buckets.every((b) => /^\d{4}-\d{2}$/.test(b.key))).toBe(true);
  });

  it('follows the filter: a tag, the trash', async () => {
    await expectAligned({ tagsAll: [commonTag] }, 'takenAt', 'desc');
    const trash = await expectAligned({ status: 'deleted' }, 'size', 'asc');
    expect(trash.total).toBe(80);
  });

  it('walks the sort index rather than scanning the media rows', () => {
    for (const [field, index] of [['takenAt', 'media_by_date_taken'], ['name', 'media_by_name'], ['size', 'media_by_size']] as const) {
      const resolved = resolveList(t.library.db, undefined, { field, direction: 'desc' }, undefined);
      if (!resolved) throw new Error('nothing resolved');
      const kind = field === 'takenAt' ? 'month' : field === 'name' ? 'letter' : 'size';
      const plan = explainSortBuckets(t.library.db, resolved.spec, driverFor(t.library.db, resolved, null), kind).join('\n');
      expect(plan).toMatch(new RegExp(`SCAN m USING (COVERING )?INDEX ${index}\\b`));
      expect(plan).not.toMatch(/SCAN m$/m);
    }
  });

  it('counts again after a change (the kept answer is never stale)', async () => {
    const before = await call('media.sortBuckets', { sort: { field: 'size', direction: 'asc' } });
    expect(await call('media.sortBuckets', { sort: { field: 'size', direction: 'asc' } })).toEqual(before);
    const { ids } = await call('media.listIds', { sort: { field: 'size', direction: 'asc' } });
    await call('media.softDelete', { ids: [ids[0] as number] });
    const after = await call('media.sortBuckets', { sort: { field: 'size', direction: 'asc' } });
    expect(after.total).toBe(before.total - 1);
    await call('media.restore', { ids: [ids[0] as number] });
    expect(await call('media.sortBuckets', { sort: { field: 'size', direction: 'asc' } })).toEqual(before);
  });

  it('answers nothing for a tag that does not exist', async () => {
    expect(await call('media.sortBuckets', { filter: { tagsAll: ['no such tag'] } })).toEqual({ kind: 'month', total: 0, buckets: [] });
  });

  it('refuses a bad sort with INVALID_ARGUMENT', async () => {
    await expect(call('media.sortBuckets', { sort: { field: 'colour', direction: 'asc' } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
