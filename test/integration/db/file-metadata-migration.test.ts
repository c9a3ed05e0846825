/** Migration 013 (file-metadata): the table of values read from files, on a library of the previous version. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../electron/library/db/connection.js';
import { fileMetadataOf, itemsWithFileKeyword, replaceFileMetadata } from '../../../electron/library/db/file-metadata-repo.js';
import { fileMetadata } from '../../../electron/library/db/migrations/013-file-metadata.js';
import { SCHEMA_VERSION } from '../../../electron/library/db/migrations/index.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { insertOldItem, oldLibrary } from './old-library.js';

let dir = '';
let file = '';
beforeEach(() => {
  dir = makeTempDir('folio-migration-013-');
  file = path.join(dir, 'library.sqlite');
});
afterEach(() => removeDir(dir));

describe('migration 013: file metadata', () => {
  it('adds the file_metadata table to an older library, keeping its items; values follow their item, the lookup by keyword uses its index', () => {
    const before = fileMetadata.version - 1;
    const old = oldLibrary(file, before);
    insertOldItem(old, 1, { name: 'Harbour', name_key: 'harbour' });
    old.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare(`SELECT name FROM media`).pluck().all()).toEqual(['Harbour']);
      replaceFileMetadata(db, 1, [
        { field: 'keyword', value: 'Places/France', location: 'sidecar', readAt: 't' },
        { field: 'rating', value: '4', location: 'embedded', readAt: 't' },
      ]);
      expect(fileMetadataOf(db, [1]).map((row) => [row.field, row.value, row.location])).toEqual([
        ['keyword', 'Places/France', 'sidecar'],
        ['rating', '4', 'embedded'],
      ]);
      expect(itemsWithFileKeyword(db, 'Places/France')).toEqual([1]);
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT media_id FROM file_metadata WHERE field = 'keyword' AND value = ? ORDER BY media_id`).all('x') as { detail: string }[];
      expect(plan.map((step) => step.detail).join('; ')).toMatch(/USING COVERING INDEX file_metadata_by_value/);
      expect(() => db.prepare(`INSERT INTO file_metadata VALUES (1, 'colour', 'x', 'sidecar', 't')`).run()).toThrow(/CHECK/);
      db.prepare(`DELETE FROM media WHERE id = 1`).run();
      expect(fileMetadataOf(db, [1])).toEqual([]);
    } finally {
      db.close();
    }
  });
});
