/**
 * Metadata reading benchmark (issue 15). Prints figures; asserts nothing.
 * 1. Import speed with metadata reading on against the same import with it off, alternating
 *    runs in the same process: ../shared/corpus, and large (≥ 12 MP) photos (the Plasma
 *    wallpapers) given Lightroom-style keywords, rating and caption by ExifTool, half of them
 *    with an XMP sidecar as well. Floor: reading on ≥ 0.9× the speed with it off.
 * 2. Reading the same files' metadata with exifr in-process (what the import workers do)
 *    against exiftool-vendored (ExifTool's Perl, a pool of stay-open processes): ms per file.
 *
 *   node bin/run-ts.mjs test/bench/metadata-read-bench.ts
 *   FOLIO_BENCH_WALLPAPERS=<dir> (default /tmp/pww: `apt-get download plasma-workspace-wallpapers; dpkg -x *.deb /tmp/pww`)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { openLibrary } from '../../electron/library/library.js';
import { isClutter } from '../../electron/library/import/clutter.js';
import { readFileMetadata } from '../../electron/library/metadata/read-file-metadata.js';
import { sniffFormat } from '../../electron/library/formats/sniff-format.js';
import { makeTempDir, removeDir, REPO_ROOT } from '../helpers/temp-library.js';

const WORKERS = os.availableParallelism();
const WALLPAPERS = process.env.FOLIO_BENCH_WALLPAPERS ?? '/tmp/pww';
const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
const ROUNDS = 3;
const work = makeTempDir('folio-metadata-bench-');

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

async function importMs(folder: string, readFileMetadata: boolean): Promise<number> {
  const libraryDir = path.join(work, `library-${Date.now()}-${readFileMetadata}`);
  const library = openLibrary(libraryDir, { workers: WORKERS, readFileMetadata });
  try {
    const start = performance.now();
    await library.importer.start(folder);
    await library.importer.whenIdle();
    return performance.now() - start;
  } finally {
    await library.close();
    removeDir(libraryDir);
  }
}

async function compareImport(label: string, folder: string): Promise<void> {
  const files = listFiles(folder).filter((f) => !f.toLowerCase().endsWith('.xmp'));
  for (const file of listFiles(folder)) fs.readFileSync(file);
  const off: number[] = [];
  const on: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    off.push(await importMs(folder, false));
    on.push(await importMs(folder, true));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b) / xs.length;
  const ratio = mean(off) / mean(on);
  const rate = (ms: number) => (files.length / (ms / 1000)).toFixed(1).padStart(7);
  console.log(`\n${label}: ${files.length} files`);
  console.log(`  reading off (baseline) ${rate(mean(off))} files/s   (${off.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`);
  console.log(`  reading on             ${rate(mean(on))} files/s   (${on.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`);
  console.log(`  ratio on/off           ${ratio.toFixed(2)}×  (floor ≥ 0.90×: ${ratio >= 0.9 ? 'met' : 'MISSED'})`);
}

/** Distinct ≥ 12 MP wallpapers, tagged by ExifTool as Lightroom would, every other one with a sidecar. */
async function largeTaggedPhotos(): Promise<string | null> {
  const folder = path.join(work, 'large');
  fs.mkdirSync(folder);
  const seen = new Set<string>();
  if (!fs.existsSync(WALLPAPERS)) return null;
  for (const file of listFiles(WALLPAPERS).filter((f) => /\.jpe?g$/i.test(f))) {
    const meta = await sharp(file).metadata();
    if (meta.width * meta.height < 12_000_000) continue;
    const bytes = fs.readFileSync(file);
    const md5 = createHash('md5').update(bytes).digest('hex');
    if (seen.has(md5)) continue;
    seen.add(md5);
    fs.writeFileSync(path.join(folder, `${seen.size}.jpg`), bytes);
  }
  if (seen.size === 0) return null;
  const tags = ['-XMP-dc:Subject=Places', '-XMP-dc:Subject=Norway', '-XMP-dc:Subject=wallpaper', '-XMP-lr:HierarchicalSubject=Places|Norway', '-XMP-xmp:Rating=4', '-XMP-dc:Description=A wallpaper', '-IPTC:Keywords=wallpaper'];
  execFileSync('/usr/bin/exiftool', ['-q', '-q', '-m', '-overwrite_original', ...tags, folder]);
  for (let i = 1; i <= seen.size; i += 2) execFileSync('/usr/bin/exiftool', ['-q', '-q', '-m', '-XMP-digiKam:TagsList=Events/Holiday', '-XMP-xmp:Rating=5', '-o', path.join(folder, `${i}.jpg.xmp`)]);
  return folder;
}

async function compareReaders(files: string[]): Promise<void> {
  const media = files.filter((f) => !f.toLowerCase().endsWith('.xmp'));
  const bytes = media.map((f) => fs.readFileSync(f));
  let start = performance.now();
  for (const [i, file] of media.entries()) {
    const content = bytes[i] as Buffer;
    await readFileMetadata(Buffer.from(file), content, sniffFormat(content.subarray(0, 4096)).format);
  }
  const exifrMs = performance.now() - start;
  const exiftool = new ExifTool({ maxProcs: WORKERS, taskTimeoutMillis: 30_000 });
  try {
    await exiftool.version(); // the first process starts outside the measurement
    start = performance.now();
    await Promise.all(media.map((file) => exiftool.read(file).catch(() => null)));
    const exiftoolMs = performance.now() - start;
    console.log(`\nreading metadata of ${media.length} files (the files already in memory for exifr, as in the import):`);
    console.log(`  exifr, in-process, one at a time       ${(exifrMs / media.length).toFixed(2)} ms/file  (${(exifrMs / 1000).toFixed(2)} s)`);
    console.log(`  exiftool-vendored, ${WORKERS} processes         ${(exiftoolMs / media.length).toFixed(2)} ms/file  (${(exiftoolMs / 1000).toFixed(2)} s)`);
  } finally {
    await exiftool.end();
  }
}

try {
  console.log(`metadata reading benchmark: ${WORKERS} workers; load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await compareImport('../shared/corpus', CORPUS);
  const large = await largeTaggedPhotos();
  if (large) await compareImport(`large photos from ${WALLPAPERS}, tagged by ExifTool (half with a sidecar)`, large);
  else console.log(`\nno ≥ 12 MP photos at ${WALLPAPERS}: the large-photo part was skipped`);
  await compareReaders([...listFiles(CORPUS), ...(large ? listFiles(large) : [])]);
  console.log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (other engineers share this machine)`);
} finally {
  removeDir(work);
}
