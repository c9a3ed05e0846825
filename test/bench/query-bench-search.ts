/**
 * The search language's figures (issue 14), for query-bench.ts: the first page of 100 with its
 * total count, p50/p95, for each hot shape; beside it the same query as the naive SQL a first
 * version would run (the whole condition in one WHERE, left to SQLite's planner) and an
 * existing filter of the same run. The timeline facet (month counts) against a plain GROUP BY.
 */
import type { Db } from '../../electron/library/db/connection.js';
import type { Library } from '../../electron/library/library.js';
import type { CallContext } from '../../electron/library/service/types.js';
import { countThreadOf } from '../../electron/library/service/count-thread.js';
import { resolveList } from '../../electron/library/service/list-request.js';
import { columnQuestion } from '../../electron/library/service/view-count.js';

type Measure = <T>(args: () => T, fn: (arg: T) => unknown) => Promise<{ p50: number; p95: number }>;
type Report = (label: string, result: { p50: number; p95: number }, floor?: number, baseline?: { p50: number; p95: number }) => void;

export interface SearchBenchTools {
  db: Db;
  /** The library's file, for its count thread. */
  database: string;
  service: Library['service'];
  ctx: CallContext;
  measure: Measure;
  report: Report;
  pick: <T>(list: readonly T[]) => T;
  common: readonly string[];
  rare: readonly string[];
}

const ACTIVE = `NOT EXISTS (SELECT 1 FROM trash WHERE media_id = m.id)`;
const HAS = (n: string) => `EXISTS (SELECT 1 FROM media_tags t WHERE t.media_id = m.id AND t.source = 'user' AND t.tag_id = (SELECT id FROM tags WHERE key = @${n}))`;

export async function searchFigures(tools: SearchBenchTools): Promise<void> {
  const { db, database, service, ctx, measure, report, pick, common, rare } = tools;
  const two = <T>(pool: readonly T[]): [T, T] => {
    const a = pick(pool);
    let b = pick(pool);
    while (b === a) b = pick(pool);
    return [a, b];
  };
  const shapes: { label: string; query: () => { q: string; a: string; b: string }; naive: string }[] = [
    { label: 'rating:>=4 label:red', query: () => ({ q: 'rating:>=4 label:red', a: '', b: '' }), naive: `m.rating >= 4 AND m.label = 'red'` },
    {
      label: 'taken:2019..2020 -flag:reject',
      query: () => ({ q: 'taken:2019..2020 -flag:reject', a: '', b: '' }),
      naive: `m.sort_date >= '2019-01-01' AND m.sort_date < '2021-01-01' AND NOT m.flag = 'reject'`,
    },
    {
      label: 'OR of two rare tags',
      query: () => {
        const [a, b] = two(rare);
        return { q: `tag:"${a}" OR tag:"${b}"`, a, b };
      },
      naive: `(${HAS('a')} OR ${HAS('b')})`,
    },
    {
      label: 'OR of a common and a rare tag',
      query: () => {
        const a = pick(common);
        const b = pick(rare);
        return { q: `tag:"${a}" OR tag:"${b}"`, a, b };
      },
      naive: `(${HAS('a')} OR ${HAS('b')})`,
    },
    {
      label: 'five mixed terms with parentheses',
      query: () => {
        const a = pick(common);
        return { q: `(rating:>=3 OR flag:pick) -label:purple taken:2010..2022 -type:video tag:"${a}"`, a, b: '' };
      },
      naive: `(m.rating >= 3 OR m.flag = 'pick') AND NOT m.label = 'purple' AND m.sort_date >= '2010' AND m.sort_date < '2023' AND NOT m.type = 'video' AND ${HAS('a')}`,
    },
  ];
  console.log('\nSearch language (issue 14): first page of 100 + total count, sorted by date taken');
  await columnsBuilt(db, database, service, ctx, (shapes[4] as (typeof shapes)[number]).query().q);
  const existing = await measure(
    () => ({ tagsAll: [pick(rare)] }),
    (filter) => service.call('media.list', { filter, sort: { field: 'takenAt', direction: 'desc' }, limit: 100, withTotal: true }, ctx),
  );
  report('reference: an existing filter (rare all-of tag), same run', existing);
  for (const shape of shapes) {
    const page = await measure(shape.query, ({ q }) =>
      service.call('media.list', { filter: { query: q }, sort: { field: 'takenAt', direction: 'desc' }, limit: 100 }, ctx),
    );
    const count = await measure(shape.query, ({ q }) =>
      service.call('media.list', { filter: { query: q }, sort: { field: 'takenAt', direction: 'desc' }, limit: 100, withTotal: true }, ctx),
    );
    const naivePage = db.prepare(`SELECT m.id FROM media m WHERE ${ACTIVE} AND ${shape.naive} ORDER BY coalesce(m.taken_at, m.mtime) DESC, m.id DESC LIMIT 100`);
    const naiveCount = db.prepare(`SELECT count(*) FROM media m WHERE ${ACTIVE} AND ${shape.naive}`);
    const bind = (a: string, b: string) => Object.fromEntries(Object.entries({ a, b }).filter(([name]) => shape.naive.includes(`@${name}`)));
    const naive = await measure(shape.query, ({ a, b }) => {
      naivePage.all(bind(a, b));
      naiveCount.get(bind(a, b));
    });
    report(`${shape.label}: first page`, page, 30);
    report(`${shape.label}: first page + count`, count, 30, naive);
    report('baseline: naive SQL, page + count, planner left alone', naive);
  }

  console.log('\nTimeline facet (years and months with counts: media.sortBuckets by date taken)');
  // The service keeps answers until the library changes: a fresh year bound each time is a new
  // question (the whole library all the same), so this measures the query, not the cache.
  let bound = 3000;
  const facet = await measure(
    () => `taken:<=${(bound += 1)}`,
    (query) => service.call('media.sortBuckets', { filter: { query }, sort: { field: 'takenAt', direction: 'desc' } }, ctx),
  );
  const cached = await measure(() => null, () => service.call('media.sortBuckets', { sort: { field: 'takenAt', direction: 'desc' } }, ctx));
  const naiveFacet = db.prepare(`SELECT substr(m.sort_date, 1, 7) AS key, count(*) FROM media m WHERE ${ACTIVE} GROUP BY key ORDER BY key DESC`);
  const naive = await measure(() => null, () => naiveFacet.all());
  report('media.sortBuckets, whole library (not cached)', facet, 100, naive);
  report('baseline: GROUP BY month over the media table', naive);
  report('media.sortBuckets, whole library, answered from its cache', cached);
  const filtered = await measure(() => `rating:>=4 taken:<=${(bound += 1)}`, (query) =>
    service.call('media.sortBuckets', { filter: { query }, sort: { field: 'takenAt', direction: 'desc' } }, ctx),
  );
  report('media.sortBuckets for rating:>=4 (not cached)', filtered, 100);
}

/**
 * The first total of a view of tags and cube fields starts building the count thread's item
 * columns (db/item-columns.ts) and is counted by the list query meanwhile; the figures above are
 * those of a library whose columns are built, so this waits for them and prints both times.
 */
async function columnsBuilt(db: Db, database: string, service: Library['service'], ctx: CallContext, query: string): Promise<void> {
  const started = performance.now();
  await service.call('media.list', { filter: { query }, sort: { field: 'takenAt', direction: 'desc' }, limit: 100, withTotal: true }, ctx);
  const first = performance.now() - started;
  const resolved = resolveList(db, { query }, undefined, undefined);
  const question = resolved === null ? null : columnQuestion(resolved);
  if (question === null) throw new Error(`${query} is not counted by the item columns`);
  const thread = countThreadOf(db, database);
  while ((await thread.columnCount(question)) === null) await new Promise((resolve) => setTimeout(resolve, 20));
  const built = performance.now() - started;
  console.log(`  count thread's item columns built ${built.toFixed(0)} ms after the first such view (its own total, counted meanwhile by the list query: ${first.toFixed(0)} ms)`);
}
