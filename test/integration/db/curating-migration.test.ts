/** Migration 008: a version-7 library's items become unrated, unlabelled and unflagged, indexed by rating. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../electron/library/db/connection.js';
import { SCHEMA_VERSION } from '../../../electron/library/db/migrations/index.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { insertOldItem, oldLibrary } from './old-library.js';

let dir = '';
let file = '';
beforeEach(() => {
  dir = makeTempDir('folio-migration-008-');
  file = path.join(dir, 'library.sqlite');
});
afterEach(() => removeDir(dir));

describe('migration 008: curating', () => {
  it('adds rating 0, label none and flag none to the items of a version-7 library, keeping their data, with the (rating, id) index', () => {
    const old = oldLibrary(file, 7);
    insertOldItem(old, 1, { name: 'Harbour', name_key: 'harbour' });
    old.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare(`SELECT name, rating, label, flag FROM media`).all()).toEqual([{ name: 'Harbour', rating: 0, label: 'none', flag: 'none' }]);
      const columns = db.prepare(`SELECT name FROM pragma_index_info('media_by_rating') ORDER BY seqno`).pluck().all();
      expect(columns).toEqual(['rating', 'id']);
      expect(() => db.prepare(`UPDATE media SET flag = 'maybe'`).run()).toThrow(/CHECK/);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
