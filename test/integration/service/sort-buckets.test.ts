import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SORT_FIELDS, type SortField } from '../../../shared/media.js';
import { SIZE_BAND_LIMITS } from '../../../shared/sort-buckets.js';
import type { MediaFilter } from '../../../shared/schemas.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';

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

const COLUMNS: Record<SortField, string> = { name: 'name_key', takenAt: 'sort_date', addedAt: 'created_at', size: 'file_size' };

function keyOf(field: SortField, value: string | number): string {
  if (field === 'size') {
    const band = SIZE_BAND_LIMITS.findIndex((limit) => Number(value) < limit);
    return String(band < 0 ? SIZE_BAND_LIMITS.length : band);
  }
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
        expect(answer.kind).toBe({ takenAt: 'month', addedAt: 'month', name: 'letter', size: 'size' }[field]);
        // Generated names all start IMG_ or VID_, and items were added over six weeks.
        expect(answer.buckets.length).toBeGreaterThan(field === 'addedAt' || field === 'name' ? 0 : 3);
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

  it('answers nothing for a tag that does not exist', async () => {
    expect(await call('media.sortBuckets', { filter: { tagsAll: ['no such tag'] } })).toEqual({ kind: 'month', total: 0, buckets: [] });
  });

  it('refuses a bad sort with INVALID_ARGUMENT', async () => {
    await expect(call('media.sortBuckets', { sort: { field: 'colour', direction: 'asc' } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
