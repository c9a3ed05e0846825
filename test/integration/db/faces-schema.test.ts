/**
 * The faces migration: a library of the version before it gains `people`, `faces` and
 * `face_rejections`; a face goes with its item; the hot face queries use their indexes.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/library/db/connection.js';
import { descriptorOf, facesOfMedia, facesOfPerson, insertFace, itemsOfPerson, setFacePerson } from '../../../electron/library/db/face-repo.js';
import { MIGRATIONS } from '../../../electron/library/db/migrations/index.js';
import { insertPerson, listPeople } from '../../../electron/library/db/person-repo.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { insertOldItem, oldLibrary } from './old-library.js';
import { planOf, recordStatements } from './statement-plans.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('folio-faces-schema-');
});
afterEach(() => removeDir(dir));

const FACES = MIGRATIONS.find((m) => m.name === 'faces');

describe('the faces migration', () => {
  it('upgrades the version before it, stores a face with its descriptor, and its queries use their indexes', async () => {
    const file = path.join(dir, 'library.db');
    const before = (FACES?.version ?? 1) - 1;
    const raw = oldLibrary(file, before);
    insertOldItem(raw, 1, { md5: 'abc', type: 'image', file_state: 'ok', width: 640, height: 480 });
    raw.close();

    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const descriptor = Float32Array.from({ length: 1024 }, (_, i) => Math.sin(i) / 16);
      const faceId = insertFace(db, 1, { x: 10, y: 20, width: 30, height: 31 }, 0.9, descriptor, 'test-model');
      const person = insertPerson(db, 'now');
      setFacePerson(db, [faceId], person, 'user');
      expect(facesOfMedia(db, 1)).toEqual([
        { id: faceId, mediaId: 1, box: { x: 10, y: 20, width: 30, height: 31 }, score: 0.9, personId: person, personName: null, assignedBy: 'user', picture: { width: 640, height: 480 } },
      ]);
      const stored = db.prepare(`SELECT descriptor FROM faces WHERE id = ?`).get(faceId) as { descriptor: Buffer };
      expect([...descriptorOf(stored.descriptor)]).toEqual([...descriptor]);
      expect(listPeople(db)).toMatchObject([{ id: person, faceCount: 1, itemCount: 1 }]);
      expect(() => insertFace(db, 1, { x: 0, y: 0, width: 0, height: 5 }, 0.5, descriptor, 'test-model')).toThrow(/CHECK/);

      const statements = await recordStatements(db, () => {
        facesOfMedia(db, 1);
        facesOfPerson(db, person, 10);
        itemsOfPerson(db, person);
      });
      const plan = statements.flatMap((sql) => planOf(db, sql)).join('\n');
      expect(plan).toMatch(/SEARCH f USING INDEX faces_by_media \(media_id=\?\)/);
      expect(plan).toMatch(/USING INDEX faces_by_person \(person_id=\?\)/);
      expect(plan).not.toMatch(/SCAN f\b/);

      // A face goes with its item.
      db.prepare(`DELETE FROM media WHERE id = 1`).run();
      expect(db.prepare(`SELECT count(*) FROM faces`).pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
