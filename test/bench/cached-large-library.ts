/**
 * A generated large library kept under /tmp between benchmark runs: generating 5,000,000 items
 * takes minutes, and the UI benchmark only reads the library (its filters and scrolls change
 * nothing). A library is reused only when its marker says it was finished with the same item
 * count, tag count and schema version, so an interrupted build is never measured.
 *   node bin/run-ts.mjs test/bench/cached-large-library.ts <items>   (builds it ahead of a run)
 */
import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../electron/library/db/migrations/index.js';
import { openLibrary } from '../../electron/library/library.js';
import { CORPUS_DIR } from '../e2e/support/folio-server.js';
import { generateLargeLibrary, lendPhotoThumbnails } from './large-library.js';

const PHOTO_COUNT = 8;

/**
 * Different large photos: the biggest JPEG of each wallpaper when that package was unpacked
 * (see the briefing), else the corpus's camera samples.
 */
export function pickPhotos(): string[] {
  const roots = ['/tmp/wallpapers/usr/share/wallpapers', path.join(CORPUS_DIR, 'jpg')];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    const biggestPerFolder = new Map<string, { file: string; size: number }>();
    for (const name of fs.readdirSync(root, { recursive: true }) as string[]) {
      if (!/\.jpe?g$/i.test(name) || /corrupt|invalid/i.test(name)) continue;
      const file = path.join(root, name);
      const group = name.split(path.sep)[0] ?? name;
      const size = fs.statSync(file).size;
      if (size > 20_000 && size > (biggestPerFolder.get(group)?.size ?? 0)) biggestPerFolder.set(group, { file, size });
    }
    const found = [...biggestPerFolder.values()].map((p) => p.file).sort().slice(0, PHOTO_COUNT);
    if (found.length >= 2) return found;
  }
  throw new Error('no photos found for thumbnails');
}

export interface CachedLibrary {
  dir: string;
  /** True when this call generated it (its build time is then worth printing). */
  built: boolean;
  buildMs: number;
}

function marker(dir: string): string {
  return path.join(dir, 'bench-library-complete.json');
}

/**
 * The schema version is part of the name: branches on different schemas share this cache, and
 * one rebuilding a library another's server has open would pull it from under that server.
 */
export function cachedLibraryDir(items: number, tags: number): string {
  return path.join(process.env.FOLIO_BENCH_CACHE ?? '/tmp/folio-bench-cache', `library-${items}-${tags}-v${SCHEMA_VERSION}`);
}

/**
 * A finished library of an older schema, copied and opened (so migrated, as a user's library
 * would be): minutes faster than generating 5,000,000 items again, and the migration's own
 * backfills are what a new schema's triggers would have kept. False when there is none.
 */
async function migratedFromOlder(items: number, tags: number, dir: string): Promise<boolean> {
  const root = path.dirname(dir);
  const prefix = `library-${items}-${tags}-v`;
  const older = (fs.existsSync(root) ? fs.readdirSync(root) : [])
    .filter((name) => name.startsWith(prefix) && Number(name.slice(prefix.length)) < SCHEMA_VERSION && fs.existsSync(marker(path.join(root, name))))
    .sort((a, b) => Number(b.slice(prefix.length)) - Number(a.slice(prefix.length)))[0];
  if (older === undefined) return false;
  fs.cpSync(path.join(root, older), dir, { recursive: true });
  fs.rmSync(marker(dir));
  fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  const library = openLibrary(dir, { workers: 1, backupsKept: 1 });
  try {
    library.db.pragma('wal_checkpoint(TRUNCATE)');
    const version = library.db.pragma('user_version', { simple: true }) as number;
    fs.writeFileSync(marker(dir), JSON.stringify({ items, tags, version, migratedFrom: older }));
  } finally {
    await library.close();
  }
  // The backup made before the migration is a second copy of a bench library: not kept.
  fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  console.log(`migrated a copy of ${older} to schema ${SCHEMA_VERSION}`);
  return true;
}

export async function cachedLargeLibrary(items: number, tags: number, photos: readonly string[]): Promise<CachedLibrary> {
  const dir = cachedLibraryDir(items, tags);
  const library0 = fs.existsSync(marker(dir)) ? (JSON.parse(fs.readFileSync(marker(dir), 'utf8')) as { version: number }) : null;
  if (library0 !== null) {
    const library = openLibrary(dir, { workers: 1 });
    const version = library.db.pragma('user_version', { simple: true }) as number;
    await library.close();
    if (version === library0.version) return { dir, built: false, buildMs: 0 };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  if (await migratedFromOlder(items, tags, dir)) return { dir, built: true, buildMs: performance.now() - started };
  fs.mkdirSync(dir, { recursive: true });
  const library = openLibrary(dir, { workers: 1 });
  try {
    generateLargeLibrary(library.db, path.join(dir, 'photos'), items, tags);
    const generatedMs = performance.now() - started;
    await lendPhotoThumbnails(library, photos);
    console.log(`generated ${items.toLocaleString('en')} items in ${(generatedMs / 1000).toFixed(1)} s, thumbnails lent in ${((performance.now() - started - generatedMs) / 1000).toFixed(1)} s`);
    library.db.pragma('wal_checkpoint(TRUNCATE)');
    const version = library.db.pragma('user_version', { simple: true }) as number;
    fs.writeFileSync(marker(dir), JSON.stringify({ items, tags, version }));
  } finally {
    await library.close();
  }
  return { dir, built: true, buildMs: performance.now() - started };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]).endsWith(path.join('bench', 'cached-large-library.ts'))) {
  const items = Number(process.argv[2] ?? 1_000_000);
  const tags = Number(process.argv[3] ?? 300);
  const result = await cachedLargeLibrary(items, tags, pickPhotos());
  console.log(`${result.dir}: ${result.built ? `built in ${(result.buildMs / 1000).toFixed(1)} s` : 'already built'}`);
}
