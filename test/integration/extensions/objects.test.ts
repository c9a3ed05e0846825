/**
 * The `objects` extension on real photos whose content was checked by eye (the corpus is
 * ianare/exif-samples, see ../shared/corpus/README.md):
 * - jpg/Nikon_COOLPIX_P1.jpg: a white coach filling the frame (a bus)
 * - jpg/gps/DSCN0027.jpg: a piazza in Arezzo with a fire hydrant at the lower right, people far off
 * - jpg/tests/45-gps_ifd.jpg: a blue saloon car drifting on snow
 * - tiff/BSG1.tiff: a brass band on a stage (people)
 * - jpg/exif-org/fujifilm-finepix40i.jpg: a dog's head, close up
 * - jpg/Canon_40D.jpg: an iguana (no COCO class: nothing should be said with confidence)
 * Everything goes through the real importer, the real model and a real SQLite file. The model
 * is loaded once for the file (the first analysis pays for it).
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AiTag, MediaItem } from '../../../shared/media.js';
import { CORPUS_DIR, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt } from '../import/import-fixture.js';
import { expectFolioError } from '../service/expect-error.js';
import { writeHardPictures } from './hard-pictures.js';

let t: TempLibrary;
const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

const PHOTOS: Record<string, string> = {
  'bus.jpg': 'jpg/Nikon_COOLPIX_P1.jpg',
  'hydrant.jpg': 'jpg/gps/DSCN0027.jpg',
  'car.jpg': 'jpg/tests/45-gps_ifd.jpg',
  'band.tiff': 'tiff/BSG1.tiff',
  'dog.jpg': 'jpg/exif-org/fujifilm-finepix40i.jpg',
  'iguana.jpg': 'jpg/Canon_40D.jpg',
  'corrupted.jpg': 'jpg/corrupted.jpg',
};
const idOf = (name: string) => rowAt(t.library, name).id;
const confidence = (tags: AiTag[], name: string) => tags.find((tag) => tag.name === name)?.confidence ?? 0;

async function objectsOf(name: string, request: Record<string, unknown> = {}): Promise<Pick<MediaItem, 'aiTags' | 'extensionStatus'>> {
  const answer = await call('media.autoTag', { ids: [idOf(name)], extensions: [{ name: 'objects', ...request }] });
  const item = answer.items[0];
  if (!item) throw new Error(`no answer for ${name}`);
  return item;
}

beforeAll(async () => {
  t = openTempLibrary({ workers: 1, pixelLimit: 40_000_000 });
  const folder = path.join(t.dir, 'photos');
  fs.mkdirSync(folder);
  for (const [name, source] of Object.entries(PHOTOS)) fs.copyFileSync(path.join(CORPUS_DIR, source), path.join(folder, name));
  // A JPEG cut off after 40%: import may still read its header, the decode then fails.
  const whole = fs.readFileSync(path.join(CORPUS_DIR, 'jpg/gps/DSCN0010.jpg'));
  fs.writeFileSync(path.join(folder, 'truncated.jpg'), whole.subarray(0, Math.floor(whole.length * 0.4)));
  await writeHardPictures(folder);
  // A 6,000 × 480 panorama made of real pixels: 8 copies of the iguana, then the hydrant piazza.
  const hydrant = await sharp(path.join(CORPUS_DIR, 'jpg/gps/DSCN0027.jpg')).resize(640, 480).toBuffer();
  const iguana = await sharp(path.join(CORPUS_DIR, 'jpg/Canon_40D.jpg')).resize(640, 480, { fit: 'fill' }).toBuffer();
  await sharp({ create: { width: 6_000, height: 480, channels: 3, background: '#3a5a3a' } })
    .composite([{ input: hydrant, left: 5_360, top: 0 }, ...Array.from({ length: 8 }, (_, i) => ({ input: iguana, left: i * 660, top: 0 }))])
    .jpeg()
    .toFile(path.join(folder, 'panorama.jpg'));
  await importAndWait(t.library, folder);
}, 120_000);
afterAll(async () => t.dispose());

describe('objects on photos with known content', () => {
  it('finds the bus, the fire hydrant, the car, the band and the dog, with the model score as confidence', async () => {
    const expected: [string, string, number][] = [
      ['bus.jpg', 'bus', 0.7],
      ['hydrant.jpg', 'fire hydrant', 0.45],
      ['car.jpg', 'car', 0.6],
      ['band.tiff', 'person', 0.6],
      ['dog.jpg', 'dog', 0.6],
    ];
    for (const [file, label, floor] of expected) {
      const { aiTags, extensionStatus } = await objectsOf(file, { minConfidence: 0.3 });
      expect(extensionStatus).toContainEqual(expect.objectContaining({ extension: 'objects', status: 'done', message: null }));
      expect(confidence(aiTags, label), `${label} in ${file}: ${JSON.stringify(aiTags)}`).toBeGreaterThanOrEqual(floor);
      expect(aiTags[0]?.name, file).toBe(label);
      expect(confidence(aiTags, label)).toBeLessThan(1);
    }
  }, 60_000);

  it('keeps only tags of at least the default minConfidence (0.5) when the request gives none', async () => {
    const band = await objectsOf('band.tiff');
    expect(band.aiTags.map((tag) => tag.name)).toEqual(['person']); // its people score 0.66
    const bus = await objectsOf('bus.jpg');
    expect(bus.aiTags.map((tag) => tag.name)).toEqual(['bus']); // then a chair at 0.23
    const hydrant = await objectsOf('hydrant.jpg');
    expect(hydrant.aiTags).toEqual([]); // the hydrant scores 0.496, just under
  });

  it('says nothing with confidence about an iguana, which is not among its 80 classes', async () => {
    const { aiTags, extensionStatus } = await objectsOf('iguana.jpg');
    expect(extensionStatus[0]?.status).toBe('done');
    expect(aiTags).toEqual([]);
  });

  it('keeps one tag per label, the best box of each, inside the upright picture, and is cut by minConfidence and maxTags', async () => {
    const { aiTags } = await objectsOf('hydrant.jpg', { minConfidence: 0.1, maxTags: 20 });
    const names = aiTags.map((tag) => tag.name);
    expect(new Set(names).size).toBe(names.length);
    expect(aiTags.map((tag) => tag.confidence)).toEqual([...aiTags.map((tag) => tag.confidence)].sort((a, b) => b - a));
    const item = await call('media.get', { id: idOf('hydrant.jpg') });
    for (const tag of aiTags) {
      expect(tag.source).toBe('objects');
      expect(tag.confidence).toBeGreaterThanOrEqual(0.1);
      const box = tag.box;
      if (!box) throw new Error(`${tag.name} has no box`);
      expect(box.x + box.width).toBeLessThanOrEqual(item.width ?? 0);
      expect(box.y + box.height).toBeLessThanOrEqual(item.height ?? 0);
    }
    // The hydrant stands in the lower right of the 640×480 photo.
    const hydrant = aiTags.find((tag) => tag.name === 'fire hydrant')?.box;
    expect(hydrant?.x).toBeGreaterThan(320);
    expect(hydrant?.y).toBeGreaterThan(240);
    // The stored item shows the same boxes (they survive the database).
    expect(item.aiTags.filter((tag) => tag.source === 'objects')).toEqual(aiTags);
    expect((await objectsOf('hydrant.jpg', { minConfidence: 0.1, maxTags: 2 })).aiTags).toEqual(aiTags.slice(0, 2));
    // The coach fills most of its frame.
    const bus = (await objectsOf('bus.jpg')).aiTags[0]?.box;
    expect(((bus?.width ?? 0) * (bus?.height ?? 0)) / (100 * 75)).toBeGreaterThan(0.4);
  });

  it('gives the same tags, scores and boxes on every run', async () => {
    const first = await objectsOf('car.jpg', { minConfidence: 0.05, maxTags: 30 });
    const second = await objectsOf('car.jpg', { minConfidence: 0.05, maxTags: 30 });
    expect(first.aiTags.length).toBeGreaterThan(3);
    expect(second.aiTags).toEqual(first.aiTags);
  });
});

describe('objects on pictures it cannot or should not look at', () => {
  it('gives each bad input a status with its reason, never a crash', async () => {
    const statusOf = async (file: string) => (await objectsOf(file)).extensionStatus.find((run) => run.extension === 'objects');
    expect(await statusOf('corrupted.jpg')).toMatchObject({ status: 'failed', message: expect.stringMatching(/could not be decoded/) });
    expect(await statusOf('truncated.jpg')).toMatchObject({ status: 'failed', message: expect.stringMatching(/decoded/) });
    expect(await statusOf('dot.png')).toMatchObject({ status: 'unsupported', message: expect.stringContaining('1×1 px') });
    expect(await statusOf('huge.jpg')).toMatchObject({ status: 'unsupported', message: expect.stringMatching(/48 MP, above the limit of 40 MP/) });
    expect(await statusOf('clip.mp4')).toMatchObject({ status: 'unsupported', message: 'objects looks at still images, not video files' });
    for (const file of ['corrupted.jpg', 'truncated.jpg', 'dot.png', 'huge.jpg', 'clip.mp4']) {
      expect((await call('media.get', { id: idOf(file) })).aiTags.filter((tag) => tag.source === 'objects')).toEqual([]);
    }
  }, 60_000);

  it('looks at a panorama in parts and places the box in the whole picture', async () => {
    const { aiTags, extensionStatus } = await objectsOf('panorama.jpg', { minConfidence: 0.3 });
    expect(extensionStatus[0]).toMatchObject({ status: 'done', message: expect.stringMatching(/panorama: looked at in 10 overlapping parts/) });
    const hydrant = aiTags.find((tag) => tag.name === 'fire hydrant');
    expect(hydrant?.confidence).toBeGreaterThan(0.4);
    expect(hydrant?.box?.x).toBeGreaterThan(5_360 + 320);
  }, 60_000);
});

describe('the ImageKit forms', () => {
  it('answers google-auto-tagging and aws-auto-tagging with objects, says so, and reads minConfidence above 1 as a percentage', async () => {
    const id = idOf('bus.jpg');
    const google = (await call('media.autoTag', { ids: [id], extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 70 }] })).items[0];
    expect(google?.aiTags).toEqual([expect.objectContaining({ name: 'bus', source: 'objects' })]);
    expect(google?.extensionStatus.find((run) => run.extension === 'objects')?.message).toContain('"google-auto-tagging" is answered offline by the objects extension');
    const sure = (await call('media.autoTag', { ids: [id], extensions: [{ name: 'aws-auto-tagging', minConfidence: 95 }] })).items[0];
    expect(sure?.aiTags.filter((tag) => tag.source === 'objects')).toEqual([]);
    expect(sure?.extensionStatus.find((run) => run.extension === 'objects')?.message).toContain('"aws-auto-tagging"');
    const plain = (await call('media.autoTag', { ids: [id], extensions: [{ name: 'objects' }] })).items[0];
    expect(plain?.extensionStatus.find((run) => run.extension === 'objects')?.message).toBeNull();
  });

  it('refuses an alias and its extension in one request, and names the aliases when a name is unknown', async () => {
    const id = idOf('bus.jpg');
    await expectFolioError(call('media.autoTag', { ids: [id], extensions: [{ name: 'objects' }, { name: 'google-auto-tagging' }] }), 'INVALID_ARGUMENT', 'extensions[1].name');
    const error = await expectFolioError(call('media.autoTag', { ids: [id], extensions: [{ name: 'azure-vision' }] }), 'INVALID_ARGUMENT', 'extensions[0].name');
    expect(error.message).toContain('objects, google-auto-tagging, aws-auto-tagging');
  });
});
