/** Migration 010: a version-9 library's flat tags become top-level tags of the tree, nothing lost. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../electron/library/db/connection.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/library/db/migrations/index.js';
import { tagMatchIds } from '../../../electron/library/db/tag-match.js';
import { splitTagPath, tagPathKey } from '../../../shared/tag-path.js';
import { tagKey } from '../../../shared/tags.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';

let dir = '';
let file = '';
beforeEach(() => {
  dir = makeTempDir('folio-migration-010-');
  file = path.join(dir, 'library.sqlite');
});
afterEach(() => removeDir(dir));

const FLAT = ['beach', 'AC/DC', 'back\\slash', 'Straße', 'a/b/c', 'sunset'];

describe('migration 010: tag tree', () => {
  it('turns every flat tag into a top-level tag, escaping "/" and "\\", keeping ids, links and counts', () => {
    const old = new Database(file);
    for (const migration of MIGRATIONS.filter((m) => m.version <= 9)) old.exec(migration.sql);
    old.pragma('user_version = 9');
    old.prepare(`INSERT INTO folders (path, added_at) VALUES ('/photos', 'x')`).run();
    const insertItem = old.prepare(
      `INSERT INTO media (id, folder_id, rel_path, display_path, original_name, file_size, mtime, name, name_key, created_at, updated_at, updated_by)
       VALUES (?, 1, CAST(? AS BLOB), ?, ?, 10, 'x', ?, ?, 'x', 'x', 'import')`,
    );
    for (const id of [1, 2, 3]) insertItem.run(id, `${id}.jpg`, `${id}.jpg`, `${id}.jpg`, `item ${id}`, `item ${id}`);
    const insertTag = old.prepare(`INSERT INTO tags (id, name, key, created_at) VALUES (?, ?, ?, 'x')`);
    FLAT.forEach((name, index) => insertTag.run(index + 1, name, tagKey(name)));
    const link = old.prepare(`INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at) VALUES (?, ?, ?, 1, 'x')`);
    link.run(1, 1, 'user');
    link.run(2, 1, 'user');
    link.run(1, 2, 'user');
    link.run(3, 5, 'user');
    link.run(2, 6, 'local-analysis');
    const linksBefore = old.prepare(`SELECT media_id, tag_id, source FROM media_tags ORDER BY 1, 2, 3`).all();
    old.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare(`SELECT id, name, key, level, level_key, parent_id, colour, item_count FROM tags ORDER BY id`).all()).toEqual([
        { id: 1, name: 'beach', key: 'beach', level: 'beach', level_key: 'beach', parent_id: null, colour: null, item_count: 2 },
        { id: 2, name: 'AC\\/DC', key: 'ac\\/dc', level: 'AC/DC', level_key: 'ac/dc', parent_id: null, colour: null, item_count: 1 },
        { id: 3, name: 'back\\\\slash', key: 'back\\\\slash', level: 'back\\slash', level_key: 'back\\slash', parent_id: null, colour: null, item_count: 0 },
        { id: 4, name: 'Straße', key: 'strasse', level: 'Straße', level_key: 'strasse', parent_id: null, colour: null, item_count: 0 },
        { id: 5, name: 'a\\/b\\/c', key: 'a\\/b\\/c', level: 'a/b/c', level_key: 'a/b/c', parent_id: null, colour: null, item_count: 1 },
        { id: 6, name: 'sunset', key: 'sunset', level: 'sunset', level_key: 'sunset', parent_id: null, colour: null, item_count: 0 },
      ]);
      // The stored key is what the tree's code computes for the escaped path: every old tag can be found again.
      for (const row of db.prepare(`SELECT name, key FROM tags`).all() as { name: string; key: string }[]) {
        expect(tagPathKey(splitTagPath(row.name))).toBe(row.key);
      }
      expect(db.prepare(`SELECT media_id, tag_id, source FROM media_tags ORDER BY 1, 2, 3`).all()).toEqual(linksBefore);
      expect(tagMatchIds(db, 'AC\\/DC')).toEqual([2]);
      expect(tagMatchIds(db, 'a/b/c')).toEqual([]);
      expect(db.prepare(`SELECT name FROM pragma_index_info('tags_by_level_key')`).pluck().all()).toEqual(['level_key']);
      expect(db.prepare(`SELECT name FROM pragma_index_info('tags_by_parent') ORDER BY seqno`).pluck().all()).toEqual(['parent_id', 'level_key']);
      expect(() => db.prepare(`UPDATE tags SET colour = 'red'`).run()).toThrow(/CHECK/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
