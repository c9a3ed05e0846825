import type { Migration } from './index.js';

/**
 * The tag tree (issue 13): a tag has a parent; aliases stand for tags; implications make one
 * tag count as another; vocabulary changes keep what undoes them.
 * - `tags.name` is now the tag's written path (`Places/France/Paris`, a `/` inside a level
 *   written `\/`, a backslash `\\`: shared/tag-path.ts) and `tags.key` the path's key (each
 *   level folded), still unique: every existing reader of name/key gets full paths, and a
 *   branch is one range of the key index (`key > 'a/' AND key < 'a0'`). `level`/`level_key`
 *   are the last level, for autocomplete on any level's start. Links name tags by id, so a
 *   rename or move rewrites tag rows only, never an item's links.
 * - Every flat tag becomes a top-level tag; a `/` or `\` in its name is escaped, so "AC/DC"
 *   stays one level (`AC\/DC`) and nothing is lost.
 * - `tag_undo` keeps the last operations' inverses (server-side, so an undo restores 100,000
 *   links without sending them to the UI); `tag_undo_links` holds the links an operation
 *   removed or added. No foreign key to media: an item forgotten since is skipped on undo.
 */
export const tagTree: Migration = {
  version: 10,
  name: 'tag-tree',
  sql: `
ALTER TABLE tags ADD COLUMN parent_id INTEGER REFERENCES tags(id);
ALTER TABLE tags ADD COLUMN level TEXT NOT NULL DEFAULT '';
ALTER TABLE tags ADD COLUMN level_key TEXT NOT NULL DEFAULT '';
ALTER TABLE tags ADD COLUMN colour TEXT CHECK (colour IS NULL OR colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]');
UPDATE tags SET
  level = name,
  level_key = key,
  name = replace(replace(name, '\\', '\\\\'), '/', '\\/'),
  key = replace(replace(key, '\\', '\\\\'), '/', '\\/');
CREATE INDEX tags_by_parent ON tags(parent_id, level_key);
CREATE INDEX tags_by_level_key ON tags(level_key);

CREATE TABLE tag_aliases (
  key     TEXT PRIMARY KEY,
  alias   TEXT NOT NULL,
  tag_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE
);
CREATE INDEX tag_aliases_by_tag ON tag_aliases(tag_id);

CREATE TABLE tag_implies (
  tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  implied_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (tag_id, implied_id),
  CHECK (tag_id <> implied_id)
) WITHOUT ROWID;
CREATE INDEX tag_implies_by_implied ON tag_implies(implied_id, tag_id);

CREATE TABLE tag_undo (
  id          INTEGER PRIMARY KEY,
  token       TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('update', 'merge', 'delete')),
  -- JSON: the tag rows, aliases and implications as they were, and the tags the operation made.
  state       TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE TABLE tag_undo_links (
  undo_id     INTEGER NOT NULL REFERENCES tag_undo(id) ON DELETE CASCADE,
  change      TEXT NOT NULL CHECK (change IN ('removed', 'added')),
  tag_id      INTEGER NOT NULL,
  source      TEXT NOT NULL,
  media_id    INTEGER NOT NULL,
  confidence  REAL NOT NULL,
  added_at    TEXT NOT NULL,
  box         TEXT,
  PRIMARY KEY (undo_id, change, tag_id, source, media_id)
) WITHOUT ROWID;
`,
};
