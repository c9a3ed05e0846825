import type { Migration } from './index.js';

/**
 * The first schema. Queried fields are columns with indexes; custom metadata is the one JSON
 * column (stored, not searched by index). Paths inside a folder are BLOBs: file names on Linux
 * need not be UTF-8, and the bytes are what opens the file again.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE folders (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL UNIQUE,
  state         TEXT NOT NULL DEFAULT 'online' CHECK (state IN ('online', 'offline')),
  added_at      TEXT NOT NULL,
  last_scan_at  TEXT
);

CREATE TABLE media (
  id                 INTEGER PRIMARY KEY,
  folder_id          INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
  rel_path           BLOB NOT NULL,
  display_path       TEXT NOT NULL,
  original_name      TEXT NOT NULL,
  file_size          INTEGER NOT NULL,
  mtime              TEXT NOT NULL,
  md5                TEXT,
  type               TEXT NOT NULL DEFAULT 'other'
                       CHECK (type IN ('image', 'video', 'audio', 'document', 'other')),
  mime               TEXT,
  format             TEXT,
  width              INTEGER,
  height             INTEGER,
  mode               TEXT,
  has_alpha          INTEGER,
  orientation        INTEGER,
  taken_at           TEXT,
  camera_make        TEXT,
  camera_model       TEXT,
  gps_lat            REAL,
  gps_lon            REAL,
  gps_alt            REAL,
  duration           REAL,
  name               TEXT NOT NULL,
  name_key           TEXT NOT NULL,
  description        TEXT NOT NULL DEFAULT '',
  metadata           TEXT NOT NULL DEFAULT '{}',
  custom_coordinates TEXT,
  parent_id          INTEGER REFERENCES media(id) ON DELETE SET NULL,
  status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deleted')),
  deleted_at         TEXT,
  -- The item whose soft delete carried this derived version into the trash (NULL when it was
  -- trashed itself), so restoring that item brings back exactly the versions that went with it.
  -- No foreign key: both rows leave the trash (or the library) together.
  deleted_with       INTEGER,
  availability       TEXT NOT NULL DEFAULT 'present'
                       CHECK (availability IN ('present', 'missing', 'offline')),
  file_state         TEXT NOT NULL DEFAULT 'pending'
                       CHECK (file_state IN ('pending', 'ok', 'damaged', 'unsupported', 'oversized', 'empty', 'unreadable')),
  state_reason       TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  updated_by         TEXT NOT NULL,
  -- Date-taken sort key: EXIF time when known, else the file's mtime (both "YYYY-MM-DDTHH:MM:SS…").
  sort_date          TEXT GENERATED ALWAYS AS (coalesce(taken_at, mtime)) VIRTUAL,
  UNIQUE (folder_id, rel_path)
);
CREATE INDEX media_by_date     ON media(status, sort_date, id);
CREATE INDEX media_by_name     ON media(status, name_key, id);
CREATE INDEX media_by_added    ON media(status, created_at, id);
CREATE INDEX media_by_size     ON media(status, file_size, id);
CREATE INDEX media_by_md5      ON media(md5);
CREATE INDEX media_by_parent   ON media(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX media_by_folder   ON media(folder_id, status);
CREATE INDEX media_by_deleted_with ON media(deleted_with) WHERE deleted_with IS NOT NULL;

-- Text search in name and description. Trigram tokens match any part of a word ("0029" finds
-- "DSCN0029.jpg"), case-insensitively and ignoring accents; external content, so the text is
-- stored once (in media) and the index follows it through the triggers below.
CREATE VIRTUAL TABLE media_text USING fts5(
  name, description, content = 'media', content_rowid = 'id', tokenize = 'trigram remove_diacritics 1'
);
CREATE TRIGGER media_text_insert AFTER INSERT ON media BEGIN
  INSERT INTO media_text(rowid, name, description) VALUES (new.id, new.name, new.description);
END;
CREATE TRIGGER media_text_delete AFTER DELETE ON media BEGIN
  INSERT INTO media_text(media_text, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
END;
CREATE TRIGGER media_text_update AFTER UPDATE OF name, description ON media BEGIN
  INSERT INTO media_text(media_text, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
  INSERT INTO media_text(rowid, name, description) VALUES (new.id, new.name, new.description);
END;

-- One vocabulary for user and AI tags. \`key\` is the case-folded NFC form (shared/tags.ts):
-- two tags with the same key are the same tag, in every script.
CREATE TABLE tags (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  key         TEXT NOT NULL UNIQUE,
  -- Active items carrying it as a user tag, kept by the triggers below so that the tag list
  -- and autocomplete never count links at query time.
  item_count  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);
CREATE INDEX tags_by_count ON tags(item_count DESC, key);

-- An item↔tag link. source = 'user' for the user's tags, else the extension that made the AI tag.
CREATE TABLE media_tags (
  media_id    INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  source      TEXT NOT NULL DEFAULT 'user',
  confidence  REAL NOT NULL DEFAULT 1 CHECK (confidence >= 0 AND confidence <= 1),
  added_at    TEXT NOT NULL,
  PRIMARY KEY (media_id, source, tag_id)
) WITHOUT ROWID;
CREATE INDEX media_tags_by_tag ON media_tags(tag_id, source, media_id);

CREATE TRIGGER media_tags_count_insert AFTER INSERT ON media_tags
WHEN new.source = 'user' BEGIN
  UPDATE tags SET item_count = item_count + 1
  WHERE id = new.tag_id AND (SELECT status FROM media WHERE id = new.media_id) = 'active';
END;
CREATE TRIGGER media_tags_count_delete AFTER DELETE ON media_tags
WHEN old.source = 'user' BEGIN
  UPDATE tags SET item_count = item_count - 1
  WHERE id = old.tag_id AND (SELECT status FROM media WHERE id = old.media_id) = 'active';
END;
CREATE TRIGGER media_status_count AFTER UPDATE OF status ON media
WHEN old.status <> new.status BEGIN
  UPDATE tags SET item_count = item_count + (CASE WHEN new.status = 'active' THEN 1 ELSE -1 END)
  WHERE id IN (SELECT tag_id FROM media_tags WHERE media_id = new.id AND source = 'user');
END;
-- Deleting an item cascades to its links; cascaded deletes do not fire the link trigger with
-- the item still readable, so adjust counts before the row goes.
CREATE TRIGGER media_delete_count BEFORE DELETE ON media
WHEN old.status = 'active' BEGIN
  UPDATE tags SET item_count = item_count - 1
  WHERE id IN (SELECT tag_id FROM media_tags WHERE media_id = old.id AND source = 'user');
END;

-- Which extension ran on which item, and how it went.
CREATE TABLE extension_runs (
  media_id   INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  extension  TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('done', 'failed', 'unsupported')),
  message    TEXT,
  ran_at     TEXT NOT NULL,
  PRIMARY KEY (media_id, extension)
) WITHOUT ROWID;

-- Thumbnails are keyed by content: two items with the same bytes share them.
CREATE TABLE thumbnails (
  md5     TEXT NOT NULL,
  size    INTEGER NOT NULL,
  width   INTEGER NOT NULL,
  height  INTEGER NOT NULL,
  bytes   INTEGER NOT NULL,
  PRIMARY KEY (md5, size)
) WITHOUT ROWID;

-- Files a scan found but could not record as items (unreadable, vanished, links out of the folder).
CREATE TABLE import_issues (
  id         INTEGER PRIMARY KEY,
  folder_id  INTEGER REFERENCES folders(id) ON DELETE CASCADE,
  path       TEXT NOT NULL,
  reason     TEXT NOT NULL,
  at         TEXT NOT NULL
);
CREATE INDEX import_issues_by_folder ON import_issues(folder_id, id);

CREATE TABLE import_jobs (
  id           TEXT PRIMARY KEY,
  folder_id    INTEGER REFERENCES folders(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('import', 'rescan')),
  state        TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed')),
  total        INTEGER NOT NULL DEFAULT 0,
  done         INTEGER NOT NULL DEFAULT 0,
  errors       INTEGER NOT NULL DEFAULT 0,
  started_at   TEXT NOT NULL,
  finished_at  TEXT
);
`,
};
