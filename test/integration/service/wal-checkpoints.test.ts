/**
 * A write through the library answers without copying its pages into the database file (the
 * commit leaves them in the WAL), and the checkpoint follows a moment later on the checkpoint
 * thread (db/wal-checkpoints.ts): the database file itself is untouched when the answer comes
 * and rewritten shortly after, while the library's thread is free to answer.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_DELAY_MS } from '../../../electron/library/service/wal-checkpoints.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';

let t: TempLibrary;
const ITEMS = 20_000;

beforeAll(() => {
  t = openTempLibrary();
  generateLargeLibrary(t.library.db, `${t.dir}/photos`, ITEMS, 20);
}, 60_000);
afterAll(async () => t.dispose());

const fileChanged = (file: string, since: number) => fs.statSync(file).mtimeMs !== since;

describe('WAL checkpoints', () => {
  it('come after a bulk edit has answered, not inside it', async () => {
    const { db, paths } = t.library;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fs.statSync(paths.database).mtimeMs;
    const ids = Array.from({ length: ITEMS }, (_, i) => i + 1);
    const { updated } = await t.library.service.call('media.setCurating', { ids, rating: 4, label: 'green' }, t.ctx);
    expect(updated).toBe(ITEMS);
    // Thousands of pages were written, and none went into the database file yet.
    expect(fs.statSync(`${paths.database}-wal`).size).toBeGreaterThan(1_000 * 4096);
    expect(fileChanged(paths.database, before)).toBe(false);
    // The library's thread stays free: a timer set now runs on time while the copy is made.
    let late = 0;
    const planned = performance.now() + CHECKPOINT_DELAY_MS + 5;
    const ticked = new Promise<void>((resolve) =>
      setTimeout(() => {
        late = performance.now() - planned;
        resolve();
      }, CHECKPOINT_DELAY_MS + 5),
    );
    await t.library.checkpoints?.settled();
    await ticked;
    expect(fileChanged(paths.database, before)).toBe(true);
    expect(late).toBeLessThan(100);
    const [state] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    expect(state?.checkpointed).toBe(state?.log);
  });
});
