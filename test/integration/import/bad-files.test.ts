import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt, thumbnailRows, writeImage } from './import-fixture.js';

const corpus = (rel: string): Buffer => fs.readFileSync(path.join(CORPUS_DIR, rel));

/** A 2 s test-pattern video, re-muxed with a 90° rotation flag as phones write portrait video. */
function makeVideo(dir: string): string {
  const plain = path.join(dir, 'plain.tmp.mp4');
  const rotated = path.join(dir, 'clip.mov');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x240:rate=10', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', plain]);
  execFileSync('ffmpeg', ['-v', 'error', '-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', rotated]);
  fs.rmSync(plain);
  return rotated;
}

describe('files that are damaged, empty, misnamed or not images', () => {
  let t: TempLibrary;
  let folder: string;

  beforeAll(async () => {
    t = openTempLibrary({ workers: 2 });
    folder = path.join(t.dir, 'photos');
    fs.mkdirSync(folder);
    const good = corpus('jpg/gps/DSCN0010.jpg');
    fs.writeFileSync(path.join(folder, 'corrupted.jpg'), corpus('jpg/corrupted.jpg'));
    fs.writeFileSync(path.join(folder, 'truncated.jpg'), good.subarray(0, Math.floor(good.length * 0.6)));
    fs.writeFileSync(path.join(folder, 'empty.jpg'), '');
    await writeImage(path.join(folder, 'really-a-png.jpg'), 1, { format: 'png' });
    fs.writeFileSync(path.join(folder, 'really-a-jpeg.txt'), good);
    fs.writeFileSync(path.join(folder, 'phone.heic'), corpus('heic/samplefilehub.heif'));
    fs.writeFileSync(path.join(folder, 'garbage.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'shopping list\n');
    fs.writeFileSync(path.join(folder, 'paper.pdf'), '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    fs.writeFileSync(path.join(folder, 'drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#36c"/></svg>');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48', '-frames:v', '1', path.join(folder, 'old.bmp')]);
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=duration=1.5', path.join(folder, 'beep.mp3')]);
    makeVideo(folder);
    await importAndWait(t.library, folder);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('records a damaged JPEG as damaged with the decoder’s reason, and goes on', () => {
    const row = rowAt(t.library, 'corrupted.jpg');
    expect(row).toMatchObject({ type: 'image', mime: 'image/jpeg', file_state: 'damaged' });
    // The sentence is fixed; libvips' detail follows when it gave one ("Corrupt JPEG data: …").
    expect(row.state_reason, String(row.state_reason)).toMatch(/^The JPEG image data is damaged and cannot be decoded( \(.*Corrupt JPEG data.*\))?$/);
    expect(row.state_reason).not.toMatch(/failOn/);
    expect(thumbnailRows(t.library, row.md5 as string)).toEqual([]);
  });

  it('shows what can be read of a truncated JPEG, but marks it damaged', () => {
    const row = rowAt(t.library, 'truncated.jpg');
    expect(row).toMatchObject({ type: 'image', file_state: 'damaged', width: 640, height: 480 });
    expect(row.state_reason).toMatch(/damaged/i);
    expect(thumbnailRows(t.library, row.md5 as string).map((th) => th.size)).toEqual([64, 128, 512, 1080]);
  });

  it('records a zero-byte file as empty', () => {
    expect(rowAt(t.library, 'empty.jpg')).toMatchObject({ file_size: 0, file_state: 'empty', md5: null, state_reason: 'The file is empty (0 bytes)' });
  });

  it('goes by the bytes, not the extension', () => {
    expect(rowAt(t.library, 'really-a-png.jpg')).toMatchObject({ type: 'image', format: 'png', mime: 'image/png', file_state: 'ok', width: 40, height: 30 });
    expect(rowAt(t.library, 'really-a-jpeg.txt')).toMatchObject({ type: 'image', format: 'jpeg', file_state: 'ok', camera_model: 'COOLPIX P6000' });
    const fake = rowAt(t.library, 'garbage.jpg');
    expect(fake).toMatchObject({ type: 'image', format: 'jpeg', file_state: 'damaged' });
  });

  it('decodes HEVC HEIC with libheif, with its size and thumbnails', () => {
    const row = rowAt(t.library, 'phone.heic');
    expect(row).toMatchObject({ type: 'image', format: 'heic', mime: 'image/heic', file_state: 'ok', state_reason: null, width: 640, height: 426 });
    expect(thumbnailRows(t.library, row.md5 as string).map((th) => [th.size, th.width, th.height])).toContainEqual([1080, 640, 426]);
  });

  it('records formats the decoder lacks as unsupported', () => {
    const row = rowAt(t.library, 'old.bmp');
    expect(row).toMatchObject({ type: 'image', format: 'bmp', file_state: 'unsupported' });
    expect(row.state_reason).toMatch(/BMP images cannot be decoded/);
  });

  it('keeps text and documents as plain items without thumbnails', () => {
    expect(rowAt(t.library, 'notes.txt')).toMatchObject({ type: 'other', mime: 'text/plain', file_state: 'ok' });
    const pdf = rowAt(t.library, 'paper.pdf');
    expect(pdf).toMatchObject({ type: 'document', mime: 'application/pdf', file_state: 'ok' });
    expect(thumbnailRows(t.library, pdf.md5 as string)).toEqual([]);
  });

  it('renders SVG drawings to thumbnails', () => {
    const row = rowAt(t.library, 'drawing.svg');
    expect(row).toMatchObject({ type: 'image', format: 'svg', file_state: 'ok', width: 300, height: 200 });
    expect(thumbnailRows(t.library, row.md5 as string)[3]).toMatchObject({ size: 1080, width: 300, height: 200 });
  });

  it('probes video with ffprobe (rotation applied) and makes thumbnails from a poster frame', () => {
    const row = rowAt(t.library, 'clip.mov');
    expect(row).toMatchObject({ type: 'video', file_state: 'ok', width: 240, height: 320 });
    expect(row.duration).toBeCloseTo(2, 0);
    const thumbs = thumbnailRows(t.library, row.md5 as string);
    expect(thumbs.map((th) => [th.size, th.width, th.height])).toEqual([
      [64, 48, 64],
      [128, 96, 128],
      [512, 240, 320],
      [1080, 240, 320],
    ]);
  });

  it('probes audio for its duration', () => {
    const row = rowAt(t.library, 'beep.mp3');
    expect(row).toMatchObject({ type: 'audio', mime: 'audio/mpeg', file_state: 'ok' });
    expect(row.duration).toBeCloseTo(1.5, 1);
  });
});

describe('the pixel limit', () => {
  let t: TempLibrary;

  beforeAll(async () => {
    t = openTempLibrary({ workers: 1, pixelLimit: 100_000 });
    const folder = path.join(t.dir, 'photos');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'big.jpg'), corpus('jpg/gps/DSCN0010.jpg'));
    await writeImage(path.join(folder, 'small.jpg'), 2);
    await importAndWait(t.library, folder);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('records images above it as oversized, with their size and no thumbnails', () => {
    const big = rowAt(t.library, 'big.jpg');
    expect(big).toMatchObject({ file_state: 'oversized', width: 640, height: 480, camera_make: 'NIKON' });
    expect(big.state_reason).toBe('640×480 is 0.3 MP, above the limit of 0.1 MP');
    expect(thumbnailRows(t.library, big.md5 as string)).toEqual([]);
    expect(rowAt(t.library, 'small.jpg').file_state).toBe('ok');
  });
});
