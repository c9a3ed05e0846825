/**
 * File export (issue 15): real JPEGs and a real video, a real library, ExifTool writing the
 * copies (exiftool-vendored) and Debian's exiftool reading them back; the originals are
 * checked byte for byte and by modification time afterwards.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgsIn, MethodName, Result } from '../../../shared/contract.js';
import type { ExportProgress } from '../../../shared/file-export.js';
import { CORPUS_DIR, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from '../service/expect-error.js';
import { importAndWait, rowAt, writeImage } from '../import/import-fixture.js';
import { exiftoolRead, exiftoolWrite } from '../metadata/exiftool-files.js';

describe('exporting files', () => {
  let t: TempLibrary;
  let folder: string;
  let out: string;
  let n = 0;
  const file = (rel: string): string => path.join(folder, rel);
  const id = (rel: string): number => rowAt(t.library, rel).id;
  const call = <M extends MethodName>(method: M, args: ArgsIn<M>): Promise<Result<M>> => t.library.service.call(method, args, t.ctx);
  const originals = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  const freshDir = (): string => path.join(out, `run-${++n}`);
  const exportAndWait = async (args: ArgsIn<'export.start'>): Promise<ExportProgress> => {
    await call('export.start', args);
    await t.library.exporter.idle();
    return (await call('export.status', {})) as ExportProgress;
  };
  const listed = (dir: string): string[] => fs.readdirSync(dir).sort();

  beforeAll(async () => {
    t = openTempLibrary({ workers: 2 });
    folder = path.join(t.dir, 'photos');
    out = path.join(t.dir, 'export');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    fs.mkdirSync(path.join(folder, 'many'));
    for (let i = 0; i < 24; i += 1) await writeImage(file(`many/m${i}.jpg`), 50 + i, { width: 600, height: 400 });
    for (const [i, name] of ['a.jpg', 'b.jpg', 'c.jpg', 'sub/a.jpg', 'gone.jpg'].entries()) await writeImage(file(name), i + 1, { width: 400, height: 200 });
    // a.jpg carries what a camera and an older tool left: EXIF description, IPTC keywords, a date.
    exiftoolWrite(file('a.jpg'), ['-EXIF:ImageDescription=old caption', '-IPTC:Keywords=stale', '-XPKeywords=stale', '-DateTimeOriginal=2021:07:14 09:30:00']);
    // A Matroska video: ExifTool cannot write into it, so its copy gets a sidecar instead.
    // An iPhone photo (HEVC-coded HEIC): libvips cannot decode it, libheif does.
    fs.mkdirSync(path.join(folder, 'phone'));
    fs.copyFileSync(path.join(CORPUS_DIR, 'heic', 'IMG_5195.HEIC'), file('phone/IMG_5195.HEIC'));
    execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=5:duration=1', '-c:v', 'mpeg4', file('clip.mkv')]);
    await importAndWait(t.library, folder);
    for (const name of ['a.jpg', 'b.jpg', 'c.jpg', 'sub/a.jpg', 'clip.mkv', 'phone/IMG_5195.HEIC']) {
      originals.set(name, { bytes: fs.readFileSync(file(name)), mtimeMs: fs.statSync(file(name)).mtimeMs });
    }
    const a = id('a.jpg');
    await call('media.editTags', { ids: [a], add: ['Places/France/Paris', 'sea'], remove: ['stale'] });
    await call('media.setCurating', { ids: [a], rating: 4, label: 'purple' });
    await call('media.update', { id: a, patch: { name: 'Harbour', description: 'Boats at dusk', customCoordinates: '100,50,200,100' } });
    await call('media.editTags', { ids: [id('clip.mkv')], add: ['Video/Tests'], remove: [] });
  }, 90_000);
  afterAll(async () => {
    await t.dispose();
  });

  it('embeds keywords (three trees), rating, label, title and description in the copy; ExifTool reads them back', async () => {
    const dir = freshDir();
    const progress = await exportAndWait({ dir, ids: [id('a.jpg')] });
    expect(progress).toMatchObject({ state: 'done', total: 1, done: 1, exported: 1, failed: 0, mode: 'embed' });
    expect(listed(dir)).toEqual(['Harbour.jpg']);
    const back = exiftoolRead(path.join(dir, 'Harbour.jpg'), ['XMP:all', 'IPTC:Keywords', 'IFD0:ImageDescription', 'IFD0:XPKeywords', 'DateTimeOriginal']);
    expect(back).toMatchObject({
      'XMP-dc:Subject': ['Paris', 'sea'],
      'XMP-lr:HierarchicalSubject': ['Places|France|Paris', 'sea'],
      'XMP-digiKam:TagsList': ['Places/France/Paris', 'sea'],
      'XMP-xmp:Rating': 4,
      'XMP-xmp:Label': 'Purple',
      'XMP-digiKam:ColorLabel': 6,
      'XMP-dc:Title': 'Harbour',
      'XMP-dc:Description': 'Boats at dusk',
      // MWG: the IIM and EXIF twins say the same, so no reader takes the stale values.
      'IPTC:Keywords': ['Paris', 'sea'],
      'IFD0:ImageDescription': 'Boats at dusk',
      'ExifIFD:DateTimeOriginal': '2021:07:14 09:30:00',
    });
    expect(back['IFD0:XPKeywords']).toBeUndefined();
    expect(back['XMP-mwg-rs:RegionInfo']).toMatchObject({ RegionList: [{ Type: 'Focus', Area: { X: 0.5, Y: 0.5, W: 0.5, H: 0.5 } }] });
  });

  it('never opens an original for writing: bytes and modification times are unchanged after every kind of export', async () => {
    await exportAndWait({ dir: freshDir(), filter: { query: '' } });
    await exportAndWait({ dir: freshDir(), filter: {}, mode: 'sidecars' });
    await exportAndWait({ dir: freshDir(), filter: { type: ['image'] }, longEdge: 100 });
    for (const [name, before] of originals) {
      expect(fs.readFileSync(file(name)).equals(before.bytes), name).toBe(true);
      expect(fs.statSync(file(name)).mtimeMs, name).toBe(before.mtimeMs);
    }
  });

  it('with sidecars: an untouched copy (same bytes, same mtime) and name.ext.xmp beside it', async () => {
    const dir = freshDir();
    const progress = await exportAndWait({ dir, ids: [id('a.jpg'), id('b.jpg')], mode: 'sidecars' });
    expect(progress).toMatchObject({ state: 'done', exported: 2, failed: 0 });
    // b.jpg has nothing to say: no sidecar is made for it.
    expect(listed(dir)).toEqual(['Harbour.jpg', 'Harbour.jpg.xmp', 'b.jpg']);
    expect(fs.readFileSync(path.join(dir, 'Harbour.jpg')).equals(originals.get('a.jpg')?.bytes as Buffer)).toBe(true);
    expect(Math.abs(fs.statSync(path.join(dir, 'Harbour.jpg')).mtimeMs - (originals.get('a.jpg')?.mtimeMs as number))).toBeLessThan(0.01);
    expect(exiftoolRead(path.join(dir, 'Harbour.jpg.xmp'), ['XMP:all'])).toMatchObject({
      'XMP-lr:HierarchicalSubject': ['Places|France|Paris', 'sea'],
      'XMP-digiKam:TagsList': ['Places/France/Paris', 'sea'],
      'XMP-dc:Subject': ['Paris', 'sea'],
      'XMP-xmp:Rating': 4,
      'XMP-xmp:Label': 'Purple',
      'XMP-dc:Description': 'Boats at dusk',
    });
  });

  it('JPEG renditions at a long edge and quality, upright, with the metadata embedded', async () => {
    const dir = freshDir();
    const progress = await exportAndWait({ dir, ids: [id('a.jpg'), id('clip.mkv')], longEdge: 120, quality: 70, template: '{counter:3}-{name}' });
    expect(progress).toMatchObject({ state: 'done', mode: 'jpeg', exported: 1, failed: 1 });
    expect(progress.failures).toEqual([expect.objectContaining({ id: id('clip.mkv'), exported: false, reason: expect.stringMatching(/video has no JPEG rendition/) })]);
    expect(listed(dir)).toEqual(['001-Harbour.jpg']);
    const meta = await sharp(path.join(dir, '001-Harbour.jpg')).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'jpeg', width: 120, height: 60 });
    expect(exiftoolRead(path.join(dir, '001-Harbour.jpg'), ['XMP-lr:HierarchicalSubject', 'XMP-xmp:Rating'])).toMatchObject({ 'XMP-lr:HierarchicalSubject': ['Places|France|Paris', 'sea'], 'XMP-xmp:Rating': 4 });
  });

  it('renders a HEVC-coded HEIC as a JPEG, and embeds into a HEIC copy', async () => {
    const dir = freshDir();
    const heic = id('phone/IMG_5195.HEIC');
    await call('media.editTags', { ids: [heic], add: ['Phone'], remove: [] });
    const rendered = await exportAndWait({ dir, ids: [heic], longEdge: 300 });
    expect(rendered).toMatchObject({ exported: 1, failed: 0 });
    const meta = await sharp(path.join(dir, 'IMG_5195.jpg')).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(300);
    const copied = await exportAndWait({ dir, ids: [heic] });
    expect(copied).toMatchObject({ exported: 1, failed: 0, sidecarFallbacks: 0 });
    expect(exiftoolRead(path.join(dir, 'IMG_5195.HEIC'), ['XMP-digiKam:TagsList'])).toMatchObject({ 'XMP-digiKam:TagsList': ['Phone'] });
  });

  it('numbers a taken name instead of overwriting, in the folder and within one export', async () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.jpg'), 'someone else’s file');
    // a.jpg (renamed Harbour) and sub/a.jpg: the template {original} gives both "a".
    const progress = await exportAndWait({ dir, ids: [id('a.jpg'), id('sub/a.jpg')], template: '{original}' });
    expect(progress).toMatchObject({ exported: 2, failed: 0 });
    expect(listed(dir)).toEqual(['a (2).jpg', 'a (3).jpg', 'a.jpg']);
    expect(fs.readFileSync(path.join(dir, 'a.jpg'), 'utf8')).toBe('someone else’s file');
    // Exported again: the next free numbers.
    await exportAndWait({ dir, ids: [id('b.jpg')], template: '{original}' });
    await exportAndWait({ dir, ids: [id('b.jpg')], template: '{original}' });
    expect(listed(dir)).toEqual(['a (2).jpg', 'a (3).jpg', 'a.jpg', 'b (2).jpg', 'b.jpg']);
  });

  it('names by the template: date taken, counter, id; unsafe characters replaced', async () => {
    const dir = freshDir();
    await call('media.update', { id: id('c.jpg'), patch: { name: 'a/b: c?' } });
    await exportAndWait({ dir, ids: [id('a.jpg'), id('c.jpg')], template: '{date:YYYY-MM-DD} {counter:2} {name} #{id}' });
    expect(listed(dir)).toContain(`2021-07-14 01 Harbour #${id('a.jpg')}.jpg`);
    expect(listed(dir).some((name) => /^\d{4}-\d{2}-\d{2} 02 a_b_ c_ #\d+\.jpg$/u.test(name))).toBe(true);
  });

  it('a format ExifTool cannot write into is exported untouched with a sidecar, and says so', async () => {
    const dir = freshDir();
    const progress = await exportAndWait({ dir, ids: [id('clip.mkv')] });
    expect(progress).toMatchObject({ exported: 1, sidecarFallbacks: 1, failed: 0 });
    expect(progress.failures).toEqual([expect.objectContaining({ exported: true, reason: expect.stringMatching(/ExifTool cannot write into this \.mkv.*exported untouched with an XMP sidecar/) })]);
    expect(listed(dir)).toEqual(['clip.mkv', 'clip.mkv.xmp']);
    expect(fs.readFileSync(path.join(dir, 'clip.mkv')).equals(originals.get('clip.mkv')?.bytes as Buffer)).toBe(true);
    expect(exiftoolRead(path.join(dir, 'clip.mkv.xmp'), ['XMP-digiKam:TagsList'])).toMatchObject({ 'XMP-digiKam:TagsList': ['Video/Tests'] });
  });

  it('reports an item whose original is missing, with why, while the others export', async () => {
    const dir = freshDir();
    fs.rmSync(file('gone.jpg'));
    const progress = await exportAndWait({ dir, ids: [id('b.jpg'), id('gone.jpg'), id('c.jpg')] });
    expect(progress).toMatchObject({ state: 'done', total: 3, done: 3, exported: 2, failed: 1 });
    expect(progress.failures).toEqual([expect.objectContaining({ id: id('gone.jpg'), name: 'gone.jpg', exported: false, reason: expect.stringMatching(/not found|missing|no such/i) })]);
    expect(listed(dir)).toHaveLength(2);
  });

  it('exports an album, or an album narrowed by a search, in its order', async () => {
    const album = await call('albums.create', { name: 'Keepers' });
    await call('albums.editItems', { id: album.id, add: [id('c.jpg'), id('a.jpg'), id('b.jpg')] });
    const dir = freshDir();
    const progress = await exportAndWait({ dir, album: 'Keepers', template: '{counter} {original}' });
    expect(progress).toMatchObject({ total: 3, exported: 3 });
    expect(listed(dir)).toEqual(['1 c.jpg', '2 a.jpg', '3 b.jpg']);
    const narrowed = await exportAndWait({ dir: freshDir(), albumId: album.id, filter: { query: 'rating:>=4' } });
    expect(narrowed).toMatchObject({ total: 1, exported: 1 });
  });

  it('cancel stops the export and leaves no half-written or temporary file', async () => {
    const dir = path.join(freshDir(), 'big');
    const started = await call('export.start', { dir, filter: { query: 'folder:many' }, template: '{counter:3}' });
    expect(started).toMatchObject({ state: 'running', total: 24 });
    await expectFolioError(call('export.start', { dir, ids: [id('b.jpg')] }), 'BUSY');
    // Cancelled once the first files are in place, while others are being written.
    while (((await call('export.status', {})) as ExportProgress).done < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await call('export.cancel', {})).toEqual({ cancelled: true });
    await t.library.exporter.idle();
    const progress = (await call('export.status', {})) as ExportProgress;
    expect(progress.state).toBe('cancelled');
    expect(progress.exported).toBeGreaterThanOrEqual(2);
    expect(progress.exported).toBeLessThan(progress.total);
    const names = fs.readdirSync(dir);
    expect(names.filter((name) => name.startsWith('.') || name.includes('exiftool_tmp'))).toEqual([]);
    expect(names).toHaveLength(progress.exported);
    for (const name of names) expect((await sharp(path.join(dir, name)).metadata()).format).toBe('jpeg');
    expect(await call('export.cancel', {})).toEqual({ cancelled: false });
  });

  it('refuses bad input before writing anything', async () => {
    const dir = freshDir();
    await expectFolioError(call('export.start', { dir } as never), 'INVALID_ARGUMENT', 'ids');
    await expectFolioError(call('export.start', { dir, ids: [1], mode: 'sidecars', longEdge: 100 }), 'INVALID_ARGUMENT', 'mode');
    await expectFolioError(call('export.start', { dir, ids: [1], template: '{nmae}' }), 'INVALID_ARGUMENT', 'template');
    await expectFolioError(call('export.start', { dir, ids: [1], quality: 101 }), 'INVALID_ARGUMENT', 'quality');
    await expectFolioError(call('export.start', { dir, ids: [999_999] }), 'NOT_FOUND', 'ids');
    await expectFolioError(call('export.start', { dir, album: 'No such album' }), 'NOT_FOUND', 'album');
    await expectFolioError(call('export.start', { dir, filter: { query: 'tag:nothing-has-this' } }), 'NOT_FOUND');
    expect(fs.existsSync(dir)).toBe(false);
    // A folder that cannot be written (a file where the folder should be).
    const blocked = path.join(out, 'blocked');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(blocked, '');
    await expectFolioError(call('export.start', { dir: path.join(blocked, 'inside'), ids: [id('b.jpg')] }), 'PERMISSION_DENIED', 'dir');
  });
});
