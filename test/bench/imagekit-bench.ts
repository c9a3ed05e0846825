/**
 * The ImageKit dialect's cost (issue 17), through the real `@imagekit/nodejs` client against a
 * browser-mode server on a generated library, each beside Folio's own REST route doing the same
 * work in the same run:
 * - files.get vs GET /api/media/{id};
 * - assets.list pages of 100 at skip 0, the middle and the end (ImageKit pages by offset; the
 *   dialect lists the matching ids in order, then loads one page) vs GET /api/media keyset pages;
 * - files.bulk.addTags on 1,000 files vs POST /api/media/tags with the same ids.
 * Prints figures; asserts nothing.
 *
 *   node bin/run-ts.mjs test/bench/imagekit-bench.ts        (FOLIO_BENCH_ITEMS=20000 for a quick run)
 */
import path from 'node:path';
import ImageKit from '@imagekit/nodejs';
import { openLibrary } from '../../electron/library/library.js';
import { startHttpServer } from '../../electron/library/http/server.js';
import { makeTempDir, removeDir } from '../helpers/temp-library.js';
import { generateLargeLibrary } from './large-library.js';

const ITEMS = Number(process.env.FOLIO_BENCH_ITEMS ?? 100_000);
const TOKEN = 'bench-key-0123456789abcdef';
const REPS = 30;
const BULK = 1_000;

const dir = makeTempDir('folio-imagekit-bench-');
const lib = openLibrary(path.join(dir, 'library'), { workers: 1 });
const started = performance.now();
generateLargeLibrary(lib.db, '/bench/photos', ITEMS, 2_000);
console.log(`library: ${ITEMS.toLocaleString('en')} items, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const server = await startHttpServer({ library: lib, port: 0, token: TOKEN });
const imagekit = new ImageKit({ privateKey: TOKEN, baseURL: server.origin, maxRetries: 0, logLevel: 'off' });

async function rest(method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.origin}${route}`, {
    method,
    headers: { 'X-Api-Key': TOKEN, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

async function measure(fn: (rep: number) => Promise<unknown>, reps = REPS): Promise<{ p50: number; p95: number }> {
  await fn(-1);
  await fn(-2);
  const times: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const start = performance.now();
    await fn(rep);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

function report(label: string, result: { p50: number; p95: number }, baseline?: { p50: number }): void {
  const ratio = baseline === undefined ? '' : `  (${(result.p50 / baseline.p50).toFixed(1)}× the baseline's p50)`;
  console.log(`  ${label.padEnd(62)} p50 ${result.p50.toFixed(1).padStart(7)} ms  p95 ${result.p95.toFixed(1).padStart(7)} ms${ratio}`);
}

const pickId = (rep: number) => 1 + ((rep + 3) * 7_919) % ITEMS;

console.log('\none item');
const restGet = await measure((rep) => rest('GET', `/api/media/${pickId(rep)}`));
report('baseline: GET /api/media/{id}', restGet);
report('files.get (GET /v1/files/{id}/details)', await measure((rep) => imagekit.files.get(String(pickId(rep)))), restGet);

console.log('\na page of 100, sorted by name');
const firstPage = (await rest('GET', '/api/media?limit=100&sort=name')) as { nextCursor: string };
const restFirst = await measure(() => rest('GET', '/api/media?limit=100&sort=name'));
report('baseline: GET /api/media?limit=100&sort=name (first page)', restFirst);
report(
  'baseline: the same, next page by cursor',
  await measure(() => rest('GET', `/api/media?limit=100&sort=name&cursor=${encodeURIComponent(firstPage.nextCursor)}`)),
);
for (const skip of [0, Math.floor(ITEMS / 2), ITEMS - 100]) {
  report(
    `assets.list({ sort: 'ASC_NAME', limit: 100, skip: ${skip.toLocaleString('en')} })`,
    await measure(() => imagekit.assets.list({ sort: 'ASC_NAME', limit: 100, skip })),
    restFirst,
  );
}

console.log(`\ntag ${BULK.toLocaleString('en')} files at once (a new tag each time)`);
const ids = Array.from({ length: BULK }, (_, index) => 1 + ((index * 97) % ITEMS));
const restBulk = await measure((rep) => rest('POST', '/api/media/tags', { ids, addTags: [`bench-rest-${rep}`] }), 10);
report('baseline: POST /api/media/tags', restBulk);
report(
  'files.bulk.addTags (POST /v1/files/addTags)',
  await measure((rep) => imagekit.files.bulk.addTags({ fileIds: ids.map(String), tags: [`bench-ik-${rep}`] }), 10),
  restBulk,
);

await server.close();
await lib.close();
removeDir(dir);
