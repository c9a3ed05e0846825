import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../electron/library/library.js';
import { CORPUS_DIR, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { allRows, importAndWait, type Row } from './import-fixture.js';

const BIG = path.join(CORPUS_DIR, 'jpg/tests/42_IndexError.jpg');
const FILES = 40;

describe('cancelling an import and resuming it', () => {
  let t: TempLibrary;
  let folder: string;

  beforeAll(() => {
    t = openTempLibrary({ workers: 1 });
    folder = path.join(t.dir, 'photos');
    fs.mkdirSync(folder);
    const bytes = fs.readFileSync(BIG);
    // Distinct content per file (a trailing comment after the JPEG's end), so every file is decoded.
    for (let i = 0; i < FILES; i += 1) {
      fs.writeFileSync(path.join(folder, `img-${String(i).padStart(3, '0')}.jpg`), Buffer.concat([bytes, Buffer.from(`#${i}`)]));
    }
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('stops soon after cancel, keeps what was committed, and a second import finishes without duplicates', async () => {
    const { jobId } = await t.library.importer.start(folder);
    await new Promise<void>((resolve) => {
      const off = t.library.events.on('import.progress', (p) => {
        if (p.done >= 5) {
          off();
          resolve();
        }
      });
    });
    expect(await t.library.service.call('import.cancel', {}, t.ctx)).toEqual({ cancelled: true });
    await t.library.importer.whenIdle();
    const cancelled = t.library.importer.status();
    expect(cancelled).toMatchObject({ jobId, state: 'cancelled' });
    expect(cancelled?.done).toBeLessThan(FILES);
    const afterCancel = allRows(t.library);
    const finished = afterCancel.filter((r) => r.file_state === 'ok');
    expect(finished.length).toBeGreaterThanOrEqual(5);
    expect(afterCancel.some((r) => r.file_state === 'pending')).toBe(true);

    const resumed = await importAndWait(t.library, folder);
    expect(resumed).toMatchObject({ state: 'done', total: FILES, done: FILES, errors: 0 });
    const rows = allRows(t.library);
    expect(rows).toHaveLength(FILES);
    expect(new Set(rows.map((r) => r.display_path)).size).toBe(FILES);
    expect(rows.every((r) => r.file_state === 'ok')).toBe(true);
    // Items finished before the cancel were neither re-read nor re-created.
    const byId = new Map<number, Row>(rows.map((r) => [r.id, r]));
    for (const row of finished) expect(byId.get(row.id)).toEqual(row);
    const thumbnails = t.library.db.prepare(`SELECT count(*) FROM thumbnails`).pluck().get();
    expect(thumbnails).toBe(FILES * 4);
  });
});

describe('a job left running by a crash', () => {
  it('is marked failed when the library is opened again, and reported as unfinished', async () => {
    const t = openTempLibrary({ workers: 1 });
    t.library.db.prepare(`INSERT INTO import_jobs (id, kind, state, total, done, started_at) VALUES ('crashed', 'import', 'running', 10, 3, '2024-01-01T00:00:00.000Z')`).run();
    await t.library.close();
    const reopened = openLibrary(t.libraryDir, { workers: 1 });
    try {
      expect(reopened.db.prepare(`SELECT state FROM import_jobs WHERE id = 'crashed'`).pluck().get()).toBe('failed');
      expect(reopened.importer.status()).toMatchObject({ jobId: 'crashed', state: 'failed', total: 10, done: 3, message: expect.stringMatching(/did not finish/) });
    } finally {
      await reopened.close();
      await t.dispose();
    }
  });
});
