/**
 * Migrations 005 (AI tag boxes) and 006 (perceptual hashes): an older library keeps its links
 * and gains the new column and table, and the duplicate queries use their keys.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/library/db/connection.js';
import { MIGRATIONS } from '../../../electron/library/db/migrations/index.js';
import { hashedImages, upsertPerceptualHash } from '../../../electron/library/db/perceptual-hash-repo.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { insertOldItem, oldLibrary } from './old-library.js';
import { planOf, recordStatements } from './statement-plans.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('folio-recognition-schema-');
});
afterEach(() => removeDir(dir));

describe('migrations 005 and 006', () => {
  it('upgrade a version-4 library: its AI tags stay, without a box, and hashes can be stored', async () => {
    const file = path.join(dir, 'library.db');
    // A library as Folio left it at version 4, written with plain better-sqlite3.
    const raw = oldLibrary(file, 4);
    insertOldItem(raw, 1, { md5: 'abc', type: 'image', file_state: 'ok' });
    raw.exec(`INSERT INTO tags (id, name, key, created_at) VALUES (1, 'dog', 'dog', 'now')`);
    raw.exec(`INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at) VALUES (1, 1, 'local-analysis', 0.5, 'now')`);
    raw.close();

    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare(`SELECT source, confidence, box FROM media_tags`).all()).toEqual([{ source: 'local-analysis', confidence: 0.5, box: null }]);
      upsertPerceptualHash(db, 'abc', '0123456789abcdef');
      upsertPerceptualHash(db, 'abc', 'fedcba9876543210');
      expect(hashedImages(db)).toEqual([{ id: 1, md5: 'abc', dhash: 'fedcba9876543210', file_size: 10, width: null, height: null }]);
      expect(() => upsertPerceptualHash(db, 'abd', 'short')).toThrow(/CHECK/);
      const statements = await recordStatements(db, () => hashedImages(db));
      const plan = statements.flatMap((sql) => planOf(db, sql)).join('\n');
      // One pass over the items (every image is wanted), each hash found by its key.
      expect(plan).toMatch(/SEARCH ph USING PRIMARY KEY \(md5=\?\)/);
    } finally {
      db.close();
    }
  });
});
