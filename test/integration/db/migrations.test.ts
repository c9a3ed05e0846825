/**
 * Opening a library: the pragmas every connection must have, migrations applied in order (each
 * with its version in one transaction), a library from an older schema brought up to date with
 * its data, and one from a newer Folio refused without a byte changed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../electron/library/db/connection.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/library/db/migrations/index.js';
import { FolioError } from '../../../shared/errors.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';

let dir = '';
let file = '';
beforeEach(() => {
  dir = makeTempDir('folio-migrations-');
  file = path.join(dir, 'library.sqlite');
});
afterEach(() => removeDir(dir));

/** A database left at `version` by an older Folio: only the migrations up to it applied. */
function databaseAt(version: number): Database.Database {
  const db = new Database(file);
  for (const migration of MIGRATIONS.filter((m) => m.version <= version)) db.exec(migration.sql);
  db.pragma(`user_version = ${version}`);
  return db;
}

const indexNames = (db: Database.Database) =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`).pluck().all() as string[];

describe('migrations', () => {
  it('are numbered from 1 without gaps, and the newest is the schema version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('build a new library to the newest version with every pragma set', () => {
    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('set the pragmas again on every open, not only the first', () => {
    openDatabase(file).close();
    const db = openDatabase(file);
    try {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
    }
  });

  it('002 drops the tag-count index of a version-1 library and keeps its tags and links', () => {
    const old = databaseAt(1);
    old.prepare(`INSERT INTO folders (path, added_at) VALUES ('/photos', 'x')`).run();
    old.prepare(
      `INSERT INTO media (id, folder_id, rel_path, display_path, original_name, file_size, mtime, name, name_key, created_at, updated_at, updated_by)
       VALUES (1, 1, X'612E6A7067', 'a.jpg', 'a.jpg', 10, 'x', 'a.jpg', 'a.jpg', 'x', 'x', 'import')`,
    ).run();
    old.prepare(`INSERT INTO tags (name, key, created_at) VALUES ('Beach', 'beach', 'x')`).run();
    old.prepare(`INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at) VALUES (1, 1, 'user', 1, 'x')`).run();
    expect(indexNames(old)).toContain('tags_by_count');
    old.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(indexNames(db)).not.toContain('tags_by_count');
      expect(db.prepare(`SELECT name, item_count FROM tags`).all()).toEqual([{ name: 'Beach', item_count: 1 }]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('003 and 004 move a version-2 library’s trash into its own table and its links into tag order, keeping every link, what went with what and the tag counts', () => {
    const old = databaseAt(2);
    old.prepare(`INSERT INTO folders (path, added_at) VALUES ('/photos', 'x')`).run();
    const insert = old.prepare(
      `INSERT INTO media (id, folder_id, rel_path, display_path, original_name, file_size, mtime, name, name_key, parent_id,
         status, deleted_at, deleted_with, created_at, updated_at, updated_by)
       VALUES (@id, 1, CAST(@name AS BLOB), @name, @name, 10, 'x', @name, @name, @parent, @status, @deletedAt, @deletedWith, 'c', @updated, 'user')`,
    );
    // 1 active; 2 trashed by the user, carrying its derived version 3; 4 trashed on its own.
    insert.run({ id: 1, name: 'a.jpg', parent: null, status: 'active', deletedAt: null, deletedWith: null, updated: 'u1' });
    insert.run({ id: 2, name: 'b.jpg', parent: null, status: 'deleted', deletedAt: 'd2', deletedWith: null, updated: 'd2' });
    insert.run({ id: 3, name: 'b-edit.jpg', parent: 2, status: 'deleted', deletedAt: 'd2', deletedWith: 2, updated: 'd2' });
    insert.run({ id: 4, name: 'c.jpg', parent: null, status: 'deleted', deletedAt: 'd4', deletedWith: null, updated: 'd4' });
    old.prepare(`INSERT INTO tags (name, key, created_at) VALUES ('Beach', 'beach', 'x')`).run();
    old.prepare(`INSERT INTO media_tags (media_id, tag_id, source, added_at) SELECT id, 1, 'user', 'x' FROM media`).run();
    expect(old.prepare(`SELECT item_count FROM tags`).pluck().get()).toBe(1);
    old.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare(`SELECT media_id, deleted_at, deleted_with FROM trash ORDER BY media_id`).raw().all()).toEqual([
        [2, 'd2', null],
        [3, 'd2', 2],
        [4, 'd4', null],
      ]);
      const columns = db.prepare(`SELECT name FROM pragma_table_info('media')`).pluck().all();
      expect(columns).not.toContain('status');
      expect(columns).not.toContain('deleted_with');
      expect(db.prepare(`SELECT item_count FROM tags`).pluck().get()).toBe(1);
      expect(db.prepare(`SELECT media_id, tag_id, source FROM media_tags ORDER BY media_id`).raw().all()).toEqual(
        [1, 2, 3, 4].map((id) => [id, 1, 'user']),
      );
      expect(indexNames(db)).toContain('media_tags_by_item');
      expect(indexNames(db)).not.toContain('media_tags_by_tag');
      // The counting triggers follow the new tables: a link on a trashed item is not counted,
      // deleting an active item uncounts its link, purging the trash leaves the count alone.
      db.prepare(`INSERT INTO tags (name, key, created_at) VALUES ('Sea', 'sea', 'x')`).run();
      db.prepare(`INSERT INTO media_tags (media_id, tag_id, source, added_at) VALUES (1, 2, 'user', 'x'), (4, 2, 'user', 'x')`).run();
      expect(db.prepare(`SELECT key, item_count FROM tags ORDER BY key`).raw().all()).toEqual([['beach', 1], ['sea', 1]]);
      db.prepare(`DELETE FROM media WHERE id IN (SELECT media_id FROM trash)`).run();
      expect(db.prepare(`SELECT key, item_count FROM tags ORDER BY key`).raw().all()).toEqual([['beach', 1], ['sea', 1]]);
      db.prepare(`DELETE FROM media WHERE id = 1`).run();
      expect(db.prepare(`SELECT key, item_count FROM tags ORDER BY key`).raw().all()).toEqual([['beach', 0], ['sea', 0]]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuse a library written by a newer Folio with a clear error, changing nothing', () => {
    const newer = databaseAt(SCHEMA_VERSION);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const digest = () => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const before = digest();
    let error: unknown;
    try {
      openDatabase(file).close();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).code).toBe('LIBRARY_TOO_NEW');
    expect((error as FolioError).message).toMatch(/newer version of Folio.*Update Folio/);
    expect(digest()).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
