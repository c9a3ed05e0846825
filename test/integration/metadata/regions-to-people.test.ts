/**
 * Named face regions written by other tools (MWG and Microsoft, by ExifTool into the files)
 * join Folio's people once the faces extension has found the faces they frame. The photos are
 * faces cut from the demo screenshots inside `@vladmandic/human` (as faces.test.ts does): three
 * of one man (alike at 0.82–0.87 by FaceRes) and one woman, plus the corpus iguana (no face).
 * Real importer, real models in their thread, real SQLite file.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Face } from '../../../shared/people.js';
import { CORPUS_DIR, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt } from '../import/import-fixture.js';
import { exiftoolWrite } from './exiftool-files.js';

let t: TempLibrary;
const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const idOf = (name: string) => rowAt(t.library, name).id;

const ASSETS = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/human')), '..', 'assets');
const CUTS: Record<string, [string, number, number, number]> = {
  'man-1.jpg': ['screenshot-facematch.jpg', 96, 278, 125],
  'man-2.jpg': ['screenshot-facematch.jpg', 207, 280, 120],
  'man-4.jpg': ['screenshot-facematch.jpg', 522, 282, 123],
  'woman.jpg': ['screenshot-facematch.jpg', 206, 619, 117],
};

/** A face cut fills its picture: a region over its middle, as a person would draw it. */
const MWG_MIDDLE = (name: string) =>
  `-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=125,H=125,Unit=pixel},RegionList=[{Area={X=0.5,Y=0.5,W=0.6,H=0.7,Unit=normalized},Name=${name},Type=Face}]}`;

async function onlyFace(name: string): Promise<Face> {
  const faces = (await call('faces.ofItem', { id: idOf(name) })).faces;
  expect(faces, name).toHaveLength(1);
  return faces[0] as Face;
}

beforeAll(async () => {
  t = openTempLibrary({ workers: 1 });
  const folder = path.join(t.dir, 'photos');
  fs.mkdirSync(folder);
  for (const [name, [asset, left, top, side]] of Object.entries(CUTS)) {
    await sharp(path.join(ASSETS, asset)).extract({ left, top, width: side, height: side }).jpeg({ quality: 95 }).toFile(path.join(folder, name));
  }
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/Canon_40D.jpg'), path.join(folder, 'iguana.jpg'));
  exiftoolWrite(path.join(folder, 'man-1.jpg'), [MWG_MIDDLE('Vladimir')]);
  exiftoolWrite(path.join(folder, 'woman.jpg'), ['-XMP-MP:RegionInfoMP={Regions=[{PersonDisplayName=Ada,Rectangle=0.2|,0.15|,0.6|,0.7}]}']);
  // A named region where no face will be found: its tag stays all the same.
  exiftoolWrite(path.join(folder, 'iguana.jpg'), [MWG_MIDDLE('Iggy')]);
  // A region of another type names nobody.
  exiftoolWrite(path.join(folder, 'man-4.jpg'), ['-XMP-mwg-rs:RegionInfo={RegionList=[{Area={X=0.5,Y=0.5,W=0.6,H=0.7,Unit=normalized},Name=Focus here,Type=Focus}]}']);
  await importAndWait(t.library, folder);
  // The named photos first: a new face of a person already named is what gets the tag suggested
  // (a group merged into a named person later joins it, without a suggestion on its items).
  await call('media.autoTag', { ids: ['man-1.jpg', 'woman.jpg'].map(idOf), extensions: [{ name: 'faces' }] });
  await call('media.autoTag', { ids: ['man-2.jpg', 'man-4.jpg', 'iguana.jpg'].map(idOf), extensions: [{ name: 'faces' }] });
}, 120_000);
afterAll(async () => t.dispose());

describe('named face regions from files join people', () => {
  it('reading the files tagged each named region People/<name>, a region of another type none', async () => {
    expect((await call('media.get', { id: idOf('man-1.jpg') })).tags).toContain('People/Vladimir');
    expect((await call('media.get', { id: idOf('woman.jpg') })).tags).toContain('People/Ada');
    expect((await call('media.get', { id: idOf('man-4.jpg') })).tags.filter((tag) => tag.startsWith('People/'))).toEqual([]);
  });

  it('gives the face under an MWG region the region’s name, placed as by hand', async () => {
    const face = await onlyFace('man-1.jpg');
    expect(face.personName).toBe('Vladimir');
    expect(face.assignedBy).toBe('user');
  });

  it('gives the face under a Microsoft region its PersonDisplayName', async () => {
    const face = await onlyFace('woman.jpg');
    expect(face.personName).toBe('Ada');
    expect(face.assignedBy).toBe('user');
  });

  it('grouping builds on the named face: the same man in other photos joins that person, with the tag suggested', async () => {
    const vladimir = (await onlyFace('man-1.jpg')).personId;
    for (const name of ['man-2.jpg', 'man-4.jpg']) {
      const face = await onlyFace(name);
      expect(face.personId, name).toBe(vladimir);
      expect(face.assignedBy, name).toBe('auto');
      const item = await call('media.get', { id: idOf(name) });
      expect(item.aiTags.find((tag) => tag.name === 'People/Vladimir')?.source, name).toBe('faces');
    }
    const person = (await call('people.list', {})).people.find((p) => p.name === 'Vladimir');
    expect(person?.faceCount).toBe(3);
  });

  it('a named region with no face found still tags its item, and makes no face', async () => {
    expect((await call('faces.ofItem', { id: idOf('iguana.jpg') })).faces).toEqual([]);
    expect((await call('media.get', { id: idOf('iguana.jpg') })).tags).toContain('People/Iggy');
  });

  it('running the extension again keeps the named faces where they are', async () => {
    await call('media.autoTag', { ids: [idOf('man-1.jpg'), idOf('woman.jpg')], extensions: [{ name: 'faces' }] });
    expect((await onlyFace('man-1.jpg')).personName).toBe('Vladimir');
    expect((await onlyFace('woman.jpg')).personName).toBe('Ada');
    expect((await call('people.list', {})).people.filter((p) => p.name === 'Vladimir')).toHaveLength(1);
  });

  it('"not this person" on a region’s face sticks through a rerun', async () => {
    const face = await onlyFace('woman.jpg');
    await call('faces.reassign', { faceId: face.id, personId: null });
    await call('media.autoTag', { ids: [idOf('woman.jpg')], extensions: [{ name: 'faces' }] });
    expect((await onlyFace('woman.jpg')).personName).not.toBe('Ada');
  });
});
