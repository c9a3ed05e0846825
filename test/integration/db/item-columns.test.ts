/**
 * The count thread's item columns (db/item-columns.ts) count every view of tags and cube
 * fields as the list query does, on a read-only connection of their own, and stay exact
 * through the change log (migration 020) after every kind of write: curating, trash and
 * restore, tag edits, merges, deleted tags, forgotten items, items added past the columns'
 * room, a write made with plain SQL, and a log pruned past them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaFilter } from '../../../shared/schemas.js';
import { openDatabase, type Db } from '../../../electron/library/db/connection.js';
import { ItemColumns, KEPT_BITMAP_FROM_LINKS } from '../../../electron/library/db/item-columns.js';
import { latestChange, pruneMediaChanges } from '../../../electron/library/db/media-change-log.js';
import { countMatching, listPage } from '../../../electron/library/db/media-list-query.js';
import type { MediaSort } from '../../../shared/schemas.js';
import { driverFor, resolveList } from '../../../electron/library/service/list-request.js';
import { columnQuestion } from '../../../electron/library/service/view-count.js';
import { columnMonthBuckets } from '../../../electron/library/service/column-buckets.js';
import { countViewBuckets } from '../../../electron/library/service/view-buckets.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { curateLargeLibrary } from '../../bench/large-library-curating.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';

const ITEMS = 20_000;
let t: TempLibrary;
let reader: Db;
let columns: ItemColumns;
let names: string[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args as never, t.ctx);

beforeAll(() => {
  t = openTempLibrary();
  names = generateLargeLibrary(t.library.db, `${t.dir}/photos`, ITEMS, 60).tagNames;
  curateLargeLibrary(t.library.db);
  reader = openDatabase(t.library.paths.database, { readonly: true });
  columns = reader.transaction(() => ItemColumns.build(reader))();
}, 120_000);
afterAll(async () => {
  reader.close();
  await t.dispose();
});

const tagCount = (name: string) => t.library.db.prepare(`SELECT item_count FROM tags WHERE name = ?`).pluck().get(name) as number;

/** Views of every shape the columns answer: tags (all-of, none-of, any-of, OR, branches) with cube fields. */
function views(): MediaFilter[] {
  const [common, second, third] = names as [string, string, string];
  const rare = names.at(-1) as string;
  return [
    { query: `(rating:>=3 OR flag:pick) -label:purple taken:2010..2022 -type:video tag:"${common}"` },
    { query: `tag:"${common}"` },
    { query: `rating:>=4 label:red tag:"${common}" tag:"${second}"` },
    { query: `(tag:"${second}" OR tag:"${rare}") -flag:reject` },
    { query: `-tag:"${common}" rating:3` },
    { query: `rating:>=2 -type:video` },
    { tagsAll: [common], tagsNone: [third], query: 'taken:2015 label:none' },
    { tagsAny: [second, third], query: '-rating:0' },
    { tagsAll: [third], tagsNone: [common, second] },
  ];
}

function listedCount(filter: MediaFilter): number {
  const resolved = resolveList(t.library.db, filter, undefined, undefined);
  if (resolved === null) return 0;
  return countMatching(t.library.db, resolved.spec, driverFor(t.library.db, resolved, null));
}

function columnCount(filter: MediaFilter): number {
  const resolved = resolveList(t.library.db, filter, undefined, undefined);
  if (resolved === null) return 0;
  const question = columnQuestion(resolved);
  if (question === null) throw new Error(`not a column question: ${JSON.stringify(filter)}`);
  return reader.transaction(() => {
    columns = columns.refresh(reader);
    return columns.count(reader, question);
  })();
}

const SORTS: MediaSort[] = [
  { field: 'takenAt', direction: 'desc' },
  { field: 'takenAt', direction: 'asc' },
  { field: 'name', direction: 'asc' },
  { field: 'size', direction: 'desc' },
  { field: 'rating', direction: 'desc' },
  { field: 'addedAt', direction: 'asc' },
];

/** The first rows of a view as the list query reads them, and as the columns filter the walk. */
function pages(filter: MediaFilter, sort: MediaSort, cursor?: string) {
  const db = t.library.db;
  const resolved = resolveList(db, filter, sort, cursor);
  if (resolved === null) return null;
  const listed = listPage(db, resolved.spec, driverFor(db, resolved, 60), 60);
  const question = columnQuestion(resolved);
  if (question === null) throw new Error(`not a column question: ${JSON.stringify(filter)}`);
  const walked = reader.transaction(() => {
    columns = columns.refresh(reader);
    return columns.page(reader, question, resolved.spec, 60, Number.MAX_SAFE_INTEGER);
  })();
  return { listed, walked };
}

/** The scrubber's months of a view from the columns (null: not a view of tags) and from the bucket query. */
function monthBuckets(filter: MediaFilter, sort: MediaSort) {
  const fromColumns = reader.transaction(() => {
    columns = columns.refresh(reader);
    return columnMonthBuckets(reader, columns, filter, sort);
  })();
  return { fromColumns, counted: countViewBuckets(t.library.db, filter, sort) };
}

function expectSameCounts(): void {
  for (const filter of views()) expect({ filter, count: columnCount(filter) }).toEqual({ filter, count: listedCount(filter) });
  for (const filter of views()) {
    for (const direction of ['desc', 'asc'] as const) {
      const { fromColumns, counted } = monthBuckets(filter, { field: 'takenAt', direction });
      // Views without tags are counted from the kept cube, not from the columns.
      if (fromColumns !== null) expect({ filter, direction, buckets: fromColumns }).toEqual({ filter, direction, buckets: counted });
    }
  }
  const sort = SORTS[Math.floor(Math.random() * SORTS.length)] as MediaSort;
  for (const filter of views()) {
    const both = pages(filter, sort);
    expect({ filter, sort, rows: both?.walked }).toEqual({ filter, sort, rows: both?.listed });
  }
}

const ids = (from: number, count: number, step = 1) => Array.from({ length: count }, (_, i) => from + i * step);

describe('item columns', () => {
  it('count as the list query does, with the big tags kept as bitmaps', () => {
    expect(tagCount(names[0] as string)).toBeGreaterThan(KEPT_BITMAP_FROM_LINKS);
    expect(listedCount(views()[0] as MediaFilter)).toBeGreaterThan(100);
    expectSameCounts();
  });

  it('keep the biggest tags’ bitmaps from the build, as many as their room holds, then the most recently used', () => {
    const builtFromItems = KEPT_BITMAP_FROM_LINKS;
    const big = t.library.db
      .prepare(`SELECT id, name FROM tags WHERE item_count >= ? ORDER BY item_count DESC, id`)
      .all(builtFromItems) as { id: number; name: string }[];
    expect(big.length).toBeGreaterThan(3);
    const small = reader.transaction(() => {
      const bitmapBytes = ItemColumns.build(reader).bitmapBytes;
      // Room for 3.5: a build that filled it until full pushed out the biggest tags one by one.
      return ItemColumns.build(reader, { keptBytes: Math.floor(3.5 * bitmapBytes), builtFromItems });
    })();
    expect(new Set(small.keptTags)).toEqual(new Set(big.slice(0, 3).map((tag) => tag.id)));
    const fourth = big[3] as { id: number; name: string };
    const resolved = resolveList(t.library.db, { tagsAll: [fourth.name] }, undefined, undefined);
    const question = resolved === null ? null : columnQuestion(resolved);
    if (question === null) throw new Error('a view of one tag is a column question');
    const oldest = small.keptTags[0];
    expect(reader.transaction(() => small.count(reader, question))()).toBe(listedCount({ tagsAll: [fourth.name] }));
    expect(small.keptTags).toHaveLength(3);
    expect(small.keptTags.at(-1)).toBe(fourth.id);
    expect(small.keptTags).not.toContain(oldest);
  });

  it('read the first rows of a view in every order, and from a cursor, as the list query does', async () => {
    const { encodeCursor } = await import('../../../electron/library/service/list-cursor.js');
    for (const sort of SORTS) {
      for (const filter of views()) {
        const first = pages(filter, sort);
        expect({ filter, sort, rows: first?.walked }).toEqual({ filter, sort, rows: first?.listed });
        const middle = first?.listed[30];
        if (middle === undefined) continue;
        const cursor = encodeCursor({ ...sort, value: middle[1], id: middle[0] });
        const next = pages(filter, sort, cursor);
        expect({ filter, sort, cursor, rows: next?.walked }).toEqual({ filter, sort, cursor, rows: next?.listed });
      }
    }
    // A walk longer than allowed gives up (the list query reads such a rare view).
    const resolved = resolveList(t.library.db, { query: `tag:"${names.at(-1)}" rating:5` }, undefined, undefined)!;
    const rare = reader.transaction(() => columns.page(reader, columnQuestion(resolved)!, resolved.spec, 60, 500))();
    expect(rare).toBeNull();
  });

  it('count the scrubber’s months of a view of tags by date taken as the bucket query does, through a change of dates', () => {
    const [common, second] = names as [string, string];
    const db = t.library.db;
    // Five items of the common tag moved to a month no other item has: the oldest bucket.
    const tagged = db.prepare(`SELECT media_id FROM media_tags WHERE tag_id = (SELECT id FROM tags WHERE name = ?) LIMIT 5`).pluck().all(common) as number[];
    db.prepare(`UPDATE media SET taken_at = '1970-01-02T00:00:00' WHERE id IN (${tagged.join(',')})`).run();
    const withTags = views().filter((filter) => monthBuckets(filter, { field: 'takenAt', direction: 'desc' }).fromColumns !== null);
    expect(withTags.length).toBeGreaterThanOrEqual(6);
    const { fromColumns, counted } = monthBuckets({ tagsAll: [common] }, { field: 'takenAt', direction: 'desc' });
    expect(fromColumns?.buckets.at(-1)).toEqual({ key: '1970-01', count: 5 });
    expect(fromColumns).toEqual(counted);
    expect(fromColumns?.total).toBe(tagCount(common));
    expectSameCounts();
    // Other sorts, and views without tags, are not theirs.
    expect(monthBuckets({ tagsAll: [second] }, { field: 'name', direction: 'asc' }).fromColumns).toBeNull();
    expect(monthBuckets({ tagsAll: [second] }, { field: 'addedAt', direction: 'desc' }).fromColumns).toBeNull();
    expect(monthBuckets({ query: 'rating:>=2' }, { field: 'takenAt', direction: 'desc' }).fromColumns).toBeNull();
  });

  it('answer null for what they do not hold: words, sizes, covers only, the trash', () => {
    const question = (filter: MediaFilter) => columnQuestion(resolveList(t.library.db, filter, undefined, undefined)!);
    expect(question({ query: `tag:"${names[0]}" size:>1MB` })).toBeNull();
    expect(question({ query: `tag:"${names[0]}" sunset` })).toBeNull();
    expect(question({ query: `tag:"${names[0]}" taken:2015-06-15` })).toBeNull();
    expect(question({ tagsAll: [names[0] as string], status: 'deleted' })).toBeNull();
    expect(question({ tagsAll: [names[0] as string], type: ['video'] })).toBeNull();
  });

  it('follow curating, trash, restore and tag edits', async () => {
    await call('media.setCurating', { ids: ids(1, 3_000, 3), rating: 5, label: 'red' });
    await call('media.setCurating', { ids: ids(2, 2_000, 7), flag: 'reject' });
    expectSameCounts();
    const trashed = ids(5, 1_500, 11);
    await call('media.softDelete', { ids: trashed });
    expectSameCounts();
    await call('media.restore', { ids: trashed.slice(0, 600) });
    await call('media.editTags', { ids: ids(3, 2_500, 5), add: [names[2]], remove: [names[0]] });
    expectSameCounts();
  });

  it('follow a merge, a deleted tag and forgotten items', async () => {
    await call('tags.merge', { from: [names.at(-1)], into: names[1] });
    const doomed = t.library.db.prepare(`SELECT id FROM tags WHERE name = ?`).pluck().get(names[2]) as number;
    await call('tags.delete', { id: doomed });
    expectSameCounts();
    await call('trash.empty', {});
    expectSameCounts();
  });

  it('follow items added past their room and a write made with plain SQL (another process)', () => {
    const db = t.library.db;
    const columnsOfMedia = (db.prepare(`SELECT name FROM pragma_table_info('media') WHERE name NOT IN ('id', 'rel_path')`).pluck().all() as string[]).join(', ');
    const far = ITEMS * 3;
    db.prepare(`INSERT INTO media (id, rel_path, ${columnsOfMedia}) SELECT ?, CAST('far/' || id AS BLOB), ${columnsOfMedia} FROM media WHERE id = 7`).run(far);
    const common = db.prepare(`SELECT id FROM tags WHERE name = ?`).pluck().get(names[0]) as number;
    db.prepare(`INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at) VALUES (?, ?, 'user', 1, '2025-01-01')`).run(far, common);
    db.prepare(`UPDATE media SET taken_at = '2016-03-03T10:00:00', rating = 4 WHERE id % 97 = 0`).run();
    expectSameCounts();
    expect(columnCount({ query: `tag:"${names[0]}" rating:>=0` })).toBe(listedCount({ query: `tag:"${names[0]}" rating:>=0` }));
  });

  it('load afresh when the log was pruned past them', async () => {
    await call('media.setCurating', { ids: ids(10, 500, 13), rating: 1 });
    const before = latestChange(t.library.db);
    expect(pruneMediaChanges(t.library.db, 1)).toBeGreaterThan(0);
    expect(latestChange(t.library.db)).toBe(before);
    await call('media.setCurating', { ids: ids(11, 500, 13), label: 'blue' });
    expectSameCounts();
  });
});
