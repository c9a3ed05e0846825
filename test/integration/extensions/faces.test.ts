/**
 * The `faces` extension and people, on real photos whose faces were counted by eye:
 * - corpus jpg/exif-org/canon-ixus.jpg: a wedding couple and a guest in front of a house (3 faces)
 * - corpus tiff/DudleyLeavittUtah.tiff: an old portrait of a man (1 face)
 * - corpus jpg/exif-org/sony-d700.jpg: people at a shop counter, two faces towards the camera
 * - corpus jpg/Canon_40D.jpg: an iguana (no face)
 * - four photos of one man (the author of @vladmandic/human, in that npm package's
 *   assets/screenshot-facematch.jpg and assets/screenshot-faceid.jpg, cut out here) and one of
 *   a woman from the same screenshot. man-1, man-2 and man-4 are alike at 0.82–0.87 and make one
 *   person; the webcam photo (man-3) is like them at 0.60–0.64 only, under the threshold (0.7),
 *   so it starts a person of its own until it is merged by hand; the woman is another person.
 * Everything goes through the real importer, the real models (in their worker thread) and a
 * real SQLite file.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Face } from '../../../shared/people.js';
import { CORPUS_DIR, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt } from '../import/import-fixture.js';
import { expectFolioError } from '../service/expect-error.js';
import { writeHardPictures } from './hard-pictures.js';

let t: TempLibrary;
const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const idOf = (name: string) => rowAt(t.library, name).id;

const ASSETS = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/human')), '..', 'assets');
const PHOTOS: Record<string, string> = {
  'wedding.jpg': 'jpg/exif-org/canon-ixus.jpg',
  'portrait.tiff': 'tiff/DudleyLeavittUtah.tiff',
  'shop.jpg': 'jpg/exif-org/sony-d700.jpg',
  'iguana.jpg': 'jpg/Canon_40D.jpg',
  'corrupted.jpg': 'jpg/corrupted.jpg',
};
/** Regions of the package's screenshots around one face each (left, top, side). */
const CUTS: Record<string, [string, number, number, number]> = {
  'man-1.jpg': ['screenshot-facematch.jpg', 96, 278, 125],
  'man-2.jpg': ['screenshot-facematch.jpg', 207, 280, 120],
  'man-3.jpg': ['screenshot-faceid.jpg', 0, 130, 170],
  'man-4.jpg': ['screenshot-facematch.jpg', 522, 282, 123],
  'woman.jpg': ['screenshot-facematch.jpg', 206, 619, 117],
};

async function facesRun(names: string[]) {
  return call('media.autoTag', { ids: names.map(idOf), extensions: [{ name: 'faces' }] });
}
async function facesOf(name: string): Promise<Face[]> {
  return (await call('faces.ofItem', { id: idOf(name) })).faces;
}
async function onlyFace(name: string): Promise<Face> {
  const faces = await facesOf(name);
  expect(faces, name).toHaveLength(1);
  return faces[0] as Face;
}

beforeAll(async () => {
  t = openTempLibrary({ workers: 1, pixelLimit: 40_000_000 });
  const folder = path.join(t.dir, 'photos');
  fs.mkdirSync(folder);
  for (const [name, source] of Object.entries(PHOTOS)) fs.copyFileSync(path.join(CORPUS_DIR, source), path.join(folder, name));
  for (const [name, [asset, left, top, side]] of Object.entries(CUTS)) {
    await sharp(path.join(ASSETS, asset)).extract({ left, top, width: side, height: side }).jpeg({ quality: 95 }).toFile(path.join(folder, name));
  }
  await writeHardPictures(folder);
  // A 6,000 × 480 panorama of real pixels: grass, with the old portrait at its far right end.
  const portrait = await sharp(path.join(CORPUS_DIR, 'tiff/DudleyLeavittUtah.tiff')).resize({ height: 480 }).jpeg().toBuffer();
  await sharp({ create: { width: 6_000, height: 480, channels: 3, background: '#3a5a3a' } })
    .composite([{ input: portrait, left: 5_600, top: 0 }])
    .jpeg()
    .toFile(path.join(folder, 'panorama.jpg'));
  await importAndWait(t.library, folder);
}, 120_000);
afterAll(async () => t.dispose());

describe('faces on photos with known faces', () => {
  it('finds the faces counted by eye, each with a box inside the picture and a score', async () => {
    const answer = await facesRun(['wedding.jpg', 'portrait.tiff', 'shop.jpg', 'iguana.jpg']);
    expect(answer.items).toHaveLength(4);
    const counts = Object.fromEntries(await Promise.all(['wedding.jpg', 'portrait.tiff', 'shop.jpg', 'iguana.jpg'].map(async (name) => [name, (await facesOf(name)).length])));
    expect(counts).toEqual({ 'wedding.jpg': 3, 'portrait.tiff': 1, 'shop.jpg': 2, 'iguana.jpg': 0 });
    const wedding = answer.items.find((item) => item.id === idOf('wedding.jpg'));
    expect(wedding?.extensionStatus).toContainEqual(expect.objectContaining({ extension: 'faces', status: 'done', message: '3 faces found' }));
    const row = rowAt(t.library, 'wedding.jpg');
    for (const face of await facesOf('wedding.jpg')) {
      expect(face.score).toBeGreaterThanOrEqual(0.7);
      expect(face.box.x + face.box.width).toBeLessThanOrEqual(row.width ?? 0);
      expect(face.box.y + face.box.height).toBeLessThanOrEqual(row.height ?? 0);
      // Three adults standing side by side: faces of 20–40 px in a 640 px photo, at one height.
      expect(face.box.width).toBeGreaterThan(15);
      expect(face.box.width).toBeLessThan(60);
    }
    const people = (await call('people.list', {})).people;
    // Three wedding guests, a portrait and two shoppers: six different people.
    expect(people.length).toBe(6);
  });

  it('describes a face the same way on every run (same box, same descriptor bytes)', async () => {
    const descriptors = () =>
      t.library.db.prepare(`SELECT id, x, y, width, height, score, hex(descriptor) AS d FROM faces WHERE media_id = ? ORDER BY id`).all(idOf('portrait.tiff'));
    const before = descriptors();
    await facesRun(['portrait.tiff']);
    expect(descriptors()).toEqual(before);
  });

  it('puts three photos of one man in one person, and his webcam photo and a woman apart', async () => {
    await facesRun(['man-1.jpg', 'man-2.jpg', 'man-3.jpg', 'man-4.jpg', 'woman.jpg']);
    const men = await Promise.all(['man-1.jpg', 'man-2.jpg', 'man-4.jpg'].map(onlyFace));
    const webcam = await onlyFace('man-3.jpg');
    const woman = await onlyFace('woman.jpg');
    expect(new Set(men.map((face) => face.personId)).size).toBe(1);
    expect(men[0]?.personId).not.toBeNull();
    expect(webcam.personId).not.toBe(men[0]?.personId);
    expect(woman.personId).not.toBe(men[0]?.personId);
    expect(woman.personId).not.toBe(webcam.personId);
    const person = (await call('people.list', {})).people.find((p) => p.id === men[0]?.personId);
    expect(person).toMatchObject({ faceCount: 3, itemCount: 3, name: null });
    expect(person?.sample?.mediaId).toBeDefined();
  });
});

describe('people', () => {
  it('naming a person tags every item of it People/<name> as a user tag', async () => {
    const man = await onlyFace('man-1.jpg');
    const answer = await call('people.name', { id: man.personId, name: 'Vladimir' });
    expect(answer).toMatchObject({ tagged: 3, person: { name: 'Vladimir', faceCount: 3 } });
    for (const name of ['man-1.jpg', 'man-2.jpg', 'man-4.jpg']) {
      expect((await call('media.get', { id: idOf(name) })).tags).toContain('People/Vladimir');
    }
    for (const name of ['man-3.jpg', 'woman.jpg']) expect((await call('media.get', { id: idOf(name) })).tags).not.toContain('People/Vladimir');
    expect((await call('media.list', { filter: { tagsAll: ['People/Vladimir'] } })).items.map((item) => item.id).sort()).toEqual(
      ['man-1.jpg', 'man-2.jpg', 'man-4.jpg'].map(idOf).sort(),
    );
  });

  it('"not this person" sticks: the face leaves, loses the tag, and neither a rerun nor a new clustering puts it back', async () => {
    const face = await onlyFace('man-4.jpg');
    const vladimir = face.personId;
    const answer = await call('faces.reassign', { faceId: face.id, personId: null });
    expect(answer.face).toMatchObject({ id: face.id, personId: null });
    expect((await call('media.get', { id: idOf('man-4.jpg') })).tags).not.toContain('People/Vladimir');
    expect((await call('people.list', {})).unassignedFaces).toBe(1);
    await facesRun(['man-4.jpg']);
    expect((await onlyFace('man-4.jpg')).id).toBe(face.id);
    await call('people.recluster', {});
    const after = await onlyFace('man-4.jpg');
    expect(after.personId).not.toBe(vladimir);
    expect(after.personId).not.toBeNull();
    // The named person kept its two confirmed faces through the new clustering.
    expect((await onlyFace('man-1.jpg')).personId).toBe(vladimir);
    expect((await onlyFace('man-2.jpg')).personId).toBe(vladimir);
  });

  it('merging brings faces in with the tag; splitting takes one out again', async () => {
    const vladimir = (await onlyFace('man-1.jpg')).personId as number;
    for (const name of ['man-4.jpg', 'man-3.jpg']) {
      const merged = await call('people.merge', { from: (await onlyFace(name)).personId, into: vladimir });
      expect(merged.person).toMatchObject({ id: vladimir, name: 'Vladimir' });
      expect((await call('media.get', { id: idOf(name) })).tags).toContain('People/Vladimir');
    }
    expect((await call('people.faces', { id: vladimir })).faces).toHaveLength(4);
    const face = await onlyFace('man-3.jpg');
    const split = await call('people.split', { id: vladimir, faceIds: [face.id] });
    expect(split.person).toMatchObject({ name: null, faceCount: 1 });
    expect((await onlyFace('man-3.jpg')).personId).toBe(split.person.id);
    expect((await call('media.get', { id: idOf('man-3.jpg') })).tags).not.toContain('People/Vladimir');
    // Back where it belongs, by hand, for the next test.
    await call('faces.reassign', { faceId: face.id, personId: vladimir });
    expect((await call('media.get', { id: idOf('man-3.jpg') })).tags).toContain('People/Vladimir');
  });

  it('a new photo of a named person gets the tag suggested, or set above the chosen confidence', async () => {
    expect(await call('people.settings', {})).toEqual({ autoTagConfidence: null });
    // A copy of man-2 under another name, as a new photo: its face joins Vladimir.
    const folder = path.join(t.dir, 'photos');
    const vladimirFaces = (await call('people.faces', { id: (await onlyFace('man-1.jpg')).personId })).faces;
    expect(vladimirFaces).toHaveLength(4);
    fs.copyFileSync(path.join(folder, 'man-2.jpg'), path.join(folder, 'man-2-again.jpg'));
    await sharp(path.join(folder, 'man-1.jpg')).resize(110).jpeg({ quality: 80 }).toFile(path.join(folder, 'man-1-small.jpg'));
    await importAndWait(t.library, folder);
    const suggested = (await facesRun(['man-2-again.jpg'])).items[0];
    const tag = suggested?.aiTags.find((ai) => ai.name === 'People/Vladimir');
    expect(tag).toMatchObject({ source: 'faces' });
    expect(tag?.confidence).toBeGreaterThanOrEqual(0.7);
    expect((await call('media.get', { id: idOf('man-2-again.jpg') })).tags).not.toContain('People/Vladimir');

    await call('people.setSettings', { autoTagConfidence: 0.75 });
    await facesRun(['man-1-small.jpg']);
    expect((await call('media.get', { id: idOf('man-1-small.jpg') })).tags).toContain('People/Vladimir');
  });

  it('refuses bad requests with a typed error and changes nothing', async () => {
    const vladimir = (await onlyFace('man-1.jpg')).personId as number;
    const woman = (await onlyFace('woman.jpg')).personId as number;
    await expectFolioError(call('people.name', { id: 999_999, name: 'Nobody' }), 'NOT_FOUND', 'id');
    await expectFolioError(call('people.name', { id: vladimir, name: '   ' }), 'INVALID_ARGUMENT', 'name');
    await expectFolioError(call('people.name', { id: woman, name: 'vladimir' }), 'CONFLICT', 'name');
    await expectFolioError(call('people.merge', { from: vladimir, into: vladimir }), 'INVALID_ARGUMENT', 'into');
    await expectFolioError(call('people.merge', { from: 999_999, into: vladimir }), 'NOT_FOUND', 'from');
    await expectFolioError(call('faces.reassign', { faceId: 999_999, personId: null }), 'NOT_FOUND', 'faceId');
    await expectFolioError(call('faces.reassign', { faceId: (await onlyFace('woman.jpg')).id, personId: 999_999 }), 'NOT_FOUND', 'personId');
    await expectFolioError(call('people.split', { id: vladimir, faceIds: [(await onlyFace('woman.jpg')).id] }), 'INVALID_ARGUMENT', 'faceIds[0]');
    await expectFolioError(call('people.split', { id: woman, faceIds: [(await onlyFace('woman.jpg')).id] }), 'INVALID_ARGUMENT', 'faceIds');
    await expectFolioError(call('faces.ofItem', { id: 999_999 }), 'NOT_FOUND', 'id');
    expect((await call('media.get', { id: idOf('woman.jpg') })).tags).not.toContain('People/vladimir');
    expect((await onlyFace('woman.jpg')).personId).toBe(woman);
  });

  it('gives a damaged file, a 1×1 picture, a huge one, a video and a panorama a status with a reason', async () => {
    const statusOf = async (file: string) => (await facesRun([file])).items[0]?.extensionStatus.find((run) => run.extension === 'faces');
    expect(await statusOf('corrupted.jpg')).toMatchObject({ status: 'failed', message: expect.stringMatching(/could not be decoded/) });
    expect(await statusOf('dot.png')).toMatchObject({ status: 'unsupported', message: expect.stringContaining('1×1 px') });
    expect(await statusOf('huge.jpg')).toMatchObject({ status: 'unsupported', message: expect.stringMatching(/48 MP, above the limit of 40 MP/) });
    expect(await statusOf('clip.mp4')).toMatchObject({ status: 'unsupported', message: 'faces looks at still images, not video files' });
    expect(await statusOf('panorama.jpg')).toMatchObject({ status: 'done', message: '1 face found' });
    expect((await onlyFace('panorama.jpg')).box.x).toBeGreaterThan(5_600);
  });
});
