/**
 * Migration 015 counts the items a library already holds into the cube: trashed items left
 * out, ratings, labels, flags and months as they were.
 */
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/library/db/connection.js';
import { countedFacets, keptFacets } from '../../../electron/library/db/facet-counts.js';
import { MIGRATIONS } from '../../../electron/library/db/migrations/index.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { insertOldItem, oldLibrary } from './old-library.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('folio-facet-migration-');
});
afterEach(() => removeDir(dir));

it('fills the cube from the items of a version-14 library', () => {
  const file = path.join(dir, 'library.db');
  const facets = MIGRATIONS.find((m) => m.name === 'facet-counts');
  const before = (facets?.version ?? 1) - 1;
  const raw = oldLibrary(file, before);
  const rows = [
    { id: 1, taken: '2019-06-01T12:00:00Z', type: 'image', rating: 4, label: 'red', flag: 'pick' },
    { id: 2, taken: '2019-06-20T12:00:00Z', type: 'image', rating: 4, label: 'red', flag: 'pick' },
    { id: 3, taken: null, type: 'video', rating: 0, label: 'none', flag: 'none' },
    { id: 4, taken: '2020-01-01T00:00:00Z', type: 'image', rating: 2, label: 'blue', flag: 'reject' },
  ];
  for (const { id, ...row } of rows) {
    insertOldItem(raw, id, { rel_path: Buffer.from(`${id}.jpg`), mtime: '2021-03-04T10:00:00Z', taken_at: row.taken, type: row.type, rating: row.rating, label: row.label, flag: row.flag });
  }
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
