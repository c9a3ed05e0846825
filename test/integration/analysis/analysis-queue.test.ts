/**
 * The background analysis queue on a real library: "Analyse new items automatically" queues
 * imported items after their thumbnails; the queue re-runs items when an extension's model
 * version changes or their file does; pause survives a reopen; cancel empties the queue; bad
 * input is refused and changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../electron/library/library.js';
import type { AnalysisStatus } from '../../../shared/analysis.js';
import { makeTempDir, removeDir, testContext } from '../../helpers/temp-library.js';
import { importAndWait, rescanAndWait } from '../import/import-fixture.js';
import { expectFolioError } from '../service/expect-error.js';
import { copyPhotos, mediaIds, queuedIds, runsOf } from './analysis-fixture.js';

const ctx = testContext('user');
let dir: string;
const open: Library[] = [];

function openAt(libraryDir: string, options: Parameters<typeof openLibrary>[1] = {}): Library {
  const library = openLibrary(libraryDir, { workers: 1, ...options });
  open.push(library);
  return library;
}

async function closeAll(): Promise<void> {
  while (open.length > 0) await open.pop()?.close();
}

afterEach(async () => {
  await closeAll();
  if (dir) removeDir(dir);
});

const call = <M extends Parameters<Library['service']['call']>[0]>(library: Library, method: M, args: unknown) => library.service.call(method, args, ctx);

/** Waits for the queue to run dry (changes noticed are queued a moment after them), then answers its status. */
async function settled(library: Library): Promise<AnalysisStatus> {
  await library.analysis.whenIdle();
  return library.analysis.status();
}

describe('analyse new items automatically', () => {
  it('is off in a new library; switched on, imported items are analysed after their thumbnails by the chosen extensions', async () => {
    dir = makeTempDir('folio-analysis-');
    const library = openAt(path.join(dir, 'library'));
    expect(await call(library, 'analysis.settings', {})).toEqual({ autoAnalyse: false, extensions: ['local-analysis', 'objects', 'places'] });
    copyPhotos(path.join(dir, 'first'), 2);
    await importAndWait(library, path.join(dir, 'first'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(library.analysis.status()).toMatchObject({ state: 'idle', queued: 0, done: 0 });
    expect(runsOf(library, 'local-analysis')).toEqual([]);

    const progress: AnalysisStatus[] = [];
    library.events.on('analysis.progress', (status) => progress.push(status));
    // Switching it on queues what is already there and due.
    expect(await call(library, 'analysis.setSettings', { autoAnalyse: true, extensions: ['local-analysis'] })).toEqual({ autoAnalyse: true, extensions: ['local-analysis'] });
    expect((await settled(library)).done).toBe(2);
    copyPhotos(path.join(dir, 'second'), 3, 'more');
    await importAndWait(library, path.join(dir, 'second'));
    const status = await settled(library);
    expect(status).toMatchObject({ state: 'idle', queued: 0, failed: 0 });
    const runs = runsOf(library, 'local-analysis');
    expect(runs.map((run) => run.media_id)).toEqual(mediaIds(library));
    // Each run records the model version and the content it looked at.
    const md5s = library.db.prepare(`SELECT md5 FROM media ORDER BY id`).pluck().all();
    expect(runs.map((run) => run.md5)).toEqual(md5s);
    expect(new Set(runs.map((run) => run.model_version))).toEqual(new Set(['1.0.0']));
    // Only what was asked for ran, and nothing was analysed twice.
    expect(runsOf(library, 'objects')).toEqual([]);
    // Progress went out as events (at most 4 a second), apart from the import's, up to the empty queue.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(progress.some((p) => p.state === 'running' && p.total > 0)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ state: 'idle', queued: 0 });
    // The AI tags written carry the analysis as their author.
    const item = await call(library, 'media.get', { id: runs[0]?.media_id });
    expect(item.aiTags.some((tag) => tag.source === 'local-analysis')).toBe(true);
  }, 120_000);

  it('re-analyses an item whose file changed, and every item when the extension’s model version changes', async () => {
    dir = makeTempDir('folio-analysis-');
    const libraryDir = path.join(dir, 'library');
    let library = openAt(libraryDir);
    const folder = path.join(dir, 'photos');
    const names = copyPhotos(folder, 3);
    await call(library, 'analysis.setSettings', { autoAnalyse: true, extensions: ['local-analysis'] });
    await importAndWait(library, folder);
    await settled(library);
    const before = runsOf(library, 'local-analysis');
    expect(before).toHaveLength(3);

    // A file replaced by another photo: the rescan's change queues just that item.
    fs.copyFileSync(path.join(folder, names[2] ?? ''), path.join(folder, names[0] ?? ''));
    fs.utimesSync(path.join(folder, names[0] ?? ''), new Date(), new Date(Date.now() + 5_000));
    await rescanAndWait(library);
    await settled(library);
    const afterChange = runsOf(library, 'local-analysis');
    const changedId = (library.db.prepare(`SELECT id FROM media WHERE display_path = ?`).pluck().get(names[0]) as number);
    for (const run of afterChange) {
      const old = before.find((b) => b.media_id === run.media_id);
      if (run.media_id === changedId) expect(run.md5).not.toBe(old?.md5);
      else expect(run).toEqual(old);
    }

    // As if the runs had been made by an older model: the next open queues every item again.
    await closeAll();
    const raw = openAt(libraryDir, { backgroundAnalysis: false });
    raw.db.prepare(`UPDATE extension_runs SET model_version = '0.9.0' WHERE extension = 'local-analysis'`).run();
    await closeAll();
    library = openAt(libraryDir);
    expect(library.analysis.status().queued).toBe(3);
    await settled(library);
    const rerun = runsOf(library, 'local-analysis');
    expect(rerun.map((run) => run.model_version)).toEqual(['1.0.0', '1.0.0', '1.0.0']);
    for (const run of rerun) expect(run.ran_at > (afterChange.find((b) => b.media_id === run.media_id)?.ran_at ?? '')).toBe(true);
  }, 120_000);
});

describe('analyse the whole library: progress, pause, resume, cancel', () => {
  it('pauses after the item in hand, stays paused across a reopen, resumes where it was, and cancel empties the queue', async () => {
    dir = makeTempDir('folio-analysis-');
    const libraryDir = path.join(dir, 'library');
    let library = openAt(libraryDir);
    copyPhotos(path.join(dir, 'photos'), 6);
    await importAndWait(library, path.join(dir, 'photos'));
    const started = await call(library, 'analysis.start', { extensions: ['local-analysis'], scope: 'all' });
    expect(started).toMatchObject({ queued: 6, total: 6 });
    const paused = await call(library, 'analysis.pause', {});
    await library.analysis.whenIdle();
    expect(paused.state).toBe('paused');
    const left = library.analysis.status().queued;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(6);

    await closeAll();
    library = openAt(libraryDir);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(library.analysis.status()).toMatchObject({ state: 'paused', queued: left });
    await call(library, 'analysis.resume', {});
    await library.analysis.whenIdle();
    expect(library.analysis.status()).toMatchObject({ state: 'idle', queued: 0, done: left });
    expect(runsOf(library, 'local-analysis')).toHaveLength(6);

    // "all" runs every item again, whatever ran before; cancel takes the rest off the queue.
    await call(library, 'analysis.pause', {});
    await call(library, 'analysis.start', { extensions: ['local-analysis', 'places'], scope: 'all' });
    await call(library, 'analysis.pause', {});
    await library.analysis.whenIdle();
    const cancelled = await call(library, 'analysis.cancel', {});
    expect(cancelled.removed).toBeGreaterThan(0);
    expect(cancelled).toMatchObject({ state: 'idle', queued: 0, done: 0 });
    expect(queuedIds(library, 'places')).toEqual([]);
  }, 120_000);

  it('runs only what is due with scope "due", and the ids given before a whole-library run', async () => {
    dir = makeTempDir('folio-analysis-');
    const library = openAt(path.join(dir, 'library'));
    copyPhotos(path.join(dir, 'photos'), 4);
    await importAndWait(library, path.join(dir, 'photos'));
    const [first, , , last] = mediaIds(library);
    await call(library, 'analysis.pause', {});
    await call(library, 'analysis.start', { extensions: ['local-analysis'], scope: 'all' });
    await call(library, 'analysis.pause', {});
    await call(library, 'analysis.start', { extensions: ['places'], scope: { ids: [last] } });
    await call(library, 'analysis.pause', {});
    await library.analysis.whenIdle();
    // The item asked for by id comes first.
    const next = library.db.prepare(`SELECT media_id FROM analysis_queue ORDER BY priority, queued_at, media_id LIMIT 1`).pluck().get();
    expect(next).toBe(last);
    await call(library, 'analysis.resume', {});
    await library.analysis.whenIdle();
    expect(runsOf(library, 'local-analysis')).toHaveLength(4);
    // Everything analysed: "due" queues nothing.
    expect((await call(library, 'analysis.start', { extensions: ['local-analysis'], scope: 'due' })).queued).toBe(0);
    expect(first).toBeDefined();
  }, 120_000);

  it('refuses an unknown extension, an unknown id and an empty settings change, changing nothing', async () => {
    dir = makeTempDir('folio-analysis-');
    const library = openAt(path.join(dir, 'library'));
    await expectFolioError(call(library, 'analysis.start', { extensions: ['objects', 'no-such'] }), 'INVALID_ARGUMENT', 'extensions[1]');
    await expectFolioError(call(library, 'analysis.start', { scope: { ids: [4242] } }), 'NOT_FOUND', 'scope.ids[0]');
    await expectFolioError(call(library, 'analysis.setSettings', {}), 'INVALID_ARGUMENT');
    await expectFolioError(call(library, 'analysis.setSettings', { extensions: ['nope'] }), 'INVALID_ARGUMENT', 'extensions[0]');
    expect(await call(library, 'analysis.settings', {})).toMatchObject({ autoAnalyse: false });
    expect(library.analysis.status()).toMatchObject({ state: 'idle', queued: 0 });
  });
});
