import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES, sniffFormat } from '../../../electron/library/formats/sniff-format.js';
import { CORPUS_DIR } from '../../helpers/temp-library.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** An ISO-BMFF `ftyp` box with the given major and compatible brands. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + compatible.length * 4;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 8], 'mdat');
}

function head(file: string): Uint8Array {
  return fs.readFileSync(path.join(CORPUS_DIR, file)).subarray(0, SNIFF_BYTES);
}

describe('sniffFormat', () => {
  it('names the real corpus files by their bytes', () => {
    expect(sniffFormat(head('jpg/Canon_40D.jpg'))).toEqual({ type: 'image', format: 'jpeg', mime: 'image/jpeg' });
    expect(sniffFormat(head('tiff/Arbitro.tiff'))).toEqual({ type: 'image', format: 'tiff', mime: 'image/tiff' });
    expect(sniffFormat(head('heic/IMG_5195.HEIC'))).toMatchObject({ type: 'image', format: 'heic', mime: 'image/heic' });
    expect(sniffFormat(head('heic/mobile/HMD_Nokia_8.3_5G.heif'))).toMatchObject({ type: 'image' });
    expect(sniffFormat(head('README.rst'))).toEqual({ type: 'other', format: 'text', mime: 'text/plain' });
  });

  it('recognises images that sharp writes', async () => {
    const base = sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } });
    expect(sniffFormat(await base.clone().png().toBuffer()).format).toBe('png');
    expect(sniffFormat(await base.clone().gif().toBuffer()).format).toBe('gif');
    expect(sniffFormat(await base.clone().webp().toBuffer()).format).toBe('webp');
    expect(sniffFormat(await base.clone().avif().toBuffer())).toMatchObject({ type: 'image', format: 'avif', mime: 'image/avif' });
  });

  it('tells HEIC, AVIF and generic HEIF apart by the ftyp brands', () => {
    expect(sniffFormat(ftyp('heic', 'mif1', 'heic')).format).toBe('heic');
    expect(sniffFormat(ftyp('mif1', 'mif1', 'heic')).format).toBe('heic');
    expect(sniffFormat(ftyp('mif1', 'mif1', 'avif')).format).toBe('avif');
    expect(sniffFormat(ftyp('mif1', 'mif1')).format).toBe('heif');
  });

  it('tells the video and audio containers apart', () => {
    expect(sniffFormat(ftyp('isom', 'isom', 'mp41'))).toEqual({ type: 'video', format: 'mp4', mime: 'video/mp4' });
    expect(sniffFormat(ftyp('qt  ', 'qt  '))).toEqual({ type: 'video', format: 'mov', mime: 'video/quicktime' });
    expect(sniffFormat(ftyp('M4V ', 'M4V '))).toMatchObject({ type: 'video', format: 'm4v' });
    expect(sniffFormat(ftyp('M4A ', 'M4A '))).toEqual({ type: 'audio', format: 'm4a', mime: 'audio/mp4' });
    expect(sniffFormat(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm'))).toMatchObject({ format: 'webm' });
    expect(sniffFormat(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], 'matroska'))).toMatchObject({ format: 'mkv' });
    expect(sniffFormat(bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'))).toMatchObject({ type: 'video', format: 'avi' });
    expect(sniffFormat(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toMatchObject({ type: 'audio', format: 'wav' });
    expect(sniffFormat(bytes('ID3', [4, 0, 0, 0, 0, 0, 0]))).toMatchObject({ type: 'audio', format: 'mp3' });
    expect(sniffFormat(bytes([0xff, 0xfb, 0x90, 0x64]))).toMatchObject({ type: 'audio', format: 'mp3' });
    expect(sniffFormat(bytes('fLaC', [0, 0, 0, 34]))).toMatchObject({ type: 'audio', format: 'flac' });
    expect(sniffFormat(bytes('OggS', [0, 2], 'xxxxxxxxxxxxxxxxxxxxxx', [1], 'vorbis'))).toMatchObject({ type: 'audio', format: 'ogg' });
    expect(sniffFormat(bytes('OggS', [0, 2], 'xxxxxxxxxxxxxxxxxxxxxx', [0x80], 'theora'))).toMatchObject({ type: 'video', format: 'ogv' });
  });

  it('recognises documents, SVG and formats the decoder lacks', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n'))).toEqual({ type: 'document', format: 'pdf', mime: 'application/pdf' });
    expect(sniffFormat(bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ type: 'image', format: 'svg' });
    expect(sniffFormat(bytes('\uFEFF  <svg width="1" height="1"></svg>'.replace('\uFEFF', '')))).toMatchObject({ format: 'svg' });
    expect(sniffFormat(bytes('BM', [0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]))).toMatchObject({ type: 'image', format: 'bmp' });
    expect(sniffFormat(bytes('8BPS', [0, 1]))).toMatchObject({ type: 'image', format: 'psd' });
  });

  it('never trusts the extension: unknown binary and text are `other`', () => {
    expect(sniffFormat(new Uint8Array())).toMatchObject({ type: 'other', format: null });
    expect(sniffFormat(bytes([0, 1, 2, 3, 4, 5, 250, 251]))).toMatchObject({ type: 'other', format: null });
    expect(sniffFormat(Buffer.from('just some notes, café\n', 'utf8'))).toMatchObject({ type: 'other', format: 'text' });
    // A sniffing window that ends inside a multi-byte character is still text.
    expect(sniffFormat(Buffer.from('é'.repeat(10), 'utf8').subarray(0, 19))).toMatchObject({ format: 'text' });
    // Latin-1 bytes are not UTF-8: binary as far as the sniffer knows.
    expect(sniffFormat(Buffer.from('caf\xe9 au lait', 'latin1'))).toMatchObject({ format: null });
  });
});
