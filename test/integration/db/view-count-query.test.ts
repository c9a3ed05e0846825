/**
 * The shortcut count of "All media" and of a tag equals the list query's count, through trash
 * moves, restores, stacks (folded versions) and tag edits; other filters are not shortcut.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countMatching } from '../../../electron/library/db/media-list-query.js';
import { fastViewCount } from '../../../electron/library/db/view-count-query.js';
import { driverFor, resolveList } from '../../../electron/library/service/list-request.js';
import type { MediaFilter } from '../../../shared/schemas.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';

let t: TempLibrary;
let tags: string[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

beforeAll(async () => {
  t = openTempLibrary();
  tags = generateLargeLibrary(t.library.db, `${t.dir}/photos`, 2_000, 12).tagNames.slice(0, 3);
  await call('media.softDelete', { ids: Array.from({ length: 40 }, (_, i) => i * 37 + 5) });
  // Stacks: versions folded into covers, one of them with a trashed cover, one trashed version.
  await call('media.stack', { ids: [11, 12, 13] });
  await call('media.stack', { ids: [21, 22] });
  await call('media.stack', { ids: [31, 32, 33, 34] });
  await call('media.softDelete', { ids: [21] });
  await call('media.softDelete', { ids: [33] });
  await call('media.editTags', { ids: [12, 13, 22, 32, 34], add: [tags[0]] });
});
afterAll(async () => t.dispose());

function counts(filter: MediaFilter): { fast: number | null; walked: number } {
  const resolved = resolveList(t.library.db, filter, undefined, undefined);
  if (resolved === null) throw new Error('no view');
  return { fast: fastViewCount(t.library.db, resolved.spec), walked: countMatching(t.library.db, resolved.spec, driverFor(t.library.db, resolved, null)) };
}

it('counts All media and each tag as the list query does, covers only or not', () => {
  const filters: MediaFilter[] = [{}, { versions: false }, ...tags.flatMap((tag) => [{ tagsAll: [tag] }, { tagsAll: [tag], versions: false }])];
  for (const filter of filters) {
    const { fast, walked } = counts({ status: 'active', ...filter });
    expect(fast, JSON.stringify(filter)).toBe(walked);
  }
});

it('leaves every other view to the list query', () => {
  for (const filter of [{ status: 'deleted' }, { tagsAll: tags.slice(0, 2) }, { tagsNone: [tags[0]] }, { type: ['video'] }, { text: 'IMG' }, { untagged: true }, { folderId: 1 }] as MediaFilter[]) {
    expect(counts(filter).fast, JSON.stringify(filter)).toBeNull();
  }
});

it('leaves a branch of the tag tree to the list query (an item may carry two of its tags)', async () => {
  await call('media.editTags', { ids: [100, 101, 102], add: ['Trips/Rome'] });
  await call('media.editTags', { ids: [101, 102, 103], add: ['Trips/Paris'] });
  const branch = counts({ status: 'active', tagsAll: ['Trips'] });
  expect(branch).toEqual({ fast: null, walked: 4 });
  expect(counts({ status: 'active', tagsAll: ['Trips/Rome'] })).toEqual({ fast: 3, walked: 3 });
});

it('finds the folded versions by the partial parent index, not by scanning the library', () => {
  const plan = (t.library.db.prepare(
    `EXPLAIN QUERY PLAN SELECT count(*) FROM media m WHERE m.parent_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM trash WHERE trash.media_id = m.id) AND NOT EXISTS (SELECT 1 FROM trash WHERE trash.media_id = m.parent_id)`,
  ).all() as { detail: string }[]).map((row) => row.detail);
  expect(plan.join('\n')).toMatch(/media_by_parent/);
});
