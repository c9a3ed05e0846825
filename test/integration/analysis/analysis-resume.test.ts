/**
 * The queue survives a kill: a real child process runs the background analysis (the objects
 * extension, in its worker thread) and is killed with SIGKILL after a few items; the library
 * reopened holds every committed result, nothing half-written, and the rest still queued; the
 * next open analyses exactly the rest.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../electron/library/library.js';
import { makeTempDir, REPO_ROOT, removeDir, testContext } from '../../helpers/temp-library.js';
import { importAndWait } from '../import/import-fixture.js';
import { copyPhotos, mediaIds, queuedIds, runsOf } from './analysis-fixture.js';

const CHILD = path.join(import.meta.dirname, 'fixtures', 'analysis-child.ts');
const dir = makeTempDir('folio-analysis-kill-');
afterAll(() => removeDir(dir));

function loggedIds(log: string): number[] {
  if (!fs.existsSync(log)) return [];
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return JSON.parse(line) as number[];
      } catch {
        return []; // the line the kill cut
      }
    });
}

describe('the background analysis after a kill', () => {
  it('keeps every committed result, re-runs nothing of it, and analyses the rest on the next open', async () => {
    const libraryDir = path.join(dir, 'library');
    const folder = path.join(dir, 'photos');
    copyPhotos(folder, 12);
    // Queue the whole library in a process that does not run the queue itself.
    const setup = openLibrary(libraryDir, { workers: 1, backgroundAnalysis: false });
    await importAndWait(setup, folder);
    const all = mediaIds(setup);
    expect((await setup.service.call('analysis.start', { extensions: ['objects'], scope: 'all' }, testContext())).queued).toBe(12);
    await setup.close();

    const log = path.join(dir, 'committed.log');
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/run-ts.mjs'), CHILD, libraryDir, log], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed once three items are committed: mid-run, with the fourth in the detector's hands.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (loggedIds(log).length >= 3) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      void exited.then(() => {
        clearInterval(timer);
        reject(new Error(`the child ended before it was killed: ${stderr}`));
      });
    });
    expect(await exited).toBe('SIGKILL');
    const committed = loggedIds(log);

    const reopened = openLibrary(libraryDir, { workers: 1, backgroundAnalysis: false });
    let before: ReturnType<typeof runsOf>;
    try {
      before = runsOf(reopened, 'objects');
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const analysed = runsOf(reopened, 'objects').map((run) => run.media_id);
      const queued = queuedIds(reopened, 'objects');
      // Each item is either analysed (and off the queue) or still queued: never both, never neither.
      expect([...analysed, ...queued].sort((a, b) => a - b)).toEqual(all);
      for (const id of committed) expect(analysed).toContain(id);
      expect(queued.length).toBeGreaterThan(0);
      expect(analysed.length).toBeGreaterThanOrEqual(3);
    } finally {
      await reopened.close();
    }

    const resumed = openLibrary(libraryDir, { workers: 1 });
    try {
      await resumed.analysis.whenIdle();
      expect(queuedIds(resumed, 'objects')).toEqual([]);
      const after = runsOf(resumed, 'objects');
      expect(after.map((run) => run.media_id)).toEqual(all);
      // What was committed before the kill was not analysed again.
      for (const run of before) expect(after.find((a) => a.media_id === run.media_id)?.ran_at).toBe(run.ran_at);
      expect(new Set(after.map((run) => run.model_version))).toEqual(new Set(['2.0.0']));
    } finally {
      await resumed.close();
    }
  }, 180_000);
});
