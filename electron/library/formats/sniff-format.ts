import type { MediaType } from '../../../shared/media.js';
import { sniffRaw } from './sniff-raw.js';

/** What a file is, judged from its first bytes. */
export interface SniffedFormat {
  type: MediaType;
  /** Short format name (`jpeg`, `heic`, `mp4`…), null when unknown. */
  format: string | null;
  mime: string | null;
}

/** How many leading bytes `sniffFormat` looks at; callers read at least this much. */
export const SNIFF_BYTES = 4_096;

const UNKNOWN: SniffedFormat = { type: 'other', format: null, mime: 'application/octet-stream' };
const TEXT: SniffedFormat = { type: 'other', format: 'text', mime: 'text/plain' };

const known = (type: MediaType, format: string, mime: string): SniffedFormat => ({ type, format, mime });

function ascii(bytes: Uint8Array, start: number, length: number): string {
  if (bytes.length < start + length) return '';
  let out = '';
  for (let i = start; i < start + length; i += 1) out += String.fromCharCode(bytes[i] ?? 0);
  return out;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((value, i) => bytes[offset + i] === value);
}

/**
 * The type of a file from its magic numbers, never its name: a PNG called `.jpg` is a PNG and
 * a JPEG called `.txt` is a JPEG. Files nothing here recognises are `other` (plain text gets
 * `text/plain` so a user sees what it is); they are still recorded, without thumbnails.
 */
export function sniffFormat(head: Uint8Array): SniffedFormat {
  if (head.length === 0) return UNKNOWN;
  // Before TIFF and ISO media: most RAWs are TIFF inside, CR3 is an ISO media file.
  const cameraRaw = sniffRaw(head);
  if (cameraRaw !== null) return known('image', cameraRaw.format, cameraRaw.mime);
  if (startsWith(head, [0xff, 0xd8, 0xff])) return known('image', 'jpeg', 'image/jpeg');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return known('image', 'png', 'image/png');
  const first4 = ascii(head, 0, 4);
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return known('image', 'gif', 'image/gif');
  if (first4 === 'RIFF') return sniffRiff(head);
  if (first4 === 'II*\0' || first4 === 'MM\0*') return known('image', 'tiff', 'image/tiff');
  if (first4 === '8BPS') return known('image', 'psd', 'image/vnd.adobe.photoshop');
  if (startsWith(head, [0x00, 0x00, 0x01, 0x00]) && head.length > 6 && head[4] !== 0) {
    return known('image', 'ico', 'image/x-icon');
  }
  if (ascii(head, 0, 2) === 'BM' && head.length >= 14 && head[6] === 0 && head[7] === 0) {
    return known('image', 'bmp', 'image/bmp');
  }
  if (startsWith(head, [0xff, 0x0a]) || (ascii(head, 4, 4) === 'JXL ' && head[3] === 0x0c)) {
    return known('image', 'jxl', 'image/jxl');
  }
  if (ascii(head, 4, 4) === 'jP  ') return known('image', 'jp2', 'image/jp2');
  if (ascii(head, 4, 4) === 'ftyp') return sniffIsoMedia(head);
  if (['moov', 'mdat', 'wide', 'free', 'pnot'].includes(ascii(head, 4, 4))) {
    return known('video', 'mov', 'video/quicktime');
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    return ascii(head, 0, Math.min(head.length, 64)).includes('webm')
      ? known('video', 'webm', 'video/webm')
      : known('video', 'mkv', 'video/x-matroska');
  }
  if (startsWith(head, [0x00, 0x00, 0x01, 0xba]) || startsWith(head, [0x00, 0x00, 0x01, 0xb3])) {
    return known('video', 'mpeg', 'video/mpeg');
  }
  if (first4 === 'OggS') return sniffOgg(head);
  if (first4 === 'fLaC') return known('audio', 'flac', 'audio/flac');
  if (ascii(head, 0, 3) === 'ID3' || isMpegAudioFrame(head)) return known('audio', 'mp3', 'audio/mpeg');
  if (first4 === 'FORM' && ['AIFF', 'AIFC'].includes(ascii(head, 8, 4))) return known('audio', 'aiff', 'audio/aiff');
  if (ascii(head, 0, 5) === '%PDF-') return known('document', 'pdf', 'application/pdf');
  if (ascii(head, 0, 5) === '{\\rtf') return known('document', 'rtf', 'application/rtf');
  if (looksLikeSvg(head)) return known('image', 'svg', 'image/svg+xml');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { type: 'other', format: 'zip', mime: 'application/zip' };
  if (looksLikeText(head)) return TEXT;
  return UNKNOWN;
}

function sniffRiff(head: Uint8Array): SniffedFormat {
  switch (ascii(head, 8, 4)) {
    case 'WEBP':
      return known('image', 'webp', 'image/webp');
    case 'WAVE':
      return known('audio', 'wav', 'audio/wav');
    case 'AVI ':
      return known('video', 'avi', 'video/x-msvideo');
    default:
      return UNKNOWN;
  }
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2']);

/** ISO base media (`ftyp` box): HEIF/HEIC/AVIF images and MP4/MOV/M4V/M4A/3GP. */
function sniffIsoMedia(head: Uint8Array): SniffedFormat {
  const boxSize = ((head[0] ?? 0) << 24) | ((head[1] ?? 0) << 16) | ((head[2] ?? 0) << 8) | (head[3] ?? 0);
  const major = ascii(head, 8, 4);
  const brands = [major];
  for (let offset = 16; offset + 4 <= Math.min(boxSize, head.length, 256); offset += 4) brands.push(ascii(head, offset, 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return known('image', 'avif', 'image/avif');
  if (brands.some((b) => HEIC_BRANDS.has(b))) return known('image', 'heic', 'image/heic');
  if (GENERIC_HEIF_BRANDS.has(major)) return known('image', 'heif', 'image/heif');
  if (major === 'qt  ') return known('video', 'mov', 'video/quicktime');
  if (major === 'M4A ' || major === 'M4B ' || major === 'M4P ') return known('audio', 'm4a', 'audio/mp4');
  if (major === 'M4V ' || major === 'M4VH' || major === 'M4VP') return known('video', 'm4v', 'video/x-m4v');
  if (major.startsWith('3gp') || major.startsWith('3g2')) return known('video', '3gp', 'video/3gpp');
  return known('video', 'mp4', 'video/mp4');
}

function sniffOgg(head: Uint8Array): SniffedFormat {
  const text = ascii(head, 0, Math.min(head.length, 128));
  if (text.includes('theora')) return known('video', 'ogv', 'video/ogg');
  if (text.includes('OpusHead')) return known('audio', 'opus', 'audio/ogg');
  return known('audio', 'ogg', 'audio/ogg');
}

/** An MPEG audio frame header: 11 sync bits, a valid version, layer and bitrate. */
function isMpegAudioFrame(head: Uint8Array): boolean {
  const b0 = head[0] ?? 0;
  const b1 = head[1] ?? 0;
  const b2 = head[2] ?? 0;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0x3;
  const layer = (b1 >> 1) & 0x3;
  const bitrate = (b2 >> 4) & 0xf;
  return version !== 1 && layer !== 0 && bitrate !== 0 && bitrate !== 0xf;
}

function decodeHead(head: Uint8Array): string | null {
  try {
    // A cut in the middle of a multi-byte character at the end of the window is not an error.
    return new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, trimPartialUtf8(head)));
  } catch {
    return null;
  }
}

function trimPartialUtf8(head: Uint8Array): number {
  const end = head.length;
  for (let back = 1; back <= 4 && end - back >= 0; back += 1) {
    const byte = head[end - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead
    if ((byte & 0x80) === 0) return end; // ASCII: nothing was cut
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return needed > back ? end - back : end;
  }
  return end;
}

function looksLikeSvg(head: Uint8Array): boolean {
  const text = decodeHead(head);
  if (text === null) return false;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('<')) return false;
  return /<svg[\s>]/i.test(start);
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  const text = decodeHead(head);
  if (text === null) return false;
  // Mostly printable: control characters other than tab/newline/CR/FF/ESC mean binary.
  let control = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(code)) control += 1;
  }
  return control <= text.length / 100;
}
