/**
 * Tag tree benchmark (issue 13): a generated library of 1,000,000 items whose 20,000 tags are
 * grown into a tree of 200 top-level branches up to 5 levels deep, with 500 aliases and 2,000
 * implications (tag-tree-library.ts). Prints p50/p95 of the filters (a big branch, a leaf, an
 * alias, an implied tag, each with a none-of tag), autocomplete and the tree with counts, and
 * the time of renaming and moving a branch used by ~100,000 items, each beside a baseline
 * measured in the same run: the flat tag filter as it was (one tag, raw SQL), the flat tag list.
 * Floors: filters p95 < 30 ms, autocomplete p95 < 10 ms, rename/move < 2 s, tree < 100 ms.
 * Branch counts are distinct items kept by triggers (migration 016): the bench checks the big
 * branch's kept count against a recount, and times tagging and untagging 100,000 items with a
 * deep tag with those triggers and, as the baseline in the same run, without them.
 *
 *   node bin/run-ts.mjs test/bench/tag-tree-bench.ts        (FOLIO_BENCH_ITEMS=300000 for a quicker run)
 */
import path from 'node:path';
import { withBranchCounts } from '../../electron/library/db/tag-branch-counts.js';
import { openLibrary } from '../../electron/library/library.js';
import type { MediaFilter } from '../../shared/schemas.js';
import { makeTempDir, removeDir, testContext } from '../helpers/temp-library.js';
import { generateLargeLibrary, random } from './large-library.js';
import { growTagTree, TREE_BRANCHES } from './tag-tree-library.js';

const ITEMS = Number(process.env.FOLIO_BENCH_ITEMS ?? 1_000_000);
const TAGS = 20_000;
const REPS = 40;

const dir = makeTempDir('folio-tag-tree-bench-');
const lib = openLibrary(path.join(dir, 'library'), { workers: 1 });
const ctx = testContext('bench');
const db = lib.db;
const rand = random(5);

type Times = { p50: number; p95: number };
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

async function measure<T>(args: () => T, fn: (arg: T) => unknown, reps = REPS): Promise<Times> {
  for (let i = 0; i < 2; i += 1) await fn(args());
  const times: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    const arg = args();
    const start = performance.now();
    await fn(arg);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

function report(label: string, result: Times, floor?: number, baseline?: Times): void {
  const verdict = floor === undefined ? '' : `  (floor p95 < ${floor} ms: ${result.p95 < floor ? 'met' : 'MISSED'})`;
  const ratio = baseline === undefined ? '' : `  [${(result.p50 / baseline.p50).toFixed(1)}× the baseline's p50]`;
  console.log(`  ${label.padEnd(64)} p50 ${ms(result.p50).padStart(9)}  p95 ${ms(result.p95).padStart(9)}${verdict}${ratio}`);
}

async function timeOnce(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const pathOf = (id: number) => (db.prepare(`SELECT name FROM tags WHERE id = ?`).get(id) as { name: string }).name;
const keyOf = (id: number) => (db.prepare(`SELECT key FROM tags WHERE id = ?`).get(id) as { key: string }).key;
const countOf = (id: number) => (db.prepare(`SELECT item_count FROM tags WHERE id = ?`).get(id) as { item_count: number }).item_count;

async function main() {
  console.log(`Generating ${ITEMS.toLocaleString('en')} items, ${TAGS.toLocaleString('en')} tags in ${dir} …`);
  const generation = await timeOnce(() => generateLargeLibrary(db, '/bench/photos', ITEMS, TAGS));
  let shape = { branchIds: [] as number[], leafIds: [] as number[], aliases: [] as { alias: string; tagId: number }[], implications: [] as { tagId: number; impliedId: number }[] };
  const grow = await timeOnce(() => {
    shape = growTagTree(db, TAGS, 500, 2_000);
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  const branchSums = shape.branchIds.map((id) => {
    const key = (db.prepare(`SELECT key FROM tags WHERE id = ?`).get(id) as { key: string }).key;
    const sum = db.prepare(`SELECT coalesce(sum(item_count), 0) FROM tags WHERE key >= ? AND key < ?`).pluck().get(`${key}/`, `${key}0`) as number;
    return { id, sum };
  });
  const big = branchSums.reduce((best, b) => (Math.abs(b.sum - 100_000) < Math.abs(best.sum - 100_000) ? b : best));
  const distinctBig = db
    .prepare(`SELECT count(DISTINCT media_id) FROM media_tags WHERE source = 'user' AND tag_id IN (SELECT id FROM tags WHERE key >= ? AND key < ?)`)
    .pluck()
    .get(`${keyOf(big.id)}/`, `${keyOf(big.id)}0`) as number;
  console.log(
    `  generated in ${(generation / 1000).toFixed(1)} s, tree grown (${TREE_BRANCHES} branches, ${shape.leafIds.length} level-5 tags, ` +
      `${shape.aliases.length} aliases, ${shape.implications.length} implications, in ${(grow / 1000).toFixed(1)} s)`,
  );
  console.log(`  big branch: "${pathOf(big.id)}", ${distinctBig.toLocaleString('en')} distinct items beneath it (${big.sum.toLocaleString('en')} links)`);
  const keptBig = db.prepare(`SELECT branch_count FROM tags WHERE id = ?`).pluck().get(big.id) as number;
  console.log(`  its kept branch count: ${keptBig.toLocaleString('en')} (${keptBig === distinctBig ? 'equals' : 'DIFFERS FROM'} the recount)`);

  const service = lib.service;
  const common = db.prepare(`SELECT id FROM tags ORDER BY item_count DESC LIMIT 5`).pluck().all() as number[];
  const noneOf = () => pathOf(pick(common));
  const leaves = shape.leafIds.filter((id) => countOf(id) > 0);
  const implied = [...new Set(shape.implications.map((rule) => rule.impliedId))];
  const flatLike = (count: number) => db.prepare(`SELECT id FROM tags WHERE parent_id IS NOT NULL ORDER BY abs(item_count - ?) LIMIT 1`).pluck().get(count) as number;
  const rawFlat = db.prepare(
    `SELECT m.id FROM media m WHERE NOT EXISTS (SELECT 1 FROM trash WHERE media_id = m.id)
       AND EXISTS (SELECT 1 FROM media_tags t WHERE t.media_id = m.id AND t.source = 'user' AND t.tag_id = ?)
       AND NOT EXISTS (SELECT 1 FROM media_tags t WHERE t.media_id = m.id AND t.source = 'user' AND t.tag_id = ?)
     ORDER BY m.sort_date DESC, m.id DESC LIMIT 100`,
  );
  const page = (filter: MediaFilter) => service.call('media.list', { filter, sort: { field: 'takenAt', direction: 'desc' }, limit: 100 }, ctx);

  console.log('\nFilters, first page of 100 sorted by date, each with a none-of tag (one of the 5 most used)');
  // Today's flat filter, through the same service: one tag with no branch below it and nothing
  // implying it is exactly the flat code path. For the big branch, a flat tag on the same items.
  const bigKey = keyOf(big.id);
  db.prepare(`INSERT INTO tags (name, key, level, level_key, created_at) VALUES ('Flat baseline', 'flat baseline', 'Flat baseline', 'flat baseline', 'x')`).run();
  db.prepare(
    `INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at)
     SELECT DISTINCT media_id, (SELECT id FROM tags WHERE key = 'flat baseline'), 'user', 1, 'x' FROM media_tags
     WHERE source = 'user' AND tag_id IN (SELECT id FROM tags WHERE key >= ? AND key < ?) ORDER BY media_id`,
  ).run(`${bigKey}/`, `${bigKey}0`);
  const baselineBig = await measure(() => ({ tagsAll: ['Flat baseline'], tagsNone: [noneOf()] }), page);
  const bigBranch = await measure(() => ({ tagsAll: [pathOf(big.id)], tagsNone: [noneOf()] }), page);
  report(`big branch (${distinctBig.toLocaleString('en')} items) + none-of`, bigBranch, 30, baselineBig);
  report(`baseline: a flat tag on the same ${countOf(db.prepare(`SELECT id FROM tags WHERE key = 'flat baseline'`).pluck().get() as number).toLocaleString('en')} items + none-of`, baselineBig);
  report('baseline: the same flat filter as raw SQL (no driver choice)', await measure(() => [flatLike(distinctBig), pick(common)] as const, ([all, none]) => rawFlat.all(all, none)));
  const impliers = new Set(shape.implications.map((rule) => rule.impliedId));
  const flatLeaves = leaves.filter((id) => !impliers.has(id));
  const leafCase = await measure(() => ({ tagsAll: [pathOf(pick(leaves))], tagsNone: [noneOf()] }), page);
  const baselineLeaf = await measure(() => ({ tagsAll: [pathOf(pick(flatLeaves))], tagsNone: [noneOf()] }), page);
  report('a level-5 leaf + none-of', leafCase, 30, baselineLeaf);
  report('baseline: leaves nothing implies (the flat code path) + none-of', baselineLeaf);
  report('an alias + none-of', await measure(() => ({ tagsAll: [pick(shape.aliases).alias], tagsNone: [noneOf()] }), page), 30, baselineLeaf);
  report('an implied tag (its branch and the tags implying it) + none-of', await measure(() => ({ tagsAll: [pathOf(pick(implied))], tagsNone: [noneOf()] }), page), 30, baselineLeaf);
  report('a big branch as the none-of, with a common all-of', await measure(() => ({ tagsAll: [pathOf(pick(common))], tagsNone: [pathOf(big.id)] }), page), 30);
  report('a branch of each kind in one all-of (big branch + implied tag)', await measure(() => ({ tagsAll: [pathOf(big.id), pathOf(pick(implied))] }), page), 30);

  console.log('\nAutocomplete (20 suggestions: any level\'s start and aliases, most used first)');
  const levels = db.prepare(`SELECT level FROM tags`).pluck().all() as string[];
  const naiveAuto = db.prepare(`SELECT name, item_count FROM tags WHERE name LIKE '%' || ? || '%' ORDER BY item_count DESC LIMIT 20`);
  for (const length of [1, 2, 3]) {
    const prefix = () => pick(levels).slice(0, length);
    const result = await measure(prefix, (p) => service.call('tags.list', { prefix: p, limit: 20 }, ctx));
    const naive = await measure(prefix, (p) => naiveAuto.all(p));
    report(`tags.list, ${length}-character prefix`, result, 10, naive);
    report('baseline: LIKE %prefix% over every path', naive);
  }
  report('tags.list, an alias prefix ("alias 01")', await measure(() => 'alias 01', (p) => service.call('tags.list', { prefix: p, limit: 20 }, ctx)), 10);

  console.log('\nThe tree with counts (every tag, depth first, for the sidebar and the tag manager)');
  const treeTimes = await measure(() => null, () => service.call('tags.tree', {}, ctx), 15);
  const rawTags = db.prepare(`SELECT id, name, key, item_count, parent_id, level, level_key, colour FROM tags ORDER BY key`);
  const rawTree = await measure(() => null, () => rawTags.all(), 15);
  report(`tags.tree (${(await service.call('tags.tree', {}, ctx)).length.toLocaleString('en')} nodes)`, treeTimes, 100, rawTree);
  report('baseline: the tag rows alone, raw SQL', rawTree);
  report('baseline: today\'s flat tag list (tags.list, 1,000 most used)', await measure(() => null, () => service.call('tags.list', {}, ctx), 15));

  console.log(`\nRename and move the big branch (${distinctBig.toLocaleString('en')} items beneath it), one transaction each`);
  const line = (label: string, value: number, floor?: number) =>
    console.log(`  ${label.padEnd(64)} ${ms(value).padStart(10)}${floor === undefined ? '' : `  (floor < ${floor / 1000} s: ${value < floor ? 'met' : 'MISSED'})`}`);
  let undo = '';
  line('tags.update: rename the branch', await timeOnce(async () => { undo = (await service.call('tags.update', { id: big.id, path: 'Renamed branch' }, ctx)).undo; }), 2000);
  line('tags.undo of the rename', await timeOnce(() => service.call('tags.undo', { token: undo }, ctx)), 2000);
  const other = pathOf(shape.branchIds[(shape.branchIds.indexOf(big.id) + 7) % TREE_BRANCHES] as number);
  line(`tags.update: move it under "${other}"`, await timeOnce(async () => { undo = (await service.call('tags.update', { id: big.id, path: `${other}/Moved` }, ctx)).undo; }), 2000);
  line('tags.undo of the move', await timeOnce(() => service.call('tags.undo', { token: undo }, ctx)), 2000);
  const rawRename = await timeOnce(() =>
    db.transaction(() => db.prepare(`UPDATE tags SET name = 'x' || name WHERE key >= ? AND key < ?`).run(`${keyOf(big.id)}/`, `${keyOf(big.id)}0`))(),
  );
  line('baseline: a raw UPDATE of the branch\'s tag rows (names only)', rawRename);
  db.transaction(() => db.prepare(`UPDATE tags SET name = substr(name, 2) WHERE key >= ? AND key < ?`).run(`${keyOf(big.id)}/`, `${keyOf(big.id)}0`))();
  const mergeTarget = shape.branchIds[(shape.branchIds.indexOf(big.id) + 1) % TREE_BRANCHES] as number;
  line(`tags.merge: the big branch into "${pathOf(mergeTarget)}" (every link moves)`, await timeOnce(async () => { undo = (await service.call('tags.merge', { from: [big.id], into: pathOf(mergeTarget) }, ctx)).undo; }));
  line('tags.undo of the merge (every link back)', await timeOnce(() => service.call('tags.undo', { token: undo }, ctx)));
  console.log('\nBulk tag edits on 100,000 items (a tag 3 levels down the big branch): distinct branch counts kept vs the link writes alone (baseline)');
  const bulkIds = (db.prepare(`SELECT id FROM media ORDER BY random() LIMIT 100000`).pluck().all() as number[]).sort((a, b) => a - b);
  // The raw rounds leave out the first item, which keeps the tag alive between them.
  const bulkJson = JSON.stringify(bulkIds.slice(1));
  const rawLink = db.prepare(
    `INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at) SELECT value, ?, 'user', 1, 'x' FROM json_each(?) WHERE true
     ON CONFLICT DO NOTHING RETURNING media_id`,
  ).pluck();
  const rawUnlink = db.prepare(`DELETE FROM media_tags WHERE tag_id = ? AND source = 'user' AND media_id IN (SELECT value FROM json_each(?)) RETURNING media_id`).pluck();
  const hold = (fn: () => unknown) => db.transaction(() => {
    // What the links cost before migration 017: the same statement with the branch-count triggers held off and no shift.
    db.prepare(`INSERT INTO branch_counts_deferred (hold) VALUES (1)`).run();
    fn();
    db.prepare(`DELETE FROM branch_counts_deferred`).run();
  })();
  const bulkRound = async (label: string) => {
    const tagPath = `${pathOf(big.id)}/Bulk/${label}`;
    const service1 = await timeOnce(() => service.call('media.editTags', { ids: bulkIds, add: [tagPath] }, ctx));
    const service2 = await timeOnce(() => service.call('media.editTags', { ids: bulkIds, remove: [tagPath] }, ctx));
    // The tag may have gone with its last link; one item keeps it for the raw rounds.
    await service.call('media.editTags', { ids: [bulkIds[0]], add: [tagPath] }, ctx);
    const tagId = db.prepare(`SELECT id FROM tags WHERE name = ?`).pluck().get(tagPath) as number;
    const baseAdd = await timeOnce(() => hold(() => rawLink.all(tagId, bulkJson)));
    const baseRemove = await timeOnce(() => hold(() => rawUnlink.all(tagId, bulkJson)));
    const keptAdd = await timeOnce(() => db.transaction(() => withBranchCounts(db, tagId, 1, () => rawLink.all(tagId, bulkJson) as number[]))());
    const keptRemove = await timeOnce(() => db.transaction(() => withBranchCounts(db, tagId, -1, () => rawUnlink.all(tagId, bulkJson) as number[]))());
    await service.call('media.editTags', { ids: [bulkIds[0]], remove: [tagPath] }, ctx);
    return { service1, service2, baseAdd, baseRemove, keptAdd, keptRemove };
  };
  const rounds = [await bulkRound('one'), await bulkRound('two')];
  const best = (key: keyof (typeof rounds)[number]) => Math.min(...rounds.map((r) => r[key]));
  line('media.editTags: add to 100,000 items (the whole service call)', best('service1'));
  line('media.editTags: remove from them (the whole service call)', best('service2'));
  line('the link insert + distinct branch counts (withBranchCounts)', best('keptAdd'));
  line('baseline: the same link insert alone, as before migration 017', best('baseAdd'));
  line('the link delete + distinct branch counts (withBranchCounts)', best('keptRemove'));
  line('baseline: the same link delete alone, as before migration 017', best('baseRemove'));
  const keptAfter = db.prepare(`SELECT branch_count FROM tags WHERE id = ?`).pluck().get(big.id) as number;
  console.log(`  big branch's kept count after the edits: ${keptAfter.toLocaleString('en')} (${keptAfter === keptBig ? 'unchanged, as it must be' : 'CHANGED'})`);
  const check = db.pragma('integrity_check', { simple: true });
  console.log(`\nintegrity_check after the writes: ${String(check)}`);
}

try {
  await main();
} finally {
  await lib.close();
  removeDir(dir);
}
