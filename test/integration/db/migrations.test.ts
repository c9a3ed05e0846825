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
