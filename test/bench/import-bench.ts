/**
 * Import benchmark (issue 2). Prints figures; asserts nothing.
 * 1. Importing a folder, in files/s, against a bare sharp loop measured in the same run that
 *    decodes each file once and writes the same four WebP sizes (bare-thumbnail-loop.ts, its
 *    own process, sharp's default threading, as many files at once as the import has workers).
 *    Floor: the import at ≥ 0.8× the bare loop, on ../shared/corpus and on large (≥ 12 MP)
 *    photos (the Plasma wallpapers; see the briefing for how to fetch them).
 * 2. Time until 10,000 new files are listed (before their thumbnails exist), time until all
 *    are done, and the main thread's event-loop delay p99 during that import (floor < 50 ms).
 *
 *   node bin/run-ts.mjs test/bench/import-bench.ts
 *   FOLIO_BENCH_FILES=2000 for a quicker part 2; FOLIO_BENCH_WALLPAPERS=<dir> (default /tmp/wallpapers);
 *   FOLIO_BENCH_PARTS=corpus,large,listed to run only some parts
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { openLibrary } from '../../electron/library/library.js';
import { isClutter } from '../../electron/library/import/clutter.js';
import { makeTempDir, removeDir, REPO_ROOT, testContext } from '../helpers/temp-library.js';

const WORKERS = os.availableParallelism();
const LISTED_FILES = Number(process.env.FOLIO_BENCH_FILES ?? 10_000);
const WALLPAPERS = process.env.FOLIO_BENCH_WALLPAPERS ?? '/tmp/wallpapers';
const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
const LARGE_PIXELS = 12_000_000;

const work = makeTempDir('folio-import-bench-');
const ctx = testContext('bench');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Regular files under `dir` the import would record (hidden files and system litter excluded). */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (isClutter(Buffer.from(entry.name))) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Reads every file once so neither contender pays for the first disk read. */
function warm(files: string[]): void {
  for (const file of files) fs.readFileSync(file);
}

interface Timed {
  ms: number;
  files: number;
}

function runBare(files: string[], label: string): Timed & { failed: number } {
  label = label.replace(/[^\w-]+/g, '_');
  const list = path.join(work, `${label}-list.json`);
  const out = path.join(work, `${label}-bare-out`);
  fs.writeFileSync(list, JSON.stringify(files));
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/run-ts.mjs'), path.join(REPO_ROOT, 'test/bench/bare-thumbnail-loop.ts'), list, out, String(WORKERS)], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the bare loop failed: ${run.stderr}`);
  removeDir(out);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Timed & { failed: number };
}

async function runImport(folder: string, label: string): Promise<Timed & { p99: number; max: number }> {
  const libraryDir = path.join(work, `${label.replace(/[^\w-]+/g, '_')}-library-${Date.now()}`);
  const library = openLibrary(libraryDir, { workers: WORKERS });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  try {
    const start = performance.now();
    delay.enable();
    await library.importer.start(folder);
    await library.importer.whenIdle();
    const ms = performance.now() - start;
    delay.disable();
    const status = library.importer.status();
    return { ms, files: status?.done ?? 0, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 };
  } finally {
    await library.close();
    removeDir(libraryDir);
  }
}

async function compare(label: string, folder: string): Promise<void> {
  const files = listFiles(folder);
  warm(files);
  // Alternating runs, so a neighbour's burst of load hits both contenders alike.
  const bare: number[] = [];
  const imported: number[] = [];
  let worstP99 = 0;
  let failed = 0;
  for (let round = 0; round < 2; round += 1) {
    const b = runBare(files, label);
    bare.push(b.ms);
    failed = b.failed;
    const i = await runImport(folder, label);
    imported.push(i.ms);
    worstP99 = Math.max(worstP99, i.p99);
  }
  const bareMs = bare.reduce((a, b) => a + b) / bare.length;
  const importMs = imported.reduce((a, b) => a + b) / imported.length;
  const ratio = bareMs / importMs;
  console.log(`\n${label}: ${files.length} files (${failed} the bare loop could not decode: damaged, text, RAW neither preview nor LibRaw could show)`);
  console.log(`  bare sharp loop   ${(files.length / (bareMs / 1000)).toFixed(1).padStart(7)} files/s   (${bare.map(seconds).join(', ')})`);
  console.log(`  folio import      ${(files.length / (importMs / 1000)).toFixed(1).padStart(7)} files/s   (${imported.map(seconds).join(', ')})`);
  console.log(`  ratio import/bare ${ratio.toFixed(2)}×  (floor ≥ 0.80×: ${ratio >= 0.8 ? 'met' : 'MISSED'});  event-loop delay p99 ${worstP99.toFixed(1)} ms`);
}

/** The ≥ 12 MP wallpapers, one copy each; else corpus photos upscaled to 16 MP (said so). */
async function largePhotos(): Promise<{ folder: string; note: string }> {
  const folder = path.join(work, 'large');
  fs.mkdirSync(folder);
  const seen = new Set<string>();
  if (fs.existsSync(WALLPAPERS)) {
    for (const file of listFiles(WALLPAPERS).filter((f) => /\.(jpe?g|png)$/i.test(f))) {
      const meta = await sharp(file).metadata();
      if (meta.width * meta.height < LARGE_PIXELS) continue;
      const bytes = fs.readFileSync(file);
      const md5 = createHash('md5').update(bytes).digest('hex');
      if (seen.has(md5)) continue;
      seen.add(md5);
      fs.writeFileSync(path.join(folder, `${seen.size}-${path.basename(file)}`), bytes);
    }
  }
  if (seen.size > 0) return { folder, note: `${seen.size} distinct ≥ 12 MP photos from ${WALLPAPERS}` };
  const sources = listFiles(path.join(CORPUS, 'exif-samples/jpg/gps'));
  for (const [i, file] of sources.entries()) {
    await sharp(file).resize(4608, 3456, { fit: 'fill' }).jpeg({ quality: 90 }).toFile(path.join(folder, `upscaled-${i}.jpg`));
  }
  return { folder, note: `no ≥ 12 MP photos at ${WALLPAPERS}: ${sources.length} corpus photos upscaled to 4608×3456 with sharp` };
}

/** Tiny distinct JPEGs (their pixels depend on the index, so every md5 differs). */
async function generateSmallFiles(folder: string, count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const i = next++;
        const dir = path.join(folder, `batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
        fs.mkdirSync(dir, { recursive: true });
        const pixels = Buffer.alloc(48 * 36 * 3);
        for (let p = 0; p < pixels.length; p += 1) pixels[p] = (p * 31 + i * 7 + (i >> 8) * 13) % 256;
        await sharp(pixels, { raw: { width: 48, height: 36, channels: 3 } }).jpeg({ quality: 80 }).toFile(path.join(dir, `img-${i}.jpg`));
      }
    }),
  );
}

async function listedBenchmark(): Promise<void> {
  const folder = path.join(work, 'many');
  await generateSmallFiles(folder, LISTED_FILES);
  warm(listFiles(folder));
  const library = openLibrary(path.join(work, 'many-library'), { workers: WORKERS });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  try {
    const start = performance.now();
    delay.enable();
    await library.service.call('import.start', { path: folder }, ctx);
    let listedMs = 0;
    let thumbnailsWhenListed = 0;
    while (listedMs === 0) {
      const page = await library.service.call('media.list', { limit: 1, withTotal: true }, ctx);
      if ((page.total ?? 0) >= LISTED_FILES) {
        listedMs = performance.now() - start;
        thumbnailsWhenListed = library.db.prepare(`SELECT count(DISTINCT md5) FROM thumbnails`).pluck().get() as number;
      } else {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await library.importer.whenIdle();
    const allMs = performance.now() - start;
    delay.disable();
    const p99 = delay.percentile(99) / 1e6;
    console.log(`\n${LISTED_FILES} new small files (48×36 JPEG):`);
    console.log(`  listed by media.list after        ${seconds(listedMs)}  (${thumbnailsWhenListed} of them had thumbnails by then)`);
    console.log(`  all read, hashed and thumbnailed  ${seconds(allMs)}  (${(LISTED_FILES / (allMs / 1000)).toFixed(0)} files/s)`);
    console.log(`  main-thread event-loop delay      p99 ${p99.toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms  (floor p99 < 50 ms: ${p99 < 50 ? 'met' : 'MISSED'})`);
  } finally {
    await library.close();
  }
}

try {
  console.log(`import benchmark: ${WORKERS} workers; load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const parts = (process.env.FOLIO_BENCH_PARTS ?? 'corpus,large,listed').split(',');
  if (parts.includes('corpus')) await compare('../shared/corpus', CORPUS);
  if (parts.includes('large')) {
    const large = await largePhotos();
    await compare(`large photos (${large.note})`, large.folder);
  }
  if (parts.includes('listed')) await listedBenchmark();
  console.log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (other engineers share this machine)`);
} finally {
  removeDir(work);
}
