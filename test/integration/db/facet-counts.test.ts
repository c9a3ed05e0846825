/**
 * The kept cube of migration 015 stays equal to the library counted afresh through every kind
 * of change (curating, trash and restore, stacks, trash emptied, new items), and the month
 * buckets read from it equal a GROUP BY walk of the same view.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countedFacets, facetTotal, keptFacets, wholeLibraryMonthBuckets } from '../../../electron/library/db/facet-counts.js';
import { notTrashed } from '../../../electron/library/db/media-columns.js';
import { resolveList } from '../../../electron/library/service/list-request.js';
import type { MediaFilter } from '../../../shared/schemas.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';

let t: TempLibrary;

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

beforeAll(() => {
  t = openTempLibrary();
  generateLargeLibrary(t.library.db, `${t.dir}/photos`, 1_500, 12);
});
afterAll(async () => t.dispose());

function walkedMonths(coversOnly: boolean): { key: string; count: number }[] {
  const folded = coversOnly ? `AND (m.parent_id IS NULL OR (${notTrashed('m.parent_id')}) <> (${notTrashed('m.id')}))` : '';
  return t.library.db
    .prepare(
      `SELECT coalesce(substr(m.sort_date, 1, 7), '') AS key, count(*) AS count FROM media m
       WHERE ${notTrashed('m.id')} ${folded} GROUP BY 1 ORDER BY 1 DESC`,
    )
    .all() as { key: string; count: number }[];
}

function keptMonths(filter: MediaFilter) {
  const resolved = resolveList(t.library.db, filter, { field: 'takenAt', direction: 'desc' }, undefined);
  if (resolved === null) throw new Error('no view');
  return wholeLibraryMonthBuckets(t.library.db, resolved.spec);
}

function expectCubeExact(): void {
  expect(keptFacets(t.library.db)).toEqual(countedFacets(t.library.db));
  expect(keptMonths({})).toEqual(walkedMonths(false));
  expect(keptMonths({ versions: false })).toEqual(walkedMonths(true));
}

it('is filled for the items already there', () => {
  expect(keptFacets(t.library.db).reduce((sum, row) => sum + row.count, 0)).toBe(1_500);
  expectCubeExact();
});

it('follows ratings, labels and flags, one item or many', async () => {
  await call('media.setCurating', { ids: [1, 2, 3], rating: 4, label: 'red' });
  await call('media.setCurating', { ids: Array.from({ length: 300 }, (_, i) => i + 1), flag: 'pick' });
  await call('media.setCurating', { ids: [2], rating: 0, flag: 'reject' });
  expectCubeExact();
});

it('follows the trash, restores, stacks and emptying the trash', async () => {
  await call('media.softDelete', { ids: Array.from({ length: 50 }, (_, i) => i * 7 + 3) });
  await call('media.stack', { ids: [400, 401, 402] });
  await call('media.stack', { ids: [410, 411] });
  await call('media.softDelete', { ids: [410] });
  await call('media.restore', { ids: [3, 10, 17] });
  expectCubeExact();
  await call('trash.empty', {});
  expectCubeExact();
  expect(facetTotal(t.library.db, { coversOnly: false, facetWhere: null, mediaWhere: null })).toBe(
    t.library.db.prepare(`SELECT count(*) FROM media m WHERE ${notTrashed('m.id')}`).pluck().get(),
  );
});

it('leaves a filtered view to the list query', () => {
  for (const filter of [{ status: 'deleted' }, { type: ['video'] }, { text: 'IMG' }, { query: 'rating:>=4' }] as MediaFilter[]) {
    expect(keptMonths(filter), JSON.stringify(filter)).toBeNull();
  }
});
