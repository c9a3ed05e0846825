/**
 * `folio analyse` and `folio analysis`, run as a script would: the settings, a run to the end
 * in the foreground, what is due afterwards, pause and cancel, and usage errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisStatus } from '../../../shared/analysis.js';
import { CORPUS_DIR, makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { runFolio } from './run-folio.js';

let dir: string;
let library: string;
beforeAll(async () => {
  dir = makeTempDir('folio-cli-analyse-');
  library = path.join(dir, 'library');
  const photos = path.join(dir, 'photos');
  fs.mkdirSync(photos);
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/Nikon_COOLPIX_P1.jpg'), path.join(photos, 'bus.jpg'));
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/gps/DSCN0027.jpg'), path.join(photos, 'arezzo.jpg'));
  const run = await runFolio(['import', photos, '--library', library]);
  expect(run.code, run.stderr).toBe(0);
}, 60_000);
afterAll(() => removeDir(dir));

describe('folio analyse / folio analysis', () => {
  it('shows the settings, runs the items due to the end, and then finds nothing due', async () => {
    const before = await runFolio(['analysis', '--library', library]);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain('analysis idle: 0 of 0 items done, 0 queued');
    expect(before.stdout).toContain('automatic analysis of new items: off (local-analysis, objects, places)');

    const run = await runFolio(['analyse', '--extensions', 'objects,places', '--library', library, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json<AnalysisStatus>()).toMatchObject({ state: 'idle', queued: 0, done: 2, failed: 0 });
    const item = await runFolio(['get', '1', '--library', library, '--json']);
    const sources = item.json<{ extensionStatus: { extension: string }[] }>().extensionStatus.map((s) => s.extension).sort();
    expect(sources).toEqual(['objects', 'places']);

    // Nothing is due any more; --all runs every item again.
    expect((await runFolio(['analyse', '--extensions', 'objects', '--library', library, '--json'])).json<AnalysisStatus>().done).toBe(0);
    expect((await runFolio(['analyse', '1', '--extensions', 'places', '--library', library, '--json'])).json<AnalysisStatus>().done).toBe(1);
  }, 120_000);

  it('switches the automatic analysis, pauses and cancels without running anything itself', async () => {
    const on = await runFolio(['analysis', 'pause', '--auto', 'on', '--extensions', 'places', '--library', library, '--json']);
    expect(on.code, on.stderr).toBe(0);
    expect(on.json<AnalysisStatus>()).toMatchObject({ settings: { autoAnalyse: true, extensions: ['places'] } });
    const cancelled = await runFolio(['analysis', 'cancel', '--library', library, '--json']);
    expect(cancelled.json<AnalysisStatus & { removed: number }>()).toMatchObject({ state: 'idle', queued: 0 });
    const off = await runFolio(['analysis', '--auto', 'off', '--library', library]);
    expect(off.stdout).toContain('automatic analysis of new items: off (places)');
  }, 60_000);

  it('refuses bad usage with exit 2 and an unknown extension with its sentence', async () => {
    expect((await runFolio(['analysis', 'sideways', '--library', library])).code).toBe(2);
    expect((await runFolio(['analysis', '--auto', 'maybe', '--library', library])).code).toBe(2);
    expect((await runFolio(['analyse', '1', '--all', '--library', library])).code).toBe(2);
    const unknown = await runFolio(['analyse', '--extensions', 'clairvoyance', '--library', library]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('There is no extension "clairvoyance"');
  }, 60_000);
});
