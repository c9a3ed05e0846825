/**
 * Migration 010 and the analysis queue's statements: a library from version 9 keeps its
 * extension runs (with no model version: due again), the next item is found through its index
 * and not by sorting the queue, and queueing what is due looks each item's run up by key.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/library/db/connection.js';
import { enqueueDue, nextQueued, PRIORITY_LIBRARY, PRIORITY_NEW, queuedItemCount } from '../../../electron/library/db/analysis-queue-repo.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { insertOldItem, oldLibrary } from './old-library.js';
import { planOf, recordStatements } from './statement-plans.js';

const dir = makeTempDir('folio-analysis-queue-');
afterAll(() => removeDir(dir));

describe('migration 010: the analysis queue', () => {
  it('keeps the runs of a version 9 library; they have no model version, so they are due', async () => {
    const file = path.join(dir, 'v9.sqlite');
    const old = oldLibrary(file, 9);
    insertOldItem(old, 1, { file_size: 1000, md5: 'abc', type: 'image' });
    old.exec(`INSERT INTO extension_runs (media_id, extension, status, message, ran_at) VALUES (1, 'objects', 'done', NULL, '2024-01-02T00:00:00Z')`);
    old.close();

    const db = openDatabase(file);
    try {
      expect(db.prepare(`SELECT status, model_version, md5 FROM extension_runs`).get()).toEqual({ status: 'done', model_version: null, md5: null });
      const statements = await recordStatements(db, () => {
        expect(enqueueDue(db, { name: 'objects', version: '2.0.0' }, PRIORITY_LIBRARY, '2024-01-03T00:00:00Z')).toBe(1);
        expect(enqueueDue(db, { name: 'objects', version: '2.0.0' }, PRIORITY_NEW, '2024-01-03T00:00:00Z')).toBe(0); // already waiting
        expect(nextQueued(db)).toEqual({ mediaId: 1, extensions: ['objects'] });
      });
      const plans = statements.map((sql) => planOf(db, sql));
      const next = plans.find((plan) => plan.some((line) => line.includes('analysis_queue_next')));
      expect(next, JSON.stringify(plans)).toBeDefined();
      expect(plans.flat().filter((line) => /TEMP B-TREE FOR ORDER BY/.test(line) && /analysis_queue/.test(line))).toEqual([]);
      // Each item's run is found by its key, not by a scan of the runs.
      expect(plans.flat().filter((line) => /^SCAN (r|extension_runs)\b/.test(line))).toEqual([]);
      expect(queuedItemCount(db)).toBe(1);
      // A forgotten item leaves the queue with it.
      db.exec(`DELETE FROM media WHERE id = 1`);
      expect(queuedItemCount(db)).toBe(0);
    } finally {
      db.close();
    }
  });
});
