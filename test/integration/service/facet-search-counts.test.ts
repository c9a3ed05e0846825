/**
 * A search of the kept cube's fields (rating, label, flag, type, `taken:` by months) is counted
 * and bucketed by month from the cube (service/facet-question.ts): the answers equal the list
 * query's count and a GROUP BY walk of the same view, through curating, trash and stacks; a
 * search with any other term, or a date inside a month, is not read from the cube.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMatching } from '../../../electron/library/db/media-list-query.js';
import { sortBuckets } from '../../../electron/library/db/sort-buckets-query.js';
import { facetBuckets, facetQuestion } from '../../../electron/library/service/facet-question.js';
import { driverFor, resolveList } from '../../../electron/library/service/list-request.js';
import { countView } from '../../../electron/library/service/view-count.js';
import type { MediaFilter } from '../../../shared/schemas.js';
import { curateLargeLibrary } from '../../bench/large-library-curating.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';

let t: TempLibrary;
let tag = '';

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

const CUBE_QUERIES = [
  'rating:>=4 label:red',
  'taken:2019..2020 -flag:reject',
  'taken:<=3001',
  'rating:>=4 taken:<=3001',
  '(rating:>=3 OR flag:pick) -label:purple taken:2010..2022 -type:video',
  'taken:2015-03 OR taken:2021',
  'taken:>2018 rating:1..2',
  'taken:<2012-06 -rating:0',
  '-(label:red OR label:blue) type:image',
  'taken:2016-02..2016-04 flag:pick',
  'taken:>=2016-02 taken:<2017-05',
];

beforeAll(async () => {
  t = openTempLibrary();
  tag = generateLargeLibrary(t.library.db, `${t.dir}/photos`, 2_000, 12).tagNames[0] as string;
  curateLargeLibrary(t.library.db);
  await call('media.softDelete', { ids: Array.from({ length: 50 }, (_, i) => i * 37 + 2) });
  await call('media.stack', { ids: [11, 12, 13] });
  await call('media.stack', { ids: [21, 22] });
});
afterAll(async () => t.dispose());

function resolved(filter: MediaFilter) {
  const view = resolveList(t.library.db, filter, { field: 'takenAt', direction: 'desc' }, undefined);
  if (view === null) throw new Error('no view');
  return view;
}

/** The list query's own answers: its count, and its month buckets by the GROUP BY walk. */
function walked(filter: MediaFilter) {
  const view = resolved(filter);
  const db = t.library.db;
  // sortBuckets answers filtered views by the walk (only the whole library comes from the cube there).
  return { total: countMatching(db, view.spec, driverFor(db, view, null)), buckets: sortBuckets(db, view.spec, driverFor(db, view, null), 'month') };
}

describe('counts and month buckets from the cube', () => {
  it('equal the list query for searches of rating, label, flag, type and months, covers only or not', () => {
    for (const query of CUBE_QUERIES) {
      for (const versions of [undefined, false]) {
        const filter: MediaFilter = { query, ...(versions === undefined ? {} : { versions }) };
        const view = resolved(filter);
        expect(facetQuestion(view), query).not.toBeNull();
        const expected = walked(filter);
        expect(expected.total, query).toBeGreaterThan(0);
        expect(countView(t.library.db, view), query).toBe(expected.total);
        expect(facetBuckets(t.library.db, view), query).toEqual(expected.buckets);
      }
    }
  });

  it('still equal after curating, trashing and restoring', async () => {
    await call('media.setCurating', { ids: Array.from({ length: 300 }, (_, i) => i + 100), rating: 4, label: 'red' });
    await call('media.softDelete', { ids: [101, 102, 103, 500] });
    await call('media.restore', { ids: [2] });
    for (const query of CUBE_QUERIES) {
      expect(countView(t.library.db, resolved({ query })), query).toBe(walked({ query }).total);
      expect(facetBuckets(t.library.db, resolved({ query })), query).toEqual(walked({ query }).buckets);
    }
  });

  it('media.sortBuckets and media.list answer from the cube what the walk answers', async () => {
    for (const query of ['rating:>=4 taken:<=3001', 'taken:2019..2020 -flag:reject']) {
      const { total, buckets } = walked({ query });
      const answered = await call('media.sortBuckets', { filter: { query }, sort: { field: 'takenAt', direction: 'desc' } });
      expect(answered).toEqual({ kind: 'month', total, buckets });
      expect((await call('media.list', { filter: { query }, limit: 1, withTotal: true })).total).toBe(total);
    }
  });
});

describe('what the cube does not answer', () => {
  it('a term on another field, a date inside a month, a tag or words beside the search, another sort', () => {
    for (const filter of [
      { query: 'taken:2019-06-15' },
      { query: 'taken:2019-06-02..2019-07' },
      { query: 'rating:>=4 width:>100' },
      { query: 'added:<7d' },
      { query: 'rating:>=4 Canon' },
      { query: `rating:>=4 tag:"${tag}"` },
      { query: 'rating:>=4', tagsNone: [tag] },
      { query: 'rating:>=4', status: 'deleted' },
    ] as MediaFilter[]) {
      expect(facetQuestion(resolved(filter)), JSON.stringify(filter)).toBeNull();
    }
    const byName = resolveList(t.library.db, { query: 'rating:>=4' }, { field: 'name', direction: 'asc' }, undefined);
    expect(byName && facetBuckets(t.library.db, byName)).toBeNull();
  });

  it('counts such views with the list query all the same', () => {
    for (const query of ['taken:2019-06-15..2020', `rating:>=4 tag:"${tag}"`]) {
      const view = resolved({ query });
      const db = t.library.db;
      expect(countView(db, view)).toBe(countMatching(db, view.spec, driverFor(db, view, null)));
    }
  });
});
