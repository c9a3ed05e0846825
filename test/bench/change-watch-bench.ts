/**
 * What watching for other processes' writes costs (issue 11): the app and `folio serve` read
 * `PRAGMA data_version` every 750 ms on the thread that answers the UI. Printed beside baselines
 * measured in the same run on the same database (200,000 generated items):
 * - one poll against the cheapest prepared read there is (`SELECT 1`), and its share of one core;
 * - how long a commit by another connection takes to reach a listener (expected: about half the
 *   interval on average, the interval at worst), against a write through this process's own
 *   service, which is announced synchronously.
 *
 *   node bin/run-ts.mjs test/bench/change-watch-bench.ts      (FOLIO_BENCH_ITEMS=20000 for a quick run)
 */
import path from 'node:path';
import { openLibrary } from '../../electron/library/library.js';
import { OTHER_PROCESS_ACTOR, OTHER_PROCESS_POLL_MS, watchOtherProcessChanges } from '../../electron/library/db/other-process-changes.js';
import { makeTempDir, removeDir, testContext } from '../helpers/temp-library.js';
import { generateLargeLibrary } from './large-library.js';

const ITEMS = Number(process.env.FOLIO_BENCH_ITEMS ?? 200_000);
const POLLS = 200_000;
const COMMITS = 12;

const dir = makeTempDir('folio-watch-bench-');
const libraryDir = path.join(dir, 'library');
const lib = openLibrary(libraryDir, { workers: 1 });
generateLargeLibrary(lib.db, path.join(dir, 'photos'), ITEMS, 2_000);
const other = openLibrary(libraryDir, { workers: 1 });

function perCallMicros(fn: () => unknown): number {
  for (let i = 0; i < 1_000; i += 1) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < POLLS; i += 1) fn();
  return Number(process.hrtime.bigint() - start) / 1_000 / POLLS;
}

const selectOne = lib.db.prepare('SELECT 1');
const baseline = perCallMicros(() => selectOne.get());
const poll = perCallMicros(() => lib.db.pragma('data_version', { simple: true }));
const share = (poll / 1_000 / OTHER_PROCESS_POLL_MS) * 100;
console.log(`library: ${ITEMS.toLocaleString()} items`);
console.log(`one poll (PRAGMA data_version): ${poll.toFixed(2)} µs   baseline SELECT 1: ${baseline.toFixed(2)} µs   ratio ${(poll / baseline).toFixed(2)}×`);
console.log(`polling every ${OTHER_PROCESS_POLL_MS} ms costs ${share.toExponential(1)} % of one core`);

/** Milliseconds from a commit to its `library.changed`, for `COMMITS` commits at random moments. */
async function latencies(write: (i: number) => void, actor: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < COMMITS; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * OTHER_PROCESS_POLL_MS));
    const heard = new Promise<number>((resolve) => {
      const stop = lib.events.on('library.changed', (change) => {
        if (change.actor !== actor) return;
        stop();
        resolve(performance.now());
      });
    });
    const start = performance.now();
    write(i);
    times.push((await heard) - start);
  }
  return times.sort((a, b) => a - b);
}

const stopWatching = watchOtherProcessChanges(lib.db, lib.events);
// The watch's timer is unref'd (it never keeps an app alive); this one keeps the bench alive.
const keepAlive = setInterval(() => undefined, 1_000);
const setDescription = other.db.prepare('UPDATE media SET description = ? WHERE id = ?');
const foreign = await latencies((i) => setDescription.run(`commit ${i}`, i + 1), OTHER_PROCESS_ACTOR);
const own = await latencies(
  (i) => void lib.service.call('media.update', { id: i + 1, patch: { description: `own ${i}` } }, testContext('bench')),
  'bench',
);
stopWatching();
clearInterval(keepAlive);
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const fmt = (values: number[]) => `mean ${mean(values).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
console.log(`commit by another connection → event: ${fmt(foreign)}   (${COMMITS} commits)`);
console.log(`baseline, write through this process's service → event: ${fmt(own)}`);

await other.close();
await lib.close();
removeDir(dir);
