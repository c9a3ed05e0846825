import type { Migration } from './index.js';

/**
 * What was read from files and sidecars (issue 15), one row per value: the keywords (as written
 * tag paths) and people of an item, and its single values (rating, label, flag, title,
 * description). It answers "where did this come from" for the details panel ("from sidecar"),
 * lists the tags that came from files, and is the memory a rescan compares with: a value the
 * file still holds unchanged is not brought in again over a later edit made in Folio.
 *
 * `sidecar_writes` is the queue of XMP sidecars to write back (setting `writeSidecars`): one row
 * per item whose sidecar is behind, filled by triggers in the same transaction as the edit, so
 * an edit that committed always has its pending write, whatever kills the process after.
 * `generation` grows with every further edit, so a write that finishes only clears the row if
 * nothing changed while it ran. `reason` tells a "write all" (cancellable) from an edit. Edits
 * stamped by the import (values read from files) are not written back.
 */
export const fileMetadata: Migration = {
  version: 13,
  name: 'file-metadata',
  sql: `
CREATE TABLE file_metadata (
  media_id  INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  field     TEXT NOT NULL CHECK (field IN ('keyword', 'person', 'rating', 'label', 'flag', 'title', 'description')),
  value     TEXT NOT NULL,
  location  TEXT NOT NULL CHECK (location IN ('embedded', 'sidecar')),
  read_at   TEXT NOT NULL,
  PRIMARY KEY (media_id, field, value)
) WITHOUT ROWID;
CREATE INDEX file_metadata_by_value ON file_metadata(field, value, media_id);

CREATE TABLE sidecar_writes (
  media_id    INTEGER PRIMARY KEY REFERENCES media(id) ON DELETE CASCADE,
  generation  INTEGER NOT NULL DEFAULT 1,
  reason      TEXT NOT NULL CHECK (reason IN ('edit', 'all')),
  queued_at   TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  error       TEXT
);

CREATE TRIGGER sidecar_after_edit AFTER UPDATE OF name, description, rating, label, flag, custom_coordinates ON media
WHEN NEW.updated_by <> 'import' AND (SELECT value FROM settings WHERE key = 'writeSidecars') = 'true'
BEGIN
  INSERT INTO sidecar_writes (media_id, reason, queued_at) VALUES (NEW.id, 'edit', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ON CONFLICT (media_id) DO UPDATE SET generation = generation + 1, reason = 'edit', attempts = 0, error = NULL;
END;

CREATE TRIGGER sidecar_after_tag_link AFTER INSERT ON media_tags
WHEN NEW.source = 'user' AND (SELECT value FROM settings WHERE key = 'writeSidecars') = 'true'
BEGIN
  INSERT INTO sidecar_writes (media_id, reason, queued_at) VALUES (NEW.media_id, 'edit', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ON CONFLICT (media_id) DO UPDATE SET generation = generation + 1, reason = 'edit', attempts = 0, error = NULL;
END;

-- A renamed or moved tag (each tag of a branch is one row) changes the keywords of every item
-- that carries it as a user tag.
CREATE TRIGGER sidecar_after_tag_rename AFTER UPDATE OF name ON tags
WHEN OLD.name <> NEW.name AND (SELECT value FROM settings WHERE key = 'writeSidecars') = 'true'
BEGIN
  INSERT INTO sidecar_writes (media_id, reason, queued_at)
    SELECT media_id, 'edit', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM media_tags WHERE tag_id = NEW.id AND source = 'user' AND true
  ON CONFLICT (media_id) DO UPDATE SET generation = generation + 1, reason = 'edit', attempts = 0, error = NULL;
END;

CREATE TRIGGER sidecar_after_tag_unlink AFTER DELETE ON media_tags
WHEN OLD.source = 'user' AND (SELECT value FROM settings WHERE key = 'writeSidecars') = 'true'
BEGIN
  INSERT INTO sidecar_writes (media_id, reason, queued_at) VALUES (OLD.media_id, 'edit', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ON CONFLICT (media_id) DO UPDATE SET generation = generation + 1, reason = 'edit', attempts = 0, error = NULL;
END;
`,
};
