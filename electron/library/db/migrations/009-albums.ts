import type { Migration } from './index.js';

/**
 * Albums as in Lightroom's collections: named, manually ordered sets of items, nested in
 * folders of albums, and smart albums (a saved search of the search language, evaluated live).
 * One table holds all three kinds so that folders can hold albums and smart albums alike.
 * - An album's name is unique in the library (by key: case and Unicode form folded, as tags),
 *   so that the search term `album:"Name"` names one album; a folder's name is unique among
 *   its siblings.
 * - `album_items.position` orders an album: a REAL so that moving an item between two others
 *   takes the midpoint without renumbering the album (renumbered when the gap runs out).
 * - A trashed item keeps its membership (the view leaves it out), so a restore brings it back
 *   to where it was; forgetting an item removes it by the cascade.
 */
export const albums: Migration = {
  version: 9,
  name: 'albums',
  sql: `
CREATE TABLE albums (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('album', 'smart', 'folder')),
  name        TEXT NOT NULL,
  name_key    TEXT NOT NULL,
  parent_id   INTEGER REFERENCES albums(id) ON DELETE CASCADE,
  query       TEXT CHECK ((kind = 'smart') = (query IS NOT NULL)),
  created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX albums_by_name ON albums(name_key) WHERE kind <> 'folder';
CREATE UNIQUE INDEX album_folders_by_name ON albums(coalesce(parent_id, 0), name_key) WHERE kind = 'folder';
CREATE INDEX albums_by_parent ON albums(parent_id);

CREATE TABLE album_items (
  album_id  INTEGER NOT NULL REFERENCES albums(id) ON DELETE CASCADE,
  media_id  INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  position  REAL NOT NULL,
  added_at  TEXT NOT NULL,
  PRIMARY KEY (album_id, media_id)
) WITHOUT ROWID;
CREATE INDEX album_items_in_order ON album_items(album_id, position, media_id);
CREATE INDEX album_items_by_media ON album_items(media_id, album_id);
`,
};
