import type { Migration } from './index.js';

/**
 * Faces found by the faces extension and the people they are grouped into.
 *
 * - `people.name` is unique without regard to case: two people of one name are one person (merge).
 * - `faces.assigned_by = 'user'`: a person put the face there; clustering never moves it.
 * - `face_rejections`: "not this person", so clustering never puts the face back there.
 * - The descriptor is FaceRes's 1024 float32 numbers, unit length; `model` tells which model
 *   made it (descriptors of two models are not comparable).
 */
export const faces: Migration = {
  version: 12,
  name: 'faces',
  sql: `
CREATE TABLE people (
  id          INTEGER PRIMARY KEY,
  name        TEXT CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX people_by_name ON people (name COLLATE NOCASE) WHERE name IS NOT NULL;

CREATE TABLE faces (
  id           INTEGER PRIMARY KEY,
  media_id     INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,
  x            INTEGER NOT NULL,
  y            INTEGER NOT NULL,
  width        INTEGER NOT NULL CHECK (width > 0),
  height       INTEGER NOT NULL CHECK (height > 0),
  score        REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
  descriptor   BLOB NOT NULL,
  model        TEXT NOT NULL,
  person_id    INTEGER REFERENCES people (id) ON DELETE SET NULL,
  assigned_by  TEXT NOT NULL DEFAULT 'auto' CHECK (assigned_by IN ('auto', 'user'))
);
CREATE INDEX faces_by_media ON faces (media_id);
CREATE INDEX faces_by_person ON faces (person_id) WHERE person_id IS NOT NULL;

CREATE TABLE face_rejections (
  face_id    INTEGER NOT NULL REFERENCES faces (id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  PRIMARY KEY (face_id, person_id)
) WITHOUT ROWID;
`,
};
