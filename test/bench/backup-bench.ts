/**
 * What backups and the check cost (issue 12), on a generated library (100,000 items by default),
 * beside baselines measured in the same run on the same database:
 * - `folio backup` (VACUUM INTO + its quick_check) against a raw copy of the checkpointed file
 *   (fast, but only safe when nothing writes), and the backup again while another connection
 *   commits in a loop, with how many commits went through meanwhile (a backup never blocks them);
 * - the cut-WAL inspection every open does, on a WAL left by a large write, against reading
 *   the file once;
 * - `folio check` against SQLite's integrity_check alone (the part it cannot skip), per item.
 *   The generated items' files do not exist, so every item costs one failed stat.
 *
 *   node bin/run-ts.mjs test/bench/backup-bench.ts      (FOLIO_BENCH_ITEMS=20000 for a quick run)
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { openLibrary } from '../../electron/library/library.js';
import { writeBackup } from '../../electron/library/db/backups/write-backup.js';
import { integrityProblems } from '../../electron/library/db/consistency-queries.js';
import { inspectWal } from '../../electron/library/db/wal-inspection.js';
import { makeTempDir, removeDir, testContext } from '../helpers/temp-library.js';
import { generateLargeLibrary } from './large-library.js';

const ITEMS = Number(process.env.FOLIO_BENCH_ITEMS ?? 100_000);
const dir = makeTempDir('folio-backup-bench-');
const lib = openLibrary(path.join(dir, 'library'), { workers: 1 });
const generated = generateLargeLibrary(lib.db, path.join(dir, 'photos'), ITEMS, 2_000);
lib.db.pragma('wal_checkpoint(TRUNCATE)');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

console.log(`library: ${ITEMS.toLocaleString()} items, ${generated.links.toLocaleString()} tag links, ${mb(fs.statSync(lib.paths.database).size)}`);

let start = process.hrtime.bigint();
fs.copyFileSync(lib.paths.database, path.join(dir, 'raw-copy.sqlite'));
const copyMs = ms(start);

start = process.hrtime.bigint();
const backup = writeBackup(lib.db, path.join(dir, 'backup.sqlite'));
const backupMs = ms(start);
console.log(`backup (VACUUM INTO + quick_check): ${backupMs.toFixed(0)} ms, ${mb(backup.bytes)}   baseline raw file copy: ${copyMs.toFixed(0)} ms   ratio ${(backupMs / copyMs).toFixed(1)}×`);

// Another connection commits one small transaction after another while the backup runs.
const writer = new Worker(
  `const { workerData, parentPort } = require('node:worker_threads');
   const Database = require('better-sqlite3');
   const db = new Database(workerData, { timeout: 5000 });
   db.pragma('journal_mode = WAL');
   const insert = db.prepare("INSERT INTO tags (name, key, created_at) VALUES (?, ?, datetime('now'))");
   const shared = new Int32Array(new SharedArrayBuffer(4));
   let n = 0;
   parentPort.on('message', (what) => { parentPort.postMessage(n); if (what === 'stop') { db.close(); process.exit(0); } });
   (function loop() { for (let i = 0; i < 10; i += 1) { insert.run('w-' + n, 'w-' + n); n += 1; } Atomics.wait(shared, 0, 0, 1); setImmediate(loop); })();`,
  { eval: true, workerData: lib.paths.database },
);
const committed = (what: 'count' | 'stop'): Promise<number> =>
  new Promise((resolve) => {
    writer.once('message', resolve);
    writer.postMessage(what);
  });
await new Promise((resolve) => setTimeout(resolve, 300));
const before = await committed('count');
const idleStart = process.hrtime.bigint();
await new Promise((resolve) => setTimeout(resolve, 500));
const idleRate = ((await committed('count')) - before) / ms(idleStart);
const atStart = await committed('count');
start = process.hrtime.bigint();
const underLoad = writeBackup(lib.db, path.join(dir, 'backup-under-load.sqlite'));
const loadMs = ms(start);
const during = (await committed('stop')) - atStart;
console.log(
  `backup while another connection commits: ${loadMs.toFixed(0)} ms, ${mb(underLoad.bytes)}; it committed ${during.toLocaleString()} times meanwhile (${(during / loadMs).toFixed(1)}/ms)   baseline without a backup: ${idleRate.toFixed(1)} commits/ms`,
);

start = process.hrtime.bigint();
integrityProblems(lib.db);
const integrityMs = ms(start);
start = process.hrtime.bigint();
const report = await lib.service.call('library.check', {}, testContext());
const checkMs = ms(start);
console.log(
  `check: ${checkMs.toFixed(0)} ms (${((checkMs * 1000) / ITEMS).toFixed(1)} µs per item; ${report.counts['file-missing']?.toLocaleString() ?? 0} missing files found)   baseline integrity_check alone: ${integrityMs.toFixed(0)} ms   ratio ${(checkMs / integrityMs).toFixed(1)}×`,
);

// A large write left in the WAL (no checkpoint), as a crash after a bulk edit leaves it.
lib.db.pragma('wal_autocheckpoint = 0');
lib.db.prepare(`UPDATE media SET description = 'bench ' || id`).run();
const walFile = `${lib.paths.database}-wal`;
start = process.hrtime.bigint();
fs.readFileSync(walFile);
const readMs = ms(start);
start = process.hrtime.bigint();
const wal = inspectWal(lib.paths.database);
const inspectMs = ms(start);
console.log(
  `cut-WAL inspection at open: ${inspectMs.toFixed(0)} ms for a ${mb(wal.bytes)} WAL (${wal.frames.toLocaleString()} frames, ${wal.state})   baseline reading the file once: ${readMs.toFixed(0)} ms   ratio ${(inspectMs / readMs).toFixed(1)}×`,
);

await lib.close();
removeDir(dir);
