/** Migration 016 (branch counts): a library of the schema before it gets its tree's closure and distinct branch counts, nothing else changed. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../electron/library/db/connection.js';
import { branchCounts } from '../../../electron/library/db/migrations/017-branch-counts.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/library/db/migrations/index.js';
import { wrongAncestries, wrongBranchCounts } from '../../../electron/library/db/tag-branch-counts.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';

let dir = '';
let file = '';
beforeEach(() => {
  dir = makeTempDir('folio-migration-016-');
  file = path.join(dir, 'library.sqlite');
});
afterEach(() => removeDir(dir));

const BEFORE = branchCounts.version - 1;

describe('migration 016: branch counts', () => {
  it('backfills the closure and distinct branch counts of active items, leaving tags and links as they were', () => {
    const old = new Database(file);
    for (const migration of MIGRATIONS.filter((m) => m.version <= BEFORE)) old.exec(migration.sql);
    old.pragma(`user_version = ${BEFORE}`);
    old.prepare(`INSERT INTO folders (path, added_at) VALUES ('/photos', 'x')`).run();
    const insertItem = old.prepare(
      `INSERT INTO media (id, folder_id, rel_path, display_path, original_name, file_size, mtime, name, name_key, created_at, updated_at, updated_by)
       VALUES (?, 1, CAST(? AS BLOB), ?, ?, 10, 'x', ?, ?, 'x', 'x', 'import')`,
    );
    for (const id of [1, 2, 3, 4]) insertItem.run(id, `${id}.jpg`, `${id}.jpg`, `${id}.jpg`, `item ${id}`, `item ${id}`);
    const insertTag = old.prepare(`INSERT INTO tags (id, name, key, parent_id, level, level_key, created_at) VALUES (?, ?, ?, ?, ?, ?, 'x')`);
    insertTag.run(1, 'Animals', 'animals', null, 'Animals', 'animals');
    insertTag.run(2, 'Animals/cat', 'animals/cat', 1, 'cat', 'cat');
    insertTag.run(3, 'Animals/dog', 'animals/dog', 1, 'dog', 'dog');
    insertTag.run(4, 'Animals/dog/puppy', 'animals/dog/puppy', 3, 'puppy', 'puppy');
    insertTag.run(5, 'beach', 'beach', null, 'beach', 'beach');
    const link = old.prepare(`INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at) VALUES (?, ?, ?, 1, 'x')`);
    link.run(1, 2, 'user');
    link.run(1, 3, 'user');
    link.run(2, 4, 'user');
    link.run(2, 3, 'user');
    link.run(3, 2, 'local-analysis'); // AI links do not count
    link.run(4, 2, 'user'); // trashed below: does not count
    link.run(4, 5, 'user');
    old.prepare(`INSERT INTO trash (media_id, deleted_at) VALUES (4, 'x')`).run();
    const tagsBefore = old.prepare(`SELECT id, name, key, parent_id, item_count FROM tags ORDER BY id`).all();
    const linksBefore = old.prepare(`SELECT media_id, tag_id, source FROM media_tags ORDER BY 1, 2, 3`).all();
    old.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare(`SELECT id, branch_count FROM tags ORDER BY id`).all()).toEqual([
        { id: 1, branch_count: 2 },
        { id: 2, branch_count: 1 },
        { id: 3, branch_count: 2 },
        { id: 4, branch_count: 1 },
        { id: 5, branch_count: 0 },
      ]);
      expect(db.prepare(`SELECT ancestor_id FROM tag_ancestors WHERE tag_id = 4 ORDER BY ancestor_id`).pluck().all()).toEqual([1, 3, 4]);
      expect(db.prepare(`SELECT id, name, key, parent_id, item_count FROM tags ORDER BY id`).all()).toEqual(tagsBefore);
      expect(db.prepare(`SELECT media_id, tag_id, source FROM media_tags ORDER BY 1, 2, 3`).all()).toEqual(linksBefore);
      expect(wrongBranchCounts(db)).toEqual([]);
      expect(wrongAncestries(db)).toEqual([]);
      // The triggers are live after the upgrade.
      db.prepare(`INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at) VALUES (3, 4, 'user', 1, 'x')`).run();
      expect(db.prepare(`SELECT branch_count FROM tags WHERE id = 1`).pluck().get()).toBe(3);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
