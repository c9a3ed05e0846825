/**
 * Migration 015 counts the items a library already holds into the cube: trashed items left
 * out, ratings, labels, flags and months as they were.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/library/db/connection.js';
import { countedFacets, keptFacets } from '../../../electron/library/db/facet-counts.js';
import { MIGRATIONS } from '../../../electron/library/db/migrations/index.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('folio-facet-migration-');
});
afterEach(() => removeDir(dir));

it('fills the cube from the items of a version-14 library', () => {
  const file = path.join(dir, 'library.db');
  const facets = MIGRATIONS.find((m) => m.name === 'facet-counts');
  const before = (facets?.version ?? 1) - 1;
  const raw = new Database(file);
  for (const migration of MIGRATIONS.filter((m) => m.version <= before)) raw.exec(migration.sql);
  raw.pragma(`user_version = ${before}`);
  raw.exec(`INSERT INTO folders (id, path, added_at) VALUES (1, '/photos', 'now')`);
  const insert = raw.prepare(
    `INSERT INTO media (id, folder_id, rel_path, display_path, original_name, file_size, mtime, taken_at, md5, type, name, name_key,
       file_state, created_at, updated_at, updated_by, width, height, rating, label, flag)
     VALUES (@id, 1, @rel, @rel, @rel, 10, '2021-03-04T10:00:00Z', @taken, 'abc', @type, @rel, @rel, 'ok', 'now', 'now', 'import', 640, 480,
       @rating, @label, @flag)`,
  );
  const rows = [
    { id: 1, taken: '2019-06-01T12:00:00Z', type: 'image', rating: 4, label: 'red', flag: 'pick' },
    { id: 2, taken: '2019-06-20T12:00:00Z', type: 'image', rating: 4, label: 'red', flag: 'pick' },
    { id: 3, taken: null, type: 'video', rating: 0, label: 'none', flag: 'none' },
    { id: 4, taken: '2020-01-01T00:00:00Z', type: 'image', rating: 2, label: 'blue', flag: 'reject' },
  ];
  for (const row of rows) insert.run({ ...row, rel: Buffer.from(`${row.id}.jpg`) });
  raw.exec(`INSERT INTO trash (media_id, deleted_at) VALUES (4, 'now')`);
  raw.close();

  const db = openDatabase(file);
  try {
    expect(keptFacets(db)).toEqual([
      { month: '2019-06', type: 'image', rating: 4, label: 'red', flag: 'pick', count: 2 },
      { month: '2021-03', type: 'video', rating: 0, label: 'none', flag: 'none', count: 1 },
    ]);
    expect(keptFacets(db)).toEqual(countedFacets(db));
  } finally {
    db.close();
  }
});
