/**
 * Undo for people edits: each of name, rename, merge, split and "not this person" answers a
 * token, and `people.undo` puts back the people, the faces' places, the rejections and the
 * items' People/<name> tags exactly as they were. Real faces (cut from the demo screenshots in
 * `@vladmandic/human`, as faces.test.ts does: three photos of one man that group together, one
 * of a woman), the real models and a real SQLite file.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt } from '../import/import-fixture.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const idOf = (name: string) => rowAt(t.library, name).id;
const MEN = ['man-1.jpg', 'man-2.jpg', 'man-4.jpg'];
const ASSETS = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/human')), '..', 'assets');
const CUTS: Record<string, [number, number, number]> = {
  'man-1.jpg': [96, 278, 125],
  'man-2.jpg': [207, 280, 120],
  'man-4.jpg': [522, 282, 123],
  'woman.jpg': [206, 619, 117],
};

/** Everything an undo must put back: people, faces' places, rejections, user tags under People/. */
function snapshot() {
  const db = t.library.db;
  return {
    people: db.prepare(`SELECT id, name FROM people ORDER BY id`).all(),
    faces: db.prepare(`SELECT id, person_id, assigned_by FROM faces ORDER BY id`).all(),
    rejections: db.prepare(`SELECT face_id, person_id FROM face_rejections ORDER BY face_id, person_id`).all(),
    tags: db.prepare(`SELECT mt.media_id, t.name FROM media_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.source = 'user' AND t.name LIKE 'People/%' ORDER BY mt.media_id, t.name`).all(),
  };
}
async function tagsOf(name: string) {
  return (await call('media.get', { id: idOf(name) })).tags;
}
async function personOf(name: string) {
  const [face] = (await call('faces.ofItem', { id: idOf(name) })).faces;
  if (!face?.personId) throw new Error(`${name} has no person`);
  return { faceId: face.id, personId: face.personId };
}

beforeAll(async () => {
  t = openTempLibrary({ workers: 1 });
  const folder = path.join(t.dir, 'photos');
  fs.mkdirSync(folder);
  for (const [name, [left, top, side]] of Object.entries(CUTS)) {
    await sharp(path.join(ASSETS, 'screenshot-facematch.jpg')).extract({ left, top, width: side, height: side }).jpeg({ quality: 95 }).toFile(path.join(folder, name));
  }
  await importAndWait(t.library, folder);
  await call('media.autoTag', { ids: [...MEN, 'woman.jpg'].map(idOf), extensions: [{ name: 'faces' }] });
}, 120_000);
afterAll(async () => t.dispose());

describe('people.undo', () => {
  it('undoes naming a person: no name, the faces grouped (not confirmed) again, no tag', async () => {
    const { personId } = await personOf('man-1.jpg');
    const before = snapshot();
    const named = await call('people.name', { id: personId, name: 'Vladimir' });
    expect(named.undo).toEqual(expect.any(String));
    for (const name of MEN) expect(await tagsOf(name)).toContain('People/Vladimir');
    await call('people.undo', { token: named.undo });
    expect(snapshot()).toEqual(before);
    for (const name of MEN) expect(await tagsOf(name)).not.toContain('People/Vladimir');
  });

  it('undoes a rename: the old name and its tags come back, the new tag goes', async () => {
    const { personId } = await personOf('man-1.jpg');
    await call('people.name', { id: personId, name: 'Vladimir' });
    const before = snapshot();
    const renamed = await call('people.name', { id: personId, name: 'Vlad' });
    expect(await tagsOf('man-2.jpg')).toContain('People/Vlad');
    await call('people.undo', { token: renamed.undo });
    expect(snapshot()).toEqual(before);
    expect(await tagsOf('man-2.jpg')).toContain('People/Vladimir');
    expect(await tagsOf('man-2.jpg')).not.toContain('People/Vlad');
  });

  it('undoes a merge: the merged person is back with its id, its faces and its items’ tags', async () => {
    const man = (await personOf('man-1.jpg')).personId;
    const woman = (await personOf('woman.jpg')).personId;
    await call('people.name', { id: woman, name: 'Ada' });
    const before = snapshot();
    const merged = await call('people.merge', { from: woman, into: man });
    expect(await tagsOf('woman.jpg')).toContain('People/Vladimir');
    await call('people.undo', { token: merged.undo });
    expect(snapshot()).toEqual(before);
    expect((await personOf('woman.jpg')).personId).toBe(woman);
    expect(await tagsOf('woman.jpg')).toEqual(expect.arrayContaining(['People/Ada']));
    expect(await tagsOf('woman.jpg')).not.toContain('People/Vladimir');
  });

  it('undoes a split: the new person is gone, the faces and the tag are back, no rejection is left', async () => {
    const { faceId, personId } = await personOf('man-4.jpg');
    const before = snapshot();
    const split = await call('people.split', { id: personId, faceIds: [faceId] });
    expect(await tagsOf('man-4.jpg')).not.toContain('People/Vladimir');
    await call('people.undo', { token: split.undo });
    expect(snapshot()).toEqual(before);
    expect((await call('people.list', {})).people.some((person) => person.id === split.person.id)).toBe(false);
  });

  it('undoes "not this person" (by the latest token): the face is back in its person, with its tag', async () => {
    const { faceId, personId } = await personOf('man-2.jpg');
    const before = snapshot();
    await call('faces.reassign', { faceId, personId: null });
    expect(await tagsOf('man-2.jpg')).not.toContain('People/Vladimir');
    await call('people.undo', { token: 'latest' });
    expect(snapshot()).toEqual(before);
    expect((await personOf('man-2.jpg')).personId).toBe(personId);
  });

  it('refuses a token used twice or unknown, changing nothing', async () => {
    const { personId } = await personOf('man-1.jpg');
    const renamed = await call('people.name', { id: personId, name: 'V' });
    await call('people.undo', { token: renamed.undo });
    const before = snapshot();
    await expectFolioError(call('people.undo', { token: renamed.undo }), 'CONFLICT', 'token');
    await expectFolioError(call('people.undo', { token: 'no-such-token' }), 'NOT_FOUND', 'token');
    await expectFolioError(call('people.undo', { token: '' }), 'INVALID_ARGUMENT', 'token');
    expect(snapshot()).toEqual(before);
  });
});
