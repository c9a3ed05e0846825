/**
 * The view totals that come from kept counts (service/view-count.ts) equal the list query's
 * count: ORs of tags that share items, a branch, tags with items in the trash; and views that
 * are more than one set of tags are left to the list query.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countMatching } from '../../../electron/library/db/media-list-query.js';
import { tagUnionCount } from '../../../electron/library/db/tag-union-count.js';
import { driverFor, resolveList } from '../../../electron/library/service/list-request.js';
import { countView } from '../../../electron/library/service/view-count.js';
import type { MediaFilter } from '../../../shared/schemas.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';

let t: TempLibrary;
let tags: string[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

beforeAll(async () => {
  t = openTempLibrary();
  tags = generateLargeLibrary(t.library.db, `${t.dir}/photos`, 2_000, 12).tagNames;
  await call('media.softDelete', { ids: Array.from({ length: 60 }, (_, i) => i * 31 + 3) });
  // A branch whose leaves share items, and an item tagged with the parent itself.
  await call('media.editTags', { ids: [1, 2, 3, 4, 5, 6], add: ['Places/France'] });
  await call('media.editTags', { ids: [5, 6, 7, 8], add: ['Places/Italy'] });
  await call('media.editTags', { ids: [8, 9], add: ['Places'] });
  await call('media.softDelete', { ids: [6] });
});
afterAll(async () => t.dispose());

function both(filter: MediaFilter): { kept: number; walked: number } {
  const resolved = resolveList(t.library.db, filter, undefined, undefined);
  if (resolved === null) throw new Error('no view');
  return { kept: countView(t.library.db, resolved), walked: countMatching(t.library.db, resolved.spec, driverFor(t.library.db, resolved, null)) };
}

it('counts ORs of tags that share items, and a branch, as the list query does', () => {
  const [a, b, c, last] = [tags[0], tags[1], tags[5], tags.at(-1)] as [string, string, string, string];
  const queries = [`tag:"${a}" OR tag:"${b}"`, `tag:"${a}" OR tag:"${last}"`, `tag:"${b}" OR tag:"${c}" OR tag:"${last}"`, `tag:"${a}" OR tag:"${a}"`, 'tag:Places', 'tag:Places OR tag:"No such tag"'];
  for (const query of queries) {
    const { kept, walked } = both({ query });
    expect(kept, query).toBe(walked);
    expect(walked, query).toBeGreaterThan(0);
  }
  // Items 1–9 less 3 and 6, in the trash.
  expect(both({ tagsAll: ['Places'] })).toEqual({ kept: 7, walked: 7 });
  expect(both({ tagsAny: [a, b] }).kept).toBe(both({ tagsAny: [a, b] }).walked);
});

it('the union of a set is its most used tag\'s kept count plus the others\' items that lack it', () => {
  const db = t.library.db;
  const id = (name: string) => db.prepare(`SELECT id FROM tags WHERE name = ?`).pluck().get(name) as number;
  expect(tagUnionCount(db, [])).toBe(0);
  expect(tagUnionCount(db, [id(tags[0] as string)])).toBe(db.prepare(`SELECT item_count FROM tags WHERE id = ?`).pluck().get(id(tags[0] as string)));
  const union = db
    .prepare(`SELECT count(DISTINCT media_id) FROM media_tags WHERE tag_id IN (?, ?) AND source = 'user' AND media_id NOT IN (SELECT media_id FROM trash)`)
    .pluck()
    .get(id(tags[0] as string), id(tags[1] as string));
  expect(tagUnionCount(db, [id(tags[1] as string), id(tags[0] as string)])).toBe(union);
});

it('after edits and restores the kept counts still agree', async () => {
  await call('media.restore', { ids: [6, 3] });
  await call('media.editTags', { ids: [10, 11], add: [tags[0], tags.at(-1)] });
  const query = `tag:"${tags[0]}" OR tag:"${tags.at(-1)}"`;
  const { kept, walked } = both({ query });
  expect(kept).toBe(walked);
  expect(both({ query: 'tag:Places' })).toEqual({ kept: 9, walked: 9 });
  // Totals through the service agree with the page's contents for a small view.
  const listed = await call('media.list', { filter: { query: 'tag:Places' }, limit: 100, withTotal: true });
  expect(listed.total).toBe(listed.items.length);
});
