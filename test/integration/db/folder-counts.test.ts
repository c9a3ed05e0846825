/**
 * The sidebar's folder counts: every item of the folder less its items in the trash, counted
 * from the folder index and the trash, never by asking the trash about each item.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { explainListFolders, listFolders } from '../../../electron/library/db/folder-repo.js';

let t: TempLibrary;

beforeAll(() => {
  t = openTempLibrary();
  generateLargeLibrary(t.library.db, `${t.dir}/photos`, 3_000, 20);
  const now = new Date().toISOString();
  t.library.db.prepare(`INSERT INTO folders (path, added_at) VALUES (?, ?)`).run(`${t.dir}/other`, now);
  // A second folder holding every seventh item, and a trash spread over both.
  t.library.db.prepare(`UPDATE media SET folder_id = 2 WHERE id % 7 = 0`).run();
  t.library.db.prepare(`INSERT INTO trash (media_id, deleted_at) SELECT id, ? FROM media WHERE id % 5 = 0`).run(now);
});
afterAll(async () => t.dispose());

it('counts each folder’s items outside the trash', () => {
  const expected = t.library.db
    .prepare(`SELECT folder_id AS id, count(*) AS n FROM media WHERE id NOT IN (SELECT media_id FROM trash) GROUP BY folder_id ORDER BY folder_id`)
    .all() as { id: number; n: number }[];
  const counted = listFolders(t.library.db).map((row) => ({ id: row.id, n: row.item_count })).sort((a, b) => a.id - b.id);
  expect(counted).toEqual(expected);
  expect(counted.reduce((sum, f) => sum + f.n, 0)).toBe(3_000 - 600);
});

it('walks the folder index and the trash, not the trash once per item', () => {
  const plan = explainListFolders(t.library.db);
  expect(plan).toContain('SCAN t');
  expect(plan.filter((detail) => detail.includes('USING COVERING INDEX media_by_folder'))).toHaveLength(2);
  expect(plan.some((detail) => detail.includes('SEARCH trash'))).toBe(false);
});

