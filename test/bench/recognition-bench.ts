/**
 * Recognition benchmark (issue 16). Prints figures; asserts nothing.
 * 1. Per-photo time of the `objects` extension (media.autoTag through the service: read the
 *    row, open the original, decode, detect, write the tags in a transaction) against a bare
 *    loop of the same model on the same runtime (tfjs wasm) and the same photos in the same
 *    run: read the file, the same sharp decode, letterboxed to the model input, detect. Floor: bare/extension ≥ 0.9.
 *    Each photo runs through both back to back, in alternating order; its median is taken.
 * 2. Photos per second on the large photos (≥ 2 MP), one at a time and as one autoTag call;
 *    the event-loop delay p99 while it runs; peak memory (RSS) of the process.
 * 4. The background analysis (analysis queue, one item at a time): the UI thread's event-loop
 *    delay p99 and a gallery page's answer time (media.list, 100 items) while it analyses the
 *    large photos, against the same probe on the idle library in the same run (floor p99 < 50 ms).
 * 3. Quality: precision and recall of `objects` against hand labels
 *    (test/bench/recognition-labels.json, 40+ photos) at several minConfidence values.
 *
 *   node bin/run-ts.mjs test/bench/recognition-bench.ts
 *   FOLIO_BENCH_WALLPAPERS=<dir holding usr/share/wallpapers's folders> (default /tmp/wallpapers)
 *   FOLIO_BENCH_ROUNDS=3
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { openLibrary } from '../../electron/library/library.js';
import { nanodetDetector } from '../../electron/library/extensions/objects/nanodet-detector.js';
import { DETECTION_FLOOR, OBJECTS_MIN_CONFIDENCE } from '../../electron/library/extensions/objects/objects.js';
import type { AiTag } from '../../shared/media.js';
import { makeTempDir, removeDir, REPO_ROOT, testContext } from '../helpers/temp-library.js';

interface Labelled {
  set: 'corpus' | 'wallpapers';
  path: string;
  present: string[];
  ambiguous: string[];
  note: string;
}

const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'exif-samples');
const WALLPAPERS = process.env.FOLIO_BENCH_WALLPAPERS ?? '/tmp/wallpapers';
const ROUNDS = Number(process.env.FOLIO_BENCH_ROUNDS ?? 3);
const LARGE_PIXELS = 2_000_000;
/** FOLIO_BENCH_ONLY=background: only section 4 (the quality table needs sections 1–2). */
const ONLY_BACKGROUND = process.env.FOLIO_BENCH_ONLY === 'background';
const THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7];

const labels = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'bench', 'recognition-labels.json'), 'utf8')) as { photos: Labelled[] }).photos;
const sourceOf = (photo: Labelled) => path.join(photo.set === 'corpus' ? CORPUS : WALLPAPERS, photo.path);
const available = labels.filter((photo) => fs.existsSync(sourceOf(photo)));
const skipped = labels.length - available.length;

const work = makeTempDir('folio-recognition-bench-');
const folder = path.join(work, 'photos');
fs.mkdirSync(folder);
const fileName = (photo: Labelled, index: number) => `${String(index).padStart(3, '0')}-${path.basename(photo.path)}`;
available.forEach((photo, index) => fs.copyFileSync(sourceOf(photo), path.join(folder, fileName(photo, index))));

const library = openLibrary(path.join(work, 'library'), { workers: 1 });
const ctx = testContext('bench');
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const ms = (value: number) => `${value.toFixed(1)} ms`;

try {
  await library.service.call('import.start', { path: folder }, ctx);
  await library.importer.whenIdle();
  const rows = library.db.prepare(`SELECT id, display_path AS name, width, height FROM media ORDER BY display_path`).all() as {
    id: number;
    name: string;
    width: number;
    height: number;
  }[];
  const photos = available.map((photo, index) => {
    const row = rows.find((r) => r.name === fileName(photo, index));
    if (!row) throw new Error(`not imported: ${photo.path}`);
    return { ...photo, id: row.id, file: path.join(folder, row.name), pixels: row.width * row.height };
  });
  console.log(`${photos.length} labelled photos (${skipped} wallpapers not found under ${WALLPAPERS})`);

  const detector = await nanodetDetector();
  const bare = async (file: string) => {
    const rgb = await sharp(await fs.promises.readFile(file)).rotate().resize(detector.inputSize, detector.inputSize, { fit: 'contain', background: '#000' }).removeAlpha().toColourspace('srgb').raw().toBuffer();
    return detector.detect(rgb, DETECTION_FLOOR);
  };
  const extension = async (id: number) => {
    const answer = await library.service.call('media.autoTag', { ids: [id], extensions: [{ name: 'objects', minConfidence: DETECTION_FLOOR, maxTags: 100 }] }, ctx);
    return answer.items[0]?.aiTags.filter((tag) => tag.source === 'objects') ?? [];
  };
  /** 4. What the UI's thread feels while the background analysis runs, against the idle library. */
  const backgroundSection = async (large: { id: number }[]) => {
    const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0;
    const uiProbe = async (keepGoing: () => boolean) => {
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const pages: number[] = [];
      while (keepGoing()) {
        const begin = performance.now();
        await library.service.call('media.list', { limit: 100 }, ctx);
        pages.push(performance.now() - begin);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      loop.disable();
      return { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6, pageP50: percentile(pages, 50), pageP99: percentile(pages, 99), pages: pages.length };
    };
    const idleUntil = performance.now() + 5_000;
    const idle = await uiProbe(() => performance.now() < idleUntil);
    await library.service.call('analysis.start', { extensions: ['objects'], scope: { ids: large.map((p) => p.id) } }, ctx);
    const start = performance.now();
    const busy = await uiProbe(() => library.analysis.status().state !== 'idle' && performance.now() - start < 120_000);
    const backgroundSeconds = (performance.now() - start) / 1000;
    await library.analysis.whenIdle();
    // The idle probe again after it: the machine is shared, so the baseline brackets the run.
    const idleAfterUntil = performance.now() + 5_000;
    const idleAfter = await uiProbe(() => performance.now() < idleAfterUntil);
    console.log(`\n4. Background analysis of the ${large.length} large photos (objects, one at a time): ${(large.length / backgroundSeconds).toFixed(2)} photos/s`);
    console.log(`   UI thread while it ran: event-loop p99 ${ms(busy.p99)}, max ${ms(busy.max)}; a gallery page (100 items) p50 ${ms(busy.pageP50)}, p99 ${ms(busy.pageP99)} (${busy.pages} pages)`);
    for (const [when, probe] of [['before', idle], ['after', idleAfter]] as const) {
      console.log(`   idle library ${when}, same probe: event-loop p99 ${ms(probe.p99)}, max ${ms(probe.max)}; a gallery page p50 ${ms(probe.pageP50)}, p99 ${ms(probe.pageP99)} (${probe.pages} pages)`);
    }
    console.log(`   floor for the UI: p99 < 50 ms → ${busy.p99 < 50 ? 'met' : 'NOT met'}; peak RSS so far ${(Math.max(peakRss, process.memoryUsage().rss) / 1024 / 1024).toFixed(0)} MB; libvips threads per decode now ${sharp.concurrency()}`);
  };
  if (ONLY_BACKGROUND) {
    await extension(photos[0]?.id ?? 0); // the model's first run compiles its kernels
    await backgroundSection(photos.filter((p) => p.pixels >= LARGE_PIXELS));
  } else {
  // Warm-up: the model's first run compiles its kernels.
  await bare(photos[0]?.file ?? '');
  await extension(photos[0]?.id ?? 0);

  const bareTimes = new Map<number, number[]>();
  const extTimes = new Map<number, number[]>();
  const found = new Map<number, AiTag[]>();
  // Photo by photo, the two contenders back to back and in alternating order, so that other
  // work on the machine (it is shared) falls on both alike.
  const timeBare = async (photo: (typeof photos)[number]) => {
    const start = performance.now();
    await bare(photo.file);
    bareTimes.set(photo.id, [...(bareTimes.get(photo.id) ?? []), performance.now() - start]);
  };
  const timeExtension = async (photo: (typeof photos)[number], round: number) => {
    const start = performance.now();
    const tags = await extension(photo.id);
    extTimes.set(photo.id, [...(extTimes.get(photo.id) ?? []), performance.now() - start]);
    if (round === 0) found.set(photo.id, tags);
    else if (JSON.stringify(found.get(photo.id)) !== JSON.stringify(tags)) console.log(`NOT DETERMINISTIC: ${photo.path}`);
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, photo] of photos.entries()) {
      if ((round + index) % 2 === 0) {
        await timeBare(photo);
        await timeExtension(photo, round);
      } else {
        await timeExtension(photo, round);
        await timeBare(photo);
      }
    }
  }
  const bareMs = mean(photos.map((p) => median(bareTimes.get(p.id) ?? [])));
  const extMs = mean(photos.map((p) => median(extTimes.get(p.id) ?? [])));
  console.log('\n1. Per-photo time (mean of per-photo medians over %d rounds)', ROUNDS);
  console.log(`   bare loop (read + sharp to the input size + NanoDet on tfjs-wasm): ${ms(bareMs)}`);
  console.log(`   objects extension (media.autoTag, one item per call):       ${ms(extMs)}`);
  console.log(`   ratio bare/extension: ${(bareMs / extMs).toFixed(3)} (floor 0.9)`);

  const large = photos.filter((p) => p.pixels >= LARGE_PIXELS);
  // Bare loop before and after the extension's passes, so all three see the same machine.
  const bareRate = async () => {
    const start = performance.now();
    for (const photo of large) await bare(photo.file);
    return large.length / ((performance.now() - start) / 1000);
  };
  const bareBefore = await bareRate();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let start = performance.now();
  for (const photo of large) await extension(photo.id);
  const oneByOne = large.length / ((performance.now() - start) / 1000);
  start = performance.now();
  await library.service.call('media.autoTag', { ids: large.map((p) => p.id), extensions: [{ name: 'objects' }] }, ctx);
  const batch = large.length / ((performance.now() - start) / 1000);
  delay.disable();
  const bareAfter = await bareRate();
  console.log(`\n2. Large photos (≥ ${LARGE_PIXELS / 1e6} MP): ${large.length}`);
  console.log(`   objects, one per call: ${oneByOne.toFixed(2)} photos/s; one call for all: ${batch.toFixed(2)} photos/s; bare loop: ${((bareBefore + bareAfter) / 2).toFixed(2)} photos/s (before ${bareBefore.toFixed(2)}, after ${bareAfter.toFixed(2)})`);
  console.log(`   event-loop delay while it ran: p50 ${ms(delay.percentile(50) / 1e6)}, p99 ${ms(delay.percentile(99) / 1e6)}, max ${ms(delay.max / 1e6)} (floor for the UI: p99 < 50 ms)`);
  console.log(`   peak RSS: ${(Math.max(peakRss, process.memoryUsage().rss) / 1024 / 1024).toFixed(0)} MB`);

  await backgroundSection(large);

  console.log('\n3. Quality against the hand labels (%d photos, %d labels present)', photos.length, photos.reduce((n, p) => n + p.present.length, 0));
  console.log('   minConfidence  precision  recall  F1     (TP FP FN)');
  for (const threshold of THRESHOLDS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const photo of photos) {
      const said = new Set((found.get(photo.id) ?? []).filter((tag) => tag.confidence >= threshold).map((tag) => tag.name));
      for (const label of said) {
        if (photo.present.includes(label)) tp += 1;
        else if (!photo.ambiguous.includes(label)) fp += 1;
      }
      for (const label of photo.present) if (!said.has(label)) fn += 1;
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
    const mark = threshold === OBJECTS_MIN_CONFIDENCE ? '  ← default' : '';
    console.log(`   ${threshold.toFixed(2).padStart(13)}  ${precision.toFixed(3).padStart(9)}  ${recall.toFixed(3).padStart(6)}  ${f1.toFixed(3)}  (${tp} ${fp} ${fn})${mark}`);
  }
  if (process.env.FOLIO_BENCH_VERBOSE) {
    for (const photo of photos) {
      const said = (found.get(photo.id) ?? []).filter((tag) => tag.confidence >= 0.2).map((tag) => `${tag.name} ${tag.confidence}`);
      console.log(`   ${photo.path}: [${photo.present.join(', ')}] → ${said.join(', ')}`);
    }
  }
  }
} finally {
  clearInterval(sampler);
  await library.close();
  removeDir(work);
}
