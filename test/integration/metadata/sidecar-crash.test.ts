/**
 * A process writing sidecars is killed (SIGKILL) in the middle of a batch: every sidecar is
 * then either the old one or the new one, never a mix or a torn file, and the writes still
 * pending finish when the library is opened again.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../electron/library/library.js';
import { makeTempDir, REPO_ROOT, removeDir, testContext } from '../../helpers/temp-library.js';
import { importAndWait, writeImage } from '../import/import-fixture.js';
import { EXIFTOOL, exiftoolSidecar } from './exiftool-files.js';

const CHILD = path.join(import.meta.dirname, 'fixtures', 'sidecar-writer-child.ts');
const ITEMS = 150;

/**
 * Subject and City of every sidecar in `folder`, read by one ExifTool run. Only the sidecars
 * themselves: a kill may leave a hidden temporary copy (empty, or half-copied) beside them,
 * which ExifTool would report as an error.
 */
function readSidecars(folder: string): Map<string, { subject: string[]; city: unknown }> {
  const sidecars = fs.readdirSync(folder).filter((name) => name.endsWith('.jpg.xmp') && !name.startsWith('.'));
  const out = execFileSync(EXIFTOOL, ['-j', '-q', '-XMP-dc:Subject', '-XMP-photoshop:City', ...sidecars.map((name) => path.join(folder, name))], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const rows = JSON.parse(out) as { SourceFile: string; Subject?: string | string[]; City?: unknown }[];
  return new Map(rows.map((row) => [path.basename(row.SourceFile), { subject: ([] as string[]).concat(row.Subject ?? []).map(String), city: row.City }]));
}

describe('a kill while sidecars are written', () => {
  let work: string;
  let folder: string;
  let libraryDir: string;
  let template: Buffer;

  beforeAll(async () => {
    work = makeTempDir('folio-sidecar-crash-');
    folder = path.join(work, 'photos');
    libraryDir = path.join(work, 'library');
    fs.mkdirSync(folder);
    const templateFile = path.join(work, 'template.xmp');
    exiftoolSidecar(templateFile, ['-XMP-dc:Subject=old-keyword', '-XMP-photoshop:City=Lyon']);
    template = fs.readFileSync(templateFile);
    for (let i = 0; i < ITEMS; i += 1) {
      await writeImage(path.join(folder, `p${i}.jpg`), i);
      fs.writeFileSync(path.join(folder, `p${i}.jpg.xmp`), template);
    }
    const library = openLibrary(libraryDir, { workers: 2 });
    const ctx = testContext('user');
    await importAndWait(library, folder);
    // The queue is stopped first, so the edits' writes stay pending for the child process.
    await library.sidecars.close();
    await library.service.call('config.set', { writeSidecars: true }, ctx);
    const ids = library.db.prepare(`SELECT id FROM media`).pluck().all() as number[];
    await library.service.call('media.editTags', { ids, add: ['new-keyword'], remove: [] }, ctx);
    expect(library.db.prepare(`SELECT count(*) FROM sidecar_writes`).pluck().get()).toBe(ITEMS);
    await library.close();
  }, 120_000);
  afterAll(() => removeDir(work));

  it('leaves every sidecar old or new, and the pending writes finish on the next start', async () => {
    // A process group of its own, so that the kill takes its ExifTool processes with it (killed
    // alone, the parent would leave them running, orphaned, after the test).
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/run-ts.mjs'), CHILD, libraryDir], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Kill it once a part of the batch is written (read from another connection, as the test would not see its memory).
    const watcher = new Database(path.join(libraryDir, 'library.sqlite'), { readonly: true });
    const pending = (): number => watcher.prepare(`SELECT count(*) FROM sidecar_writes`).pluck().get() as number;
    let pendingAtKill: number;
    try {
      while ((pendingAtKill = pending()) > ITEMS - 20) {
        if (child.exitCode !== null) throw new Error(`the child ended before it was killed: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      process.kill(-(child.pid as number), 'SIGKILL');
      await exited;
    } finally {
      watcher.close();
    }
    expect(pendingAtKill).toBeGreaterThan(0);

    const sidecarNames = fs.readdirSync(folder).filter((name) => name.endsWith('.jpg.xmp') && !name.startsWith('.'));
    expect(sidecarNames).toHaveLength(ITEMS);
    const read = readSidecars(folder);
    let fresh = 0;
    for (const name of sidecarNames) {
      const bytes = fs.readFileSync(path.join(folder, name));
      if (bytes.equals(template)) continue; // the old one, untouched
      fresh += 1;
      expect(read.get(name), name).toEqual({ subject: expect.arrayContaining(['new-keyword', 'old-keyword']), city: 'Lyon' });
    }
    expect(fresh).toBeGreaterThan(0);

    const library = openLibrary(libraryDir, { workers: 1 });
    try {
      await library.sidecars.idle();
      expect(library.db.prepare(`SELECT count(*) FROM sidecar_writes`).pluck().get()).toBe(0);
    } finally {
      await library.close();
    }
    const after = readSidecars(folder);
    for (const name of sidecarNames) expect(after.get(name), name).toEqual({ subject: ['new-keyword', 'old-keyword'], city: 'Lyon' });
    // The temporary copies of the writes that were cut short are gone with their retry.
    expect(fs.readdirSync(folder).filter((name) => name.includes('folio-write'))).toEqual([]);
  }, 180_000);
});
