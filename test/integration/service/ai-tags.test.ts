import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AiTag } from '../../../shared/media.js';
import { recordFiles, seedLibrary, type SeededLibrary } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let photos: SeededLibrary;
let made: SeededLibrary;

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
const LOCAL = [{ name: 'local-analysis' }];
const names = (tags: AiTag[]) => tags.map((tag) => tag.name);
const confidence = (tags: AiTag[], name: string) => tags.find((tag) => tag.name === name)?.confidence;

// One library for the whole file: decoding is the slow part, and each test below either only
// reads or runs the extension again on purpose.
beforeAll(async () => {
  t = openTempLibrary();
  photos = await seedLibrary(t, ['jpg/Canon_40D.jpg', 'jpg/gps/DSCN0010.jpg', 'jpg/orientation/portrait_6.jpg', 'tiff/Arbitro.tiff', 'jpg/corrupted.jpg']);
  // Pictures made for the cases the corpus lacks, from real pixels where possible.
  const dir = path.join(t.dir, 'made');
  fs.mkdirSync(dir);
  const screen = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="800"><rect width="1280" height="800" fill="#f3f3f3"/>
    <rect width="1280" height="48" fill="#2b579a"/><rect y="48" width="240" height="752" fill="#fff"/>
    <text x="300" y="200" font-size="32" fill="#222">Settings — Display</text><rect x="300" y="260" width="400" height="40" fill="#0078d4"/></svg>`;
  await sharp(Buffer.from(screen)).png().toFile(path.join(dir, 'screen.png'));
  const logo = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><circle cx="200" cy="200" r="150" fill="#d62828"/></svg>';
  await sharp(Buffer.from(logo)).png().toFile(path.join(dir, 'logo.png'));
  const nikon = photos.item('jpg/gps/DSCN0010.jpg').absPath;
  await sharp(nikon).greyscale().toFile(path.join(dir, 'bw.jpg'));
  await sharp(nikon).linear(0.15, 0).toFile(path.join(dir, 'dark.jpg'));
  made = await recordFiles(t, dir, ['screen.png', 'logo.png', 'bw.jpg', 'dark.jpg'], { thumbnails: false });
});
afterAll(async () => t.dispose());

describe('extensions.list', () => {
  it('lists the offline extensions', async () => {
    expect(await call('extensions.list', {})).toEqual([
      { name: 'local-analysis', description: expect.stringContaining('Offline'), version: '1.0.0' },
      { name: 'objects', description: expect.stringContaining('Offline'), version: '2.0.0' },
      { name: 'places', description: expect.stringContaining('Offline'), version: '1.0.0' },
      { name: 'faces', description: expect.stringContaining('Offline'), version: '1.0.0' },
    ]);
  });
});

describe('media.autoTag with local-analysis', () => {
  let results: Map<number, { aiTags: AiTag[]; status: string; message: string | null }>;

  beforeAll(async () => {
    const ids = [...photos.items, ...made.items].map((item) => item.id);
    const answer = await call('media.autoTag', { ids, extensions: LOCAL });
    expect(answer.items.map((item) => item.id)).toEqual(ids);
    results = new Map(
      answer.items.map((item) => [
        item.id,
        { aiTags: item.aiTags, status: item.extensionStatus[0]?.status ?? '', message: item.extensionStatus[0]?.message ?? null },
      ]),
    );
  });
  const resultOf = (seeded: SeededLibrary, source: string) => results.get(seeded.item(source).id) as { aiTags: AiTag[]; status: string; message: string | null };

  it('reads facts from metadata with confidence 1: camera, year, GPS, orientation', async () => {
    const canon = resultOf(photos, 'jpg/Canon_40D.jpg');
    expect(canon.status).toBe('done');
    for (const fact of ['Canon', 'Canon EOS 40D', '2008', 'landscape']) expect(confidence(canon.aiTags, fact)).toBe(1);
    expect(names(canon.aiTags)).not.toContain('geotagged');
    const nikon = resultOf(photos, 'jpg/gps/DSCN0010.jpg');
    for (const fact of ['NIKON', 'COOLPIX P6000', '2008', 'geotagged', 'landscape']) expect(confidence(nikon.aiTags, fact)).toBe(1);
    expect(confidence(resultOf(photos, 'jpg/orientation/portrait_6.jpg').aiTags, 'portrait')).toBe(1);
    expect(confidence(resultOf(photos, 'tiff/Arbitro.tiff').aiTags, 'panorama')).toBe(1);
  });

  it('names dominant colours with the measured share of pixels as confidence', async () => {
    const tiff = resultOf(photos, 'tiff/Arbitro.tiff').aiTags;
    expect(names(tiff)).toContain('blue');
    const blue = confidence(tiff, 'blue') as number;
    expect(blue).toBeGreaterThan(0.5);
    expect(blue).toBeLessThan(1);
    // A fraction measured, not a constant: the shares of one picture differ and sum to at most 1.
    const colours = tiff.filter((tag) => ['red', 'orange', 'yellow', 'green', 'cyan', 'blue', 'purple', 'pink', 'brown', 'black', 'white', 'grey'].includes(tag.name));
    expect(colours.reduce((sum, tag) => sum + tag.confidence, 0)).toBeLessThanOrEqual(1.0001);
    expect(confidence(resultOf(made, 'logo.png').aiTags, 'red')).toBe(1);
    for (const result of results.values()) {
      for (const tag of result.aiTags) {
        expect(tag.source).toBe('local-analysis');
        expect(tag.confidence).toBeGreaterThanOrEqual(0);
        expect(tag.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('tells black-and-white, dark, transparent, graphic and screenshot pictures apart', async () => {
    const bw = resultOf(made, 'bw.jpg').aiTags;
    expect(confidence(bw, 'black and white')).toBeGreaterThan(0.97);
    expect(names(resultOf(photos, 'jpg/gps/DSCN0010.jpg').aiTags)).not.toContain('black and white');
    const dark = resultOf(made, 'dark.jpg').aiTags;
    expect(confidence(dark, 'dark')).toBeGreaterThan(0.6);
    expect(names(dark)).not.toContain('black and white');
    const logo = resultOf(made, 'logo.png').aiTags;
    expect(confidence(logo, 'transparent')).toBe(1);
    expect(names(logo)).toContain('graphic');
    expect(names(logo)).not.toContain('screenshot');
    const screen = resultOf(made, 'screen.png').aiTags;
    expect(confidence(screen, 'screenshot')).toBeGreaterThan(0.6);
    expect(names(resultOf(photos, 'jpg/Canon_40D.jpg').aiTags)).not.toContain('screenshot');
    expect(names(resultOf(photos, 'jpg/Canon_40D.jpg').aiTags)).not.toContain('transparent');
  });

  it('records a failed run with its reason for a damaged file', async () => {
    const broken = resultOf(photos, 'jpg/corrupted.jpg');
    expect(broken.status).toBe('failed');
    expect(broken.message).toMatch(/could not be decoded/);
  });

  it('analyses the original when no thumbnail is cached, with the same result as from the thumbnail', async () => {
    const id = photos.item('tiff/Arbitro.tiff').id;
    const fromThumb = results.get(id)?.aiTags ?? [];
    t.library.db.prepare(`DELETE FROM thumbnails WHERE md5 = ?`).run(photos.item('tiff/Arbitro.tiff').md5);
    fs.rmSync(path.join(t.library.paths.thumbnails, photos.item('tiff/Arbitro.tiff').md5.slice(0, 2)), { recursive: true });
    const again = (await call('media.autoTag', { ids: [id], extensions: LOCAL })).items[0];
    expect(again?.extensionStatus[0]?.status).toBe('done');
    expect(names(again?.aiTags ?? []).slice(0, 2)).toEqual(names(fromThumb).slice(0, 2));
    expect(Math.abs((confidence(again?.aiTags ?? [], 'blue') ?? 0) - (confidence(fromThumb, 'blue') ?? 0))).toBeLessThan(0.05);
  });
});

describe('media.autoTag options and errors', () => {
  let id: number;
  beforeEach(() => {
    id = photos.item('jpg/gps/DSCN0010.jpg').id;
  });

  it('keeps at most maxTags, none below minConfidence, and replaces the previous run', async () => {
    const few = (await call('media.autoTag', { ids: [id], extensions: [{ name: 'local-analysis', maxTags: 2 }] })).items[0];
    expect(few?.aiTags).toHaveLength(2);
    const sure = (await call('media.autoTag', { ids: [id], extensions: [{ name: 'local-analysis', minConfidence: 0.99 }] })).items[0];
    expect(sure?.aiTags.every((tag) => tag.confidence >= 0.99)).toBe(true);
    expect(names(sure?.aiTags ?? []).sort()).toEqual(['2008', 'COOLPIX P6000', 'geotagged', 'landscape', 'NIKON'].sort());
    // The user's own tags are never touched by a run.
    await call('media.editTags', { ids: [id], add: ['landscape', 'holiday'] });
    await call('media.autoTag', { ids: [id], extensions: LOCAL });
    const item = await call('media.get', { id });
    expect(item.tags).toEqual(['holiday', 'landscape']);
    expect(names(item.aiTags)).toContain('landscape');
    expect(item.updatedBy).toBe('extension:local-analysis');
    expect((await call('tags.list', { prefix: 'landsc' })).map(({ path, count }) => ({ name: path, count }))).toEqual([{ name: 'landscape', count: 1 }]);
    await call('media.editTags', { ids: [id], remove: ['landscape', 'holiday'] });
  });

  it('refuses an unknown or repeated extension and unknown ids before any work', async () => {
    const before = t.library.db.prepare(`SELECT count(*) AS n FROM extension_runs`).get();
    const error = await expectFolioError(
      call('media.autoTag', { ids: [id], extensions: [{ name: 'local-analysis' }, { name: 'cloud-vision' }] }),
      'INVALID_ARGUMENT',
      'extensions[1].name',
    );
    expect(error.message).toContain('local-analysis');
    await expectFolioError(call('media.autoTag', { ids: [id], extensions: [{ name: 'local-analysis' }, { name: 'local-analysis' }] }), 'INVALID_ARGUMENT', 'extensions[1].name');
    await expectFolioError(call('media.autoTag', { ids: [id], extensions: [] }), 'INVALID_ARGUMENT', 'extensions');
    await expectFolioError(call('media.autoTag', { ids: [id], extensions: [{ name: 'local-analysis', maxTags: 0 }] }), 'INVALID_ARGUMENT', 'extensions[0].maxTags');
    // Above 1 is ImageKit's percentage (see objects.test.ts); above 100 is nothing.
    await expectFolioError(call('media.autoTag', { ids: [id], extensions: [{ name: 'local-analysis', minConfidence: 101 }] }), 'INVALID_ARGUMENT', 'extensions[0].minConfidence');
    await expectFolioError(call('media.autoTag', { ids: [id, 9_999_999], extensions: LOCAL }), 'NOT_FOUND', 'ids[1]');
    expect(t.library.db.prepare(`SELECT count(*) AS n FROM extension_runs`).get()).toEqual(before);
  });

  it('says unsupported for media it cannot look at, keeping the facts it has', async () => {
    const audio = photos.item('jpg/Canon_40D.jpg').id;
    t.library.db.prepare(`UPDATE media SET type = 'audio' WHERE id = ?`).run(audio);
    const video = photos.item('jpg/orientation/portrait_6.jpg').id;
    t.library.db.prepare(`UPDATE media SET type = 'video', md5 = 'ffffffffffffffffffffffffffffffff' WHERE id = ?`).run(video);
    try {
      const answer = await call('media.autoTag', { ids: [audio, video], extensions: LOCAL });
      expect(answer.items[0]?.extensionStatus[0]).toMatchObject({ extension: 'local-analysis', status: 'unsupported' });
      expect(answer.items[0]?.aiTags).toEqual([]);
      expect(answer.items[1]?.extensionStatus[0]?.status).toBe('unsupported');
      expect(answer.items[1]?.extensionStatus[0]?.message).toContain('thumbnail');
      expect(names(answer.items[1]?.aiTags ?? [])).toEqual(expect.arrayContaining(['video', 'portrait']));
    } finally {
      t.library.db.prepare(`UPDATE media SET type = 'image' WHERE id = ?`).run(audio);
      t.library.db.prepare(`UPDATE media SET type = 'image', md5 = ? WHERE id = ?`).run(photos.item('jpg/orientation/portrait_6.jpg').md5, video);
    }
  });
});

describe('media.removeAiTags and media.promoteAiTags', () => {
  const prepare = async () => {
    const ids = [photos.item('jpg/gps/DSCN0010.jpg').id, photos.item('jpg/Canon_40D.jpg').id];
    await call('media.autoTag', { ids, extensions: LOCAL });
    return ids as [number, number];
  };

  it('removes by name, by source or all, and counts what went', async () => {
    const [nikon, canon] = await prepare();
    expect(await call('media.removeAiTags', { ids: [nikon, canon], names: ['LANDSCAPE', 'no such'] })).toEqual({ removedCount: 2 });
    expect(names((await call('media.get', { id: nikon })).aiTags)).not.toContain('landscape');
    expect(await call('media.removeAiTags', { ids: [nikon], source: 'other-extension' })).toEqual({ removedCount: 0 });
    const left = (await call('media.get', { id: nikon })).aiTags.length;
    expect(await call('media.removeAiTags', { ids: [nikon], source: 'local-analysis' })).toEqual({ removedCount: left });
    const canonLeft = (await call('media.get', { id: canon })).aiTags.length;
    expect(await call('media.removeAiTags', { ids: [canon] })).toEqual({ removedCount: canonLeft });
    expect((await call('media.get', { id: canon })).aiTags).toEqual([]);
    await expectFolioError(call('media.removeAiTags', { ids: [canon, 9_999_999] }), 'NOT_FOUND', 'ids[1]');
  });

  it('promotes AI tags to user tags on the items that have them', async () => {
    const [nikon, canon] = await prepare();
    const result = await call('media.promoteAiTags', { ids: [nikon, canon], names: ['geotagged', 'Landscape'] });
    expect(result.updated).toBe(2);
    expect(result.changes.added).toEqual([
      { tag: 'geotagged', ids: [nikon] },
      { tag: 'landscape', ids: [nikon, canon].sort((a, b) => a - b) },
    ]);
    const item = await call('media.get', { id: nikon });
    expect(item.tags).toEqual(['geotagged', 'landscape']);
    expect(names(item.aiTags)).not.toContain('geotagged');
    expect(names(item.aiTags)).not.toContain('landscape');
    expect(await call('media.promoteAiTags', { ids: [nikon], names: ['geotagged'] })).toEqual({ updated: 0, changes: { added: [], removed: [] }, unmatched: ['geotagged'] });
    await call('media.editTags', { ids: [nikon, canon], remove: ['geotagged', 'landscape'] });
  });
});
