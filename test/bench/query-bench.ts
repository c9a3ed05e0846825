/**
 * Query benchmark (issue 2): on a generated library of 1,000,000 items and 20,000 tags, the
 * p50/p95 of the gallery's hot reads and the time of the two bulk writes, each beside a
 * baseline measured in the same run on the same database:
 * - the same query as raw SQL through better-sqlite3 (what the service adds on top), and
 * - the naive query a first version would write (OFFSET paging, IN/NOT IN left to SQLite's
 *   planner, LIKE for autocomplete), to show what the plans buy.
 * Floors: p95 < 30 ms for the first page, tag all-of + none-of and autocomplete; < 2 s for
 * editTags, softDelete and setCurating (issue 14) of 100,000 items. Albums (issue 14): p95 < 30 ms
 * for the first page of a 50,000-item album in album order with its count; < 2 s to add
 * 100,000 items to an album. Printed, not asserted.
 *
 *   node bin/run-ts.mjs test/bench/query-bench.ts            (FOLIO_BENCH_ITEMS=200000 for a quick run)
 * FOLIO_BENCH_ONLY=search runs only the search language's figures (query-bench-search.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openLibrary } from '../../electron/library/library.js';
import type { MediaFilter } from '../../shared/schemas.js';
import { makeTempDir, removeDir, testContext } from '../helpers/temp-library.js';
import { generateLargeLibrary, random } from './large-library.js';
import { generateAlbums } from './large-albums.js';
import { curateLargeLibrary } from './large-library-curating.js';
import { searchFigures } from './query-bench-search.js';

const ITEMS = Number(process.env.FOLIO_BENCH_ITEMS ?? 1_000_000);
const TAGS = 20_000;
const BULK = Math.min(100_000, Math.floor(ITEMS / 4));
const REPS = 40;
const ONLY = process.env.FOLIO_BENCH_ONLY;

const dir = makeTempDir('folio-query-bench-');
const lib = openLibrary(path.join(dir, 'library'), { workers: 1 });
const ctx = testContext('bench');
const db = lib.db;
const rand = random(7);

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/** Runs `fn` REPS times (after two warm-ups) with a fresh argument each time; p50/p95 in ms. */
async function measure<T>(args: () => T, fn: (arg: T) => unknown): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 2; i += 1) await fn(args());
  const times: number[] = [];
  for (let i = 0; i < REPS; i += 1) {
    const arg = args();
    const start = performance.now();
    await fn(arg);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

function report(label: string, result: { p50: number; p95: number }, floor?: number, baseline?: { p50: number; p95: number }) {
  const verdict = floor === undefined ? '' : result.p95 < floor ? `  (floor p95 < ${floor} ms: met)` : `  (floor p95 < ${floor} ms: MISSED)`;
  const ratio = baseline === undefined ? '' : `  [${(baseline.p50 / result.p50).toFixed(1)}× the p50 of the baseline below]`;
  console.log(`  ${label.padEnd(58)} p50 ${ms(result.p50).padStart(9)}  p95 ${ms(result.p95).padStart(9)}${verdict}${ratio}`);
}

/**
 * Each write is timed from a settled WAL: the checkpoint that follows an edit (on its own
 * thread, db/wal-checkpoints.ts) is not left running into the next edit's time.
 */
async function timeOnce(fn: () => unknown | Promise<unknown>): Promise<number> {
  await lib.checkpoints?.settled();
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

function sampleIds(count: number, exclude = new Set<number>()): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const id = 1 + Math.floor(rand() * ITEMS);
    if (!exclude.has(id)) chosen.add(id);
  }
  return [...chosen];
}

async function main() {
  console.log(`Generating ${ITEMS.toLocaleString('en')} items and ${TAGS.toLocaleString('en')} tags in ${dir} …`);
  const generation = await timeOnce(() => {
    generateLargeLibrary(db, '/bench/photos', ITEMS, TAGS);
    curateLargeLibrary(db);
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  const links = (db.prepare(`SELECT count(*) AS n FROM media_tags`).get() as { n: number }).n;
  const counts = db.prepare(`SELECT name, item_count AS n FROM tags ORDER BY item_count DESC`).all() as { name: string; n: number }[];
  const bytes = fs.statSync(lib.paths.database).size;
  console.log(
    `  generated in ${(generation / 1000).toFixed(1)} s: ${links.toLocaleString('en')} tag links, database ${(bytes / 1e6).toFixed(0)} MB; ` +
      `most used tag on ${counts[0]?.n} items, median tag on ${counts[Math.floor(counts.length / 2)]?.n}, rarest on ${counts.at(-1)?.n}`,
  );
  const common = counts.slice(0, 5).map((tag) => tag.name);
  const middle = counts.slice(100, 300).map((tag) => tag.name);
  const rare = counts.slice(5_000).filter((tag) => tag.n > 0).map((tag) => tag.name);
  const service = lib.service;

  await searchFigures({ db, database: lib.paths.database, service, ctx, measure, report, pick, common, rare });
  if (ONLY === 'search') return;

  console.log('\nFirst page sorted by date taken (100 items)');
  const firstPage = await measure(() => null, () => service.call('media.list', { sort: { field: 'takenAt', direction: 'desc' }, limit: 100 }, ctx));
  report('media.list, full items', firstPage, 30);
  const rawFirst = db.prepare(`SELECT id, sort_date FROM media WHERE NOT EXISTS (SELECT 1 FROM trash WHERE media_id = media.id) ORDER BY coalesce(taken_at, mtime) DESC, id DESC LIMIT 100`);
  report('baseline: the same ids as raw SQL', await measure(() => null, () => rawFirst.all()));
  const deep = (db.prepare(`SELECT sort_date, id FROM media WHERE NOT EXISTS (SELECT 1 FROM trash WHERE media_id = media.id) ORDER BY coalesce(taken_at, mtime) DESC, id DESC LIMIT 1 OFFSET ?`).get(Math.floor(ITEMS / 2)) as { sort_date: string; id: number });
  const deepCursor = Buffer.from(JSON.stringify(['takenAt', 'desc', deep.sort_date, deep.id])).toString('base64url');
  report(
    'a page in the middle, keyset cursor',
    await measure(() => null, () => service.call('media.list', { sort: { field: 'takenAt', direction: 'desc' }, limit: 100, cursor: deepCursor }, ctx)),
  );
  const offsetPage = db.prepare(`SELECT id FROM media WHERE NOT EXISTS (SELECT 1 FROM trash WHERE media_id = media.id) ORDER BY coalesce(taken_at, mtime) DESC, id DESC LIMIT 100 OFFSET ?`);
  report('baseline: the same page with OFFSET', await measure(() => Math.floor(ITEMS / 2), (offset) => offsetPage.all(offset)));

  console.log('\nTag all-of + none-of, sorted by date (first page of 100)');
  const naiveTags = db.prepare(
    `SELECT m.id FROM media m WHERE NOT EXISTS (SELECT 1 FROM trash WHERE media_id = m.id)
       AND m.id IN (SELECT media_id FROM media_tags WHERE source = 'user' AND tag_id = (SELECT id FROM tags WHERE key = ?))
       AND m.id NOT IN (SELECT media_id FROM media_tags WHERE source = 'user' AND tag_id = (SELECT id FROM tags WHERE key = ?))
     ORDER BY coalesce(m.taken_at, m.mtime) DESC, m.id DESC LIMIT 100`,
  );
  const cases: [string, readonly string[]][] = [['common', common], ['middle', middle], ['rare', rare]];
  const everyCase: { p50: number; p95: number }[] = [];
  for (const [label, pool] of cases) {
    const filter = (): MediaFilter => {
      const all = pick(pool);
      let none = pick(common);
      while (none === all) none = pick(common);
      return { tagsAll: [all], tagsNone: [none] };
    };
    const result = await measure(filter, (f) => service.call('media.list', { filter: f, sort: { field: 'takenAt', direction: 'desc' }, limit: 100 }, ctx));
    everyCase.push(result);
    const naive = await measure(filter, (f) => naiveTags.all(f.tagsAll?.[0], f.tagsNone?.[0]));
    report(`media.list, ${label} all-of tag + common none-of tag`, result, 30, naive);
    report(`baseline: IN / NOT IN left to SQLite's planner`, naive);
  }
  const withTotal = await measure(
    () => ({ tagsAll: [pick(common)], tagsNone: [pick(middle)] }),
    (f) => service.call('media.list', { filter: f, limit: 100, withTotal: true }, ctx),
  );
  report('media.list common all-of + none-of, withTotal', withTotal);

  console.log('\nTag autocomplete (20 suggestions, by key prefix, most used first)');
  const prefixes = (length: number) => () => pick(counts.map((tag) => tag.name)).slice(0, length);
  const naiveAuto = db.prepare(`SELECT name, item_count FROM tags WHERE name LIKE ? || '%' AND item_count > 0 ORDER BY item_count DESC LIMIT 20`);
  for (const length of [1, 2, 3]) {
    const result = await measure(prefixes(length), (prefix) => service.call('tags.list', { prefix, limit: 20 }, ctx));
    const naive = await measure(prefixes(length), (prefix) => naiveAuto.all(prefix));
    report(`tags.list, ${length}-character prefix`, result, 30, naive);
    report('baseline: LIKE prefix% over all tags', naive);
  }

  console.log('\nEvery matching id in order (media.listIds, for the virtualised grid)');
  const allIds = await measure(() => null, () => service.call('media.listIds', { sort: { field: 'takenAt', direction: 'desc' } }, ctx));
  report(`whole library (${ITEMS.toLocaleString('en')} ids)`, allIds);
  report(
    'common tag none-of another common tag',
    await measure(() => ({ tagsAll: [pick(common)], tagsNone: [pick(common)] }), (f) => service.call('media.listIds', { filter: f }, ctx)),
  );
  report('rare tag', await measure(() => ({ tagsAll: [pick(rare)] }), (f) => service.call('media.listIds', { filter: f }, ctx)));

  console.log(`\nBulk writes on ${BULK.toLocaleString('en')} items (one transaction each)`);
  const bulkIds = sampleIds(BULK);
  const rawLink = db.prepare(`INSERT OR IGNORE INTO media_tags (media_id, tag_id, source, confidence, added_at) SELECT value, ?, 'user', 1, 'x' FROM json_each(?)`);
  db.prepare(`INSERT INTO tags (name, key, created_at) VALUES ('raw bulk', 'raw bulk', 'x')`).run();
  const rawTagId = (db.prepare(`SELECT id FROM tags WHERE key = 'raw bulk'`).get() as { id: number }).id;
  const rawAdd = await timeOnce(() => db.transaction(() => rawLink.run(rawTagId, JSON.stringify(bulkIds)))());
  const add = await timeOnce(() => service.call('media.editTags', { ids: bulkIds, add: ['bench bulk'] }, ctx));
  const remove = await timeOnce(() => service.call('media.editTags', { ids: bulkIds, remove: ['bench bulk'] }, ctx));
  const line = (label: string, value: number, floor?: number, baseline?: number) =>
    console.log(
      `  ${label.padEnd(58)} ${ms(value).padStart(10)}${floor === undefined ? '' : value < floor ? `  (floor < ${floor / 1000} s: met)` : `  (floor < ${floor / 1000} s: MISSED)`}${baseline === undefined ? '' : `  [${(value / baseline).toFixed(1)}× the raw baseline]`}`,
    );
  line('media.editTags add one tag', add, 2000, rawAdd);
  line('media.editTags remove it again', remove, 2000);
  line('baseline: raw INSERT … SELECT FROM json_each, no checks', rawAdd);

  const rawTrash = sampleIds(BULK);
  const rawDelete = await timeOnce(() =>
    db.transaction(() => db.prepare(`INSERT INTO trash (media_id, deleted_at) SELECT value, 'x' FROM json_each(?)`).run(JSON.stringify(rawTrash)))(),
  );
  db.transaction(() => db.prepare(`DELETE FROM trash WHERE media_id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(rawTrash)))();
  const trashIds = sampleIds(BULK);
  let deletedCount = 0;
  const softDelete = await timeOnce(async () => {
    deletedCount = (await service.call('media.softDelete', { ids: trashIds }, ctx)).deletedCount;
  });
  const restore = await timeOnce(() => service.call('media.restore', { ids: trashIds }, ctx));
  line(`media.softDelete (${deletedCount.toLocaleString('en')} moved)`, softDelete, 2000, rawDelete);
  line('media.restore of the same items', restore);
  line('baseline: raw INSERT INTO trash (no tag counts, no versions, no stamps)', rawDelete);

  // Issue 14: rating a shoot's worth of scattered items. The baseline is the bare UPDATE on
  // other items (so neither run finds rows already rated), without the id check or the stamps.
  const rawRateIds = sampleIds(BULK);
  const rawRate = await timeOnce(() =>
    db.transaction(() => db.prepare(`UPDATE media SET rating = 3 WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(rawRateIds)))(),
  );
  const rateIds = sampleIds(BULK, new Set(rawRateIds));
  let rated = 0;
  const rate = await timeOnce(async () => {
    rated = (await service.call('media.setCurating', { ids: rateIds, rating: 4 }, ctx)).updated;
  });
  const checkpointStart = performance.now();
  await lib.checkpoints?.settled();
  const checkpoint = performance.now() - checkpointStart;
  const labelAndFlag = await timeOnce(() => service.call('media.setCurating', { ids: rateIds, label: 'red', flag: 'pick' }, ctx));
  const ratedPage = await measure(() => null, () => service.call('media.list', { sort: { field: 'rating', direction: 'desc' }, limit: 100 }, ctx));
  line(`media.setCurating rating (${rated.toLocaleString('en')} changed)`, rate, 2000, rawRate);
  line('media.setCurating label + flag on the same items', labelAndFlag, 2000, rawRate);
  line('baseline: raw UPDATE … WHERE id IN json_each, no checks', rawRate);
  line('  the checkpoint after the rating, on its own thread (from the answer)', checkpoint);
  report('first page sorted by rating (100 items)', ratedPage, 30);

  // Issue 14: albums. 1,000 albums with a realistic skew, one of 50,000 items; its first page in
  // album order with the total (what the album view and `album:X` show), and filling an album.
  console.log('\nAlbums (1,000, one of 50,000 items)');
  const albums = await timeOnce(() => generateAlbums(db, ITEMS, 1_000, rand));
  const generated = db.prepare(`SELECT count(*) AS n FROM album_items`).get() as { n: number };
  console.log(`  generated in ${ms(albums)}: ${generated.n.toLocaleString('en')} album links`);
  const bigId = (db.prepare(`SELECT id FROM albums WHERE name_key = 'best of'`).get() as { id: number }).id;
  const albumFirst = await measure(() => null, () => service.call('albums.items', { id: bigId, limit: 100 }, ctx));
  const rawAlbumPage = db.prepare(
    `SELECT ai.media_id FROM album_items ai WHERE ai.album_id = ? AND NOT EXISTS (SELECT 1 FROM trash WHERE media_id = ai.media_id) ORDER BY ai.position, ai.media_id LIMIT 100`,
  );
  const rawAlbumTotal = db.prepare(`SELECT count(*) FROM album_items WHERE album_id = ?`).pluck();
  const rawAlbumTrashed = db.prepare(`SELECT count(*) FROM trash t CROSS JOIN album_items ai WHERE ai.album_id = ? AND ai.media_id = t.media_id`).pluck();
  const rawAlbum = await measure(() => null, () => [rawAlbumPage.all(bigId), (rawAlbumTotal.get(bigId) as number) - (rawAlbumTrashed.get(bigId) as number)]);
  const probedCount = db.prepare(`SELECT count(*) FROM album_items ai WHERE ai.album_id = ? AND NOT EXISTS (SELECT 1 FROM trash WHERE media_id = ai.media_id)`).pluck();
  report('albums.items, 50,000-item album: first 100 full items + count', albumFirst, 30, rawAlbum);
  report('baseline: the same ids and count as raw SQL', rawAlbum);
  report('baseline: the count probing the trash for each item', await measure(() => null, () => probedCount.get(bigId)));
  const naiveAlbum = db.prepare(
    `SELECT m.id FROM media m JOIN album_items ai ON ai.media_id = m.id AND ai.album_id = ? WHERE m.id NOT IN (SELECT media_id FROM trash) ORDER BY ai.position LIMIT 100 OFFSET ?`,
  );
  report('baseline: a middle page with OFFSET (25,000)', await measure(() => null, () => naiveAlbum.all(bigId, 25_000)));
  report('albums.itemIds, 50,000-item album (the gallery\'s id list)', await measure(() => null, () => service.call('albums.itemIds', { id: bigId }, ctx)));
  report('albums.list, 1,000 albums with counts and covers', await measure(() => null, () => service.call('albums.list', {}, ctx)));
  // The same album as a search (the gallery sorted by date, with its total), and a small one.
  const asSearch = (query: string) => () => service.call('media.list', { filter: { query }, sort: { field: 'takenAt', direction: 'desc' }, limit: 100, withTotal: true }, ctx);
  const naiveAlbumSearch = db.prepare(
    `SELECT m.id FROM media m WHERE NOT EXISTS (SELECT 1 FROM trash WHERE media_id = m.id) AND EXISTS (SELECT 1 FROM album_items ai WHERE ai.media_id = m.id AND ai.album_id = ?) ORDER BY coalesce(m.taken_at, m.mtime) DESC, m.id DESC LIMIT 100`,
  );
  const naiveAlbumSearchCount = db.prepare(`SELECT count(*) FROM media m WHERE NOT EXISTS (SELECT 1 FROM trash WHERE media_id = m.id) AND EXISTS (SELECT 1 FROM album_items ai WHERE ai.media_id = m.id AND ai.album_id = ?)`);
  const naiveSearch = await measure(() => null, () => [naiveAlbumSearch.all(bigId), naiveAlbumSearchCount.get(bigId)]);
  report('album:"Best of" (50,000) by date: first page + count', await measure(() => null, asSearch('album:"Best of"')), 30, naiveSearch);
  report('baseline: the same as one EXISTS, planner left alone', naiveSearch);
  report('album:"Shoot 0500" (a small album) by date: first page + count', await measure(() => null, asSearch('album:"Shoot 0500"')), 30);
  const fillIds = sampleIds(BULK);
  const rawAlbumId = Number(db.prepare(`INSERT INTO albums (kind, name, name_key, created_at) VALUES ('album', 'raw fill', 'raw fill', 'x')`).run().lastInsertRowid);
  const rawFill = await timeOnce(() =>
    db.transaction(() =>
      db.prepare(`INSERT INTO album_items (album_id, media_id, position, added_at) SELECT ?, value, key, 'x' FROM json_each(?)`).run(rawAlbumId, JSON.stringify(fillIds)),
    )(),
  );
  const filled = await service.call('albums.create', { name: 'Bench fill' }, ctx);
  const fill = await timeOnce(() => service.call('albums.editItems', { id: filled.id, add: fillIds }, ctx));
  const moveBefore = fillIds[Math.floor(fillIds.length / 2)] as number;
  const reorder = await timeOnce(() => service.call('albums.editItems', { id: filled.id, add: fillIds.slice(0, 1_000), moveBefore }, ctx));
  const empty = await timeOnce(() => service.call('albums.editItems', { id: filled.id, remove: fillIds }, ctx));
  line(`albums.editItems add ${BULK.toLocaleString('en')} items to a new album`, fill, 2000, rawFill);
  line('albums.editItems move 1,000 of them before another', reorder);
  line(`albums.editItems remove the ${BULK.toLocaleString('en')} again`, empty, 2000);
  line('baseline: raw INSERT … SELECT FROM json_each, no checks', rawFill);
  const check = db.pragma('integrity_check', { simple: true });
  console.log(`\nintegrity_check after the writes: ${String(check)}`);
}

try {
  await main();
} finally {
  await lib.close();
  removeDir(dir);
}
