/**
 * Two processes on one real library: this one plays the app (it runs the background queue and
 * watches for other processes' writes, as the desktop app and `folio serve` do); a real
 * `folio analysis resume` in a child process resumes a paused queue. The app's loop wakes on the
 * other process's commit, without a trigger of its own, and analyses the queue.
 */
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { watchOtherProcessChanges } from '../../../electron/library/db/other-process-changes.js';
import { openLibrary } from '../../../electron/library/library.js';
import { makeTempDir, removeDir, testContext } from '../../helpers/temp-library.js';
import { runFolio } from '../cli/run-folio.js';
import { importAndWait } from '../import/import-fixture.js';
import { copyPhotos, queuedIds, runsOf } from './analysis-fixture.js';

const dir = makeTempDir('folio-analysis-wake-');
const ITEMS_TO_PAUSE = 24;
afterAll(() => removeDir(dir));

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

it('a `folio analysis resume` in another process wakes the running app’s paused queue', async () => {
  const libraryDir = path.join(dir, 'library');
  copyPhotos(path.join(dir, 'photos'), 4);
  // Queued and paused by a process that does not run the queue (asking for a run resumes it).
  const setup = openLibrary(libraryDir, { workers: 1, backgroundAnalysis: false });
  await importAndWait(setup, path.join(dir, 'photos'));
  expect((await setup.service.call('analysis.start', { extensions: ['local-analysis'], scope: 'all' }, testContext())).queued).toBe(4);
  await setup.service.call('analysis.pause', {}, testContext());
  await setup.close();

  const app = openLibrary(libraryDir, { workers: 1 });
  const stopWatching = watchOtherProcessChanges(app.db, app.events, 100);
  try {
    const ctx = testContext();
    // Paused: nothing runs, however long the app waits.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(queuedIds(app, 'local-analysis')).toHaveLength(4);
    expect((await app.service.call('analysis.status', {}, ctx)).state).toBe('paused');

    const resumed = await runFolio(['analysis', 'resume', '--library', libraryDir]);
    expect(resumed.code, resumed.stderr).toBe(0);
    // The CLI only clears the pause: the app's own loop does the work.
    expect(await until(() => queuedIds(app, 'local-analysis').length === 0, 30_000)).toBe(true);
    expect(runsOf(app, 'local-analysis')).toHaveLength(4);
    await app.analysis.whenIdle();
    expect((await app.service.call('analysis.status', {}, ctx)).state).toBe('idle');
  } finally {
    stopWatching();
    await app.close();
  }
}, 90_000);

it('a `folio analysis pause` in another process holds the app’s queue after the item in hand', async () => {
  const libraryDir = path.join(dir, 'library-2');
  // Enough items that the pause (a second process starting, a few seconds on a loaded machine)
  // lands while some are still queued: with 6, a quiet run could drain the queue first.
  copyPhotos(path.join(dir, 'photos-2'), ITEMS_TO_PAUSE);
  const app = openLibrary(libraryDir, { workers: 1 });
  const stopWatching = watchOtherProcessChanges(app.db, app.events, 100);
  try {
    await importAndWait(app, path.join(dir, 'photos-2'));
    const ctx = testContext();
    await app.service.call('analysis.pause', {}, ctx);
    await app.service.call('analysis.start', { extensions: ['objects'], scope: 'all' }, ctx);
    await runFolio(['analysis', 'resume', '--library', libraryDir]);
    expect(await until(() => runsOf(app, 'objects').length >= 1, 60_000)).toBe(true);
    const paused = await runFolio(['analysis', 'pause', '--library', libraryDir]);
    expect(paused.code, paused.stderr).toBe(0);
    await app.analysis.whenIdle();
    const left = queuedIds(app, 'objects').length;
    expect(left).toBeGreaterThan(0);
    expect(runsOf(app, 'objects').length + left).toBe(ITEMS_TO_PAUSE);
    expect((await app.service.call('analysis.status', {}, ctx)).state).toBe('paused');
  } finally {
    stopWatching();
    await app.close();
  }
}, 120_000);
