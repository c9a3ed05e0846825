/**
 * `media.listIdsWindow` on a generated library, in the library process (no HTTP, no browser):
 * what a view change, a scroll, End and a scrubber jump cost the server, beside the whole id
 * list of the same view (what the gallery fetched per view change before it read windows).
 * Prints figures; not a test.
 *   node bin/run-ts.mjs test/bench/view-window-bench.ts [items]   (the UI bench's cached library)
 */
import { openLibrary } from '../../electron/library/library.js';
import { testContext } from '../helpers/temp-library.js';
import { cachedLargeLibrary, pickPhotos } from './cached-large-library.js';

const ITEMS = Number(process.argv[2] ?? 1_000_000);
const TAGS = 300;
const WINDOW = 1_000;
const SORT = { field: 'takenAt', direction: 'desc' } as const;

const { dir } = await cachedLargeLibrary(ITEMS, TAGS, pickPhotos());
const library = openLibrary(dir, { workers: 1 });
const ctx = testContext();
type Window = { total: number; ids: number[] };
const window = (filter: object, offset: number) =>
  library.service.call('media.listIdsWindow', { filter, sort: SORT, offset, limit: WINDOW }, ctx) as Promise<Window>;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
try {
  const tags = library.db.prepare('SELECT name FROM tags ORDER BY item_count DESC LIMIT 2').pluck().all() as string[];
  console.log(`${ITEMS.toLocaleString()} items, windows of ${WINDOW} ids, sort by date taken`);
  for (const filter of [{ status: 'active', versions: false }, ...tags.map((tag) => ({ status: 'active', versions: false, tagsAll: [tag] }))]) {
    const [first, cold] = await timed(() => window(filter, 0));
    const [, next] = await timed(() => window(filter, WINDOW));
    const [, end] = await timed(() => window(filter, first.total - WINDOW));
    const middle = Math.floor(first.total / 2);
    const [, jump] = await timed(() => window(filter, middle));
    const [, near] = await timed(() => window(filter, middle + WINDOW));
    const [, jump2] = await timed(() => window(filter, Math.floor(first.total / 3)));
    const [all, list] = await timed(() => library.service.call('media.listIds', { filter, sort: SORT }, ctx) as Promise<{ ids: number[] }>);
    console.log(`\n${JSON.stringify(filter)}: ${first.total.toLocaleString()} items`);
    console.log(`  first window of a view not seen (count + window): ${ms(cold)}; the next: ${ms(next)}; End: ${ms(end)}`);
    console.log(`  jump to 50 % (first far jump: the scrubber counts become anchors): ${ms(jump)}; the window after it: ${ms(near)}; then a jump to 33 %: ${ms(jump2)}`);
    console.log(`  baseline, the whole id list (${all.ids.length.toLocaleString()} ids, ${(JSON.stringify(all).length / 1e6).toFixed(1)} MB as JSON): ${ms(list)}`);
  }
  console.log(`\nserver process: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB resident`);
} finally {
  await library.close();
}
