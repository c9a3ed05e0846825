import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../electron/library/library.js';
import { CORPUS_DIR, makeTempDir, REPO_ROOT, removeDir } from '../../helpers/temp-library.js';

const CHILD = path.join(import.meta.dirname, 'fixtures', 'import-child.ts');
const ROUNDS = 5;

interface Logged {
  items: { id: number; path: string; state: string }[];
  thumbnails: string[];
}

/** ~300 files: the corpus' JPEGs and TIFFs three times over under varied names and folders. */
function buildFolder(dest: string): number {
  const sources = fs
    .readdirSync(CORPUS_DIR, { recursive: true })
    .map(String)
    .filter((rel) => /\.(jpe?g|tiff)$/i.test(rel));
  let count = 0;
  for (let copy = 0; copy < 3; copy += 1) {
    for (const [i, rel] of sources.entries()) {
      const dir = path.join(dest, `set ${copy}`, `part-${i % 4}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(path.join(CORPUS_DIR, rel), path.join(dir, `${copy}_${i}_${path.basename(rel)}`));
      count += 1;
    }
  }
  return count;
}

function runChild(libraryDir: string, folder: string, log: string): { started: Promise<void>; exited: Promise<number | null>; kill(): void } {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/run-ts.mjs'), CHILD, libraryDir, folder, log], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('started')) resolve();
    });
    void exited.then((code) => (code === 0 ? resolve() : reject(new Error(`child exited with ${code}: ${stderr}`))));
  });
  return { started, exited, kill: () => child.kill('SIGKILL') };
}

function lastLogged(log: string): Logged | null {
  if (!fs.existsSync(log)) return null;
  const lines = fs.readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    try {
      return JSON.parse(lines[i] as string) as Logged;
    } catch {
      // a line cut by the kill: the one before it is complete
    }
  }
  return null;
}

/** Reopens the library as the app would and checks it against what the child had committed. */
async function verify(libraryDir: string, logged: Logged | null): Promise<{ items: number; pending: number }> {
  const library = openLibrary(libraryDir, { workers: 1 });
  try {
    const { db } = library;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare(`SELECT count(*) FROM import_jobs WHERE state = 'running'`).pluck().get()).toBe(0);
    const rows = db.prepare(`SELECT id, hex(rel_path) AS path, file_state AS state FROM media`).all() as Logged['items'];
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const item of logged?.items ?? []) {
      const now = byId.get(item.id);
      expect(now?.path, `item ${item.id} was committed`).toBe(item.path);
      if (item.state !== 'pending') expect(now?.state, `item ${item.id} was finished`).toBe(item.state);
    }
    const thumbnails = new Set(db.prepare(`SELECT md5 || '-' || size FROM thumbnails`).pluck().all() as string[]);
    for (const key of logged?.thumbnails ?? []) expect(thumbnails.has(key), `thumbnail ${key} was committed`).toBe(true);
    return { items: rows.length, pending: rows.filter((r) => r.state === 'pending').length };
  } finally {
    await library.close();
  }
}

describe('an import killed with SIGKILL at random moments', () => {
  let dir: string;
  let folder: string;
  let libraryDir: string;
  let files: number;

  beforeAll(() => {
    dir = makeTempDir();
    folder = path.join(dir, 'photos');
    libraryDir = path.join(dir, 'library');
    files = buildFolder(folder);
  });
  afterAll(() => {
    removeDir(dir);
  });

  it('keeps an intact library with everything committed, no duplicates, and completes on resume', async () => {
    expect(files).toBeGreaterThanOrEqual(250);
    const delays: number[] = [];
    let killedMidway = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const log = path.join(dir, `round-${round}.log`);
      const child = runChild(libraryDir, folder, log);
      await child.started;
      const delay = 100 + Math.floor(Math.random() * 1_400);
      delays.push(delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill();
      const code = await child.exited;
      const state = await verify(libraryDir, lastLogged(log));
      if (code !== 0 && state.pending > 0) killedMidway += 1;
    }
    // The kills must have interrupted real work, or this test proves nothing.
    expect(killedMidway, `delays ${delays.join(', ')} ms`).toBeGreaterThanOrEqual(2);

    const log = path.join(dir, 'final.log');
    const final = runChild(libraryDir, folder, log);
    expect(await final.exited).toBe(0);
    const state = await verify(libraryDir, lastLogged(log));
    expect(state).toEqual({ items: files, pending: 0 });
    const library = openLibrary(libraryDir, { workers: 1 });
    try {
      const images = library.db
        .prepare(`SELECT m.md5, (SELECT count(*) FROM thumbnails t WHERE t.md5 = m.md5) AS n FROM media m WHERE m.type = 'image' AND m.file_state = 'ok'`)
        .all() as { md5: string; n: number }[];
      expect(images.length).toBeGreaterThan(files * 0.9);
      expect(images.filter((i) => i.n !== 4)).toEqual([]);
      expect(library.importer.status()).toMatchObject({ state: 'done' });
    } finally {
      await library.close();
    }
  }, 300_000);
});
