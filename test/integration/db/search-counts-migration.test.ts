/**
 * Migration 017 (search-counts) widens media_by_label_rating with the date sort, keeping its
 * name and the items: a page of a label and a rating reads the date from the index.
 */
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/library/db/connection.js';
import { MIGRATIONS } from '../../../electron/library/db/migrations/index.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { insertOldItem, oldLibrary } from './old-library.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('folio-search-counts-migration-');
});
afterEach(() => removeDir(dir));

it('rebuilds media_by_label_rating on (label, rating, sort_date) over the items already there', () => {
  const file = path.join(dir, 'library.db');
  const migration = MIGRATIONS.find((m) => m.name === 'search-counts');
  const raw = oldLibrary(file, (migration?.version ?? 1) - 1);
  const columnsOf = (db: { prepare: typeof raw.prepare }) =>
    (db.prepare(`SELECT name FROM pragma_index_info('media_by_label_rating') ORDER BY seqno`).all() as { name: string }[]).map((row) => row.name);
  expect(columnsOf(raw)).toEqual(['label', 'rating']);
  insertOldItem(raw, 1, { rating: 5, label: 'red', taken_at: '2020-05-01T00:00:00Z' });
  insertOldItem(raw, 2, { rating: 4, label: 'red', taken_at: '2021-05-01T00:00:00Z', rel_path: Buffer.from('b.jpg'), display_path: 'b.jpg' });
  raw.close();
  const db = openDatabase(file);
  try {
    expect(columnsOf(db)).toEqual(['label', 'rating', 'sort_date']);
    const sql = `SELECT id FROM media INDEXED BY media_by_label_rating WHERE label = 'red' AND rating >= 4 ORDER BY sort_date DESC`;
    expect(db.prepare(sql).pluck().all()).toEqual([2, 1]);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  } finally {
    db.close();
  }
});
