/**
 * The faces extension as the installers ship it: BlazeFace alone, no face descriptor (FaceRes's
 * licence is not cleared, so build/electron-builder.config.cjs leaves its files out).
 * FOLIO_FACE_DESCRIPTOR=none makes this checkout, which has FaceRes from npm, run that way: faces
 * are found and boxed, never grouped, and named regions in files still give them people.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FACE_MODEL_DETECTION_ONLY } from '../../../electron/library/extensions/faces/face-models.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt } from '../import/import-fixture.js';
import { exiftoolWrite } from '../metadata/exiftool-files.js';

// Before the face models' thread starts (it inherits the environment).
process.env.FOLIO_FACE_DESCRIPTOR = 'none';

let t: TempLibrary;
const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const idOf = (name: string) => rowAt(t.library, name).id;
const ASSETS = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/human')), '..', 'assets');

beforeAll(async () => {
  t = openTempLibrary({ workers: 1 });
  const folder = path.join(t.dir, 'photos');
  fs.mkdirSync(folder);
  for (const [name, left] of [['man-1.jpg', 96], ['man-2.jpg', 207], ['man-4.jpg', 522]] as const) {
    await sharp(path.join(ASSETS, 'screenshot-facematch.jpg')).extract({ left, top: 280, width: 122, height: 122 }).jpeg({ quality: 95 }).toFile(path.join(folder, name));
  }
  exiftoolWrite(path.join(folder, 'man-1.jpg'), [
    '-XMP-mwg-rs:RegionInfo={RegionList=[{Area={X=0.5,Y=0.5,W=0.6,H=0.7,Unit=normalized},Name=Vladimir,Type=Face}]}',
  ]);
  await importAndWait(t.library, folder);
}, 120_000);
afterAll(async () => {
  delete process.env.FOLIO_FACE_DESCRIPTOR;
  await t.dispose();
});

it('finds and boxes the faces, says they are not grouped, and groups none', async () => {
  const run = await call('media.autoTag', { ids: ['man-1.jpg', 'man-2.jpg', 'man-4.jpg'].map(idOf), extensions: [{ name: 'faces' }] });
  const statuses = run.items.flatMap((result) => result.extensionStatus.filter((status) => status.extension === 'faces'));
  expect(statuses).toHaveLength(3);
  for (const status of statuses) expect(status.message).toBe('1 face found; not grouped: no face descriptor model is installed');
  const stored = t.library.db.prepare(`SELECT model, length(descriptor) AS bytes FROM faces ORDER BY id`).all();
  expect(stored).toEqual([0, 1, 2].map(() => ({ model: FACE_MODEL_DETECTION_ONLY, bytes: 0 })));
  for (const name of ['man-2.jpg', 'man-4.jpg']) {
    const [face] = (await call('faces.ofItem', { id: idOf(name) })).faces;
    expect(face?.personId ?? null, name).toBeNull();
  }
  expect((await call('people.recluster', {})).assigned).toBe(0);
});

it('a named region in the file still gives its face a person', async () => {
  const [face] = (await call('faces.ofItem', { id: idOf('man-1.jpg') })).faces;
  expect(face?.personName).toBe('Vladimir');
  expect((await call('people.list', {})).people.map((person) => person.name)).toEqual(['Vladimir']);
});
