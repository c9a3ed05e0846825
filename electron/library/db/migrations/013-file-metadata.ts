import type { Migration } from './index.js';

/**
 * What was read from files and sidecars (issue 15), one row per value: the keywords (as written
 * tag paths) and people of an item, and its single values (rating, label, flag, title,
 * description). It answers "where did this come from" for the details panel ("from sidecar"),
 * lists the tags that came from files, and is the memory a rescan compares with: a value the
 * file still holds unchanged is not brought in again over a later edit made in Folio.
 * Numbered 013 in the plan of the parallel work; its version follows the migrations on this
 * branch so that they stay contiguous (the merge renumbers it).
 */
export const fileMetadata: Migration = {
  version: 10,
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
`,
};
