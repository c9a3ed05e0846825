/**
 * A library file as an older version of Folio left it, for the migration tests: every migration
 * up to `version` applied by hand (not by openDatabase, which would bring it up to date), one
 * folder (id 1, `/photos`), and items inserted with only the columns that version had.
 */
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../electron/library/db/migrations/index.js';

export function oldLibrary(file: string, version: number): Database.Database {
  const db = new Database(file);
  for (const migration of MIGRATIONS.filter((m) => m.version <= version)) db.exec(migration.sql);
  db.pragma(`user_version = ${version}`);
  db.exec(`INSERT INTO folders (id, path, added_at) VALUES (1, '/photos', '2024-01-01T00:00:00Z')`);
  return db;
}

/** An item of folder 1 named `a.jpg`; `columns` add to or override the defaults (only columns the old version had). */
export function insertOldItem(db: Database.Database, id: number, columns: Record<string, unknown> = {}): void {
  const row: Record<string, unknown> = {
    id,
    folder_id: 1,
    rel_path: Buffer.from('a.jpg'),
    display_path: 'a.jpg',
    original_name: 'a.jpg',
    file_size: 10,
    mtime: '2024-01-01T00:00:00Z',
    name: 'a.jpg',
    name_key: 'a.jpg',
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    updated_by: 'import',
    ...columns,
  };
  const names = Object.keys(row);
  db.prepare(`INSERT INTO media (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`).run(row);
}
