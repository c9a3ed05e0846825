import type { Migration } from './index.js';

/**
 * Issue 16's last pieces of people:
 * - `face_regions`: the named face regions an item's file or sidecar holds (MWG, Microsoft),
 *   each box in fractions of the picture, replaced at every reading of the file. A region is
 *   matched to a detected face by overlap, and that face joins the person of that name
 *   (metadata/regions-to-people.ts).
 * - `people_undo`: the inverse of each people edit (name, merge, split, "not this person"):
 *   the people rows, the faces' assignments, the rejections and the `People/<name>` tag links
 *   as they were before, so `people.undo` puts exactly that back (service/people-undo.ts).
 */
export const peopleUndo: Migration = {
  version: 16,
  name: 'people-undo',
  sql: `
CREATE TABLE face_regions (
  media_id  INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  name      TEXT NOT NULL,
  x         REAL NOT NULL,
  y         REAL NOT NULL,
  width     REAL NOT NULL,
  height    REAL NOT NULL
);
CREATE INDEX face_regions_by_media ON face_regions(media_id);

CREATE TABLE people_undo (
  id          INTEGER PRIMARY KEY,
  token       TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL,
  state       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  undone_at   TEXT
);
`,
};
