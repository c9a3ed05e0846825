/**
 * Fixtures for integration tests: a fresh temp folder per test, a copy of the real corpus in
 * it, and a library opened on it. Nothing here fakes the database, sharp or the files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary, type Library } from '../../electron/library/library.js';
import type { LibraryOptions } from '../../electron/library/base/options.js';
import type { CallContext } from '../../electron/library/service/types.js';
import { mediaUrlBuilder } from '../../shared/media-urls.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared/corpus` beside the checkout (CI puts it there). */
export const CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'exif-samples');

export function makeTempDir(prefix = 'folio-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Copies corpus files into `dest`. `subpaths` are relative to the corpus (files or folders);
 * without them, the whole corpus. Copies are writable even though the corpus is read-only.
 */
export function copyCorpus(dest: string, subpaths: string[] = ['.']): string {
  fs.mkdirSync(dest, { recursive: true });
  for (const sub of subpaths) {
    const from = path.join(CORPUS_DIR, sub);
    const to = sub === '.' ? dest : path.join(dest, sub);
    fs.cpSync(from, to, { recursive: true });
  }
  makeWritable(dest);
  return dest;
}

function makeWritable(target: string): void {
  const stat = fs.statSync(target);
  fs.chmodSync(target, stat.isDirectory() ? 0o755 : 0o644);
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target)) makeWritable(path.join(target, entry));
  }
}

export interface TempLibrary {
  dir: string;
  libraryDir: string;
  library: Library;
  ctx: CallContext;
  dispose(): Promise<void>;
}

/** A library in a fresh temp folder; `dispose` closes it and deletes everything. */
export function openTempLibrary(options: LibraryOptions = {}): TempLibrary {
  const dir = makeTempDir();
  const libraryDir = path.join(dir, 'library');
  const library = openLibrary(libraryDir, options);
  return {
    dir,
    libraryDir,
    library,
    ctx: testContext(),
    async dispose() {
      await library.close();
      removeDir(dir);
    },
  };
}

export function testContext(actor = 'user'): CallContext {
  return { actor, urls: mediaUrlBuilder('/media') };
}
