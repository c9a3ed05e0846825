/**
 * The RAW formats that are not TIFF at the top: Canon CR3 (ISO base media), Fujifilm RAF (a
 * header in front of a JPEG and a TIFF-like directory), Canon CRW (CIFF heap) and Sigma X3F.
 * Each reader takes what it can find; a damaged file gives nulls, never an exception.
 */
import { isJpegAt, NO_RAW_FACTS, tiffRawFacts, type PreviewRange, type RawFacts } from './raw-facts.js';
import { tiffReader } from './tiff-ifd.js';

function be32(bytes: Uint8Array, at: number): number | null {
  if (at < 0 || at + 4 > bytes.length) return null;
  return (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0;
}

function le32(bytes: Uint8Array, at: number): number | null {
  if (at < 0 || at + 4 > bytes.length) return null;
  return (((bytes[at + 3] ?? 0) << 24) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 1] ?? 0) << 8) | (bytes[at] ?? 0)) >>> 0;
}

function le16(bytes: Uint8Array, at: number): number | null {
  if (at < 0 || at + 2 > bytes.length) return null;
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The payload of the first box of type `fourcc` in the file: [start, end) after its 8-byte header. */
function findBox(bytes: Buffer, fourcc: string, from = 0): [number, number] | null {
  let at = bytes.indexOf(fourcc, from + 4, 'latin1');
  while (at >= 4) {
    const size = be32(bytes, at - 4);
    if (size !== null && size >= 8 && at - 4 + size <= bytes.length) return [at + 4, at - 4 + size];
    at = bytes.indexOf(fourcc, at + 4, 'latin1');
  }
  return null;
}

/** A JPEG starting within the first bytes of a box payload (PRVW/THMB have a small header of their own). */
function jpegInBox(bytes: Buffer, box: [number, number] | null, source: string): PreviewRange | null {
  if (box === null) return null;
  const [start, end] = box;
  const soi = bytes.subarray(start, Math.min(end, start + 64)).indexOf(Buffer.from([0xff, 0xd8, 0xff]));
  if (soi < 0) return null;
  const range = { offset: start + soi, length: end - start - soi, source };
  return isJpegAt(bytes, range) ? range : null;
}

/**
 * CR3: make/model/orientation in the CMT1 box (a TIFF IFD0), the date and pixel size in CMT2
 * (an EXIF IFD as its own TIFF), a 1620×1080 JPEG in PRVW and a 160×120 one in THMB.
 */
export function readCr3(raw: Uint8Array): RawFacts {
  const bytes = asBuffer(raw);
  const cmt1 = findBox(bytes, 'CMT1');
  const cmt2 = findBox(bytes, 'CMT2');
  const ifd0Reader = cmt1 === null ? null : tiffReader(bytes.subarray(cmt1[0], cmt1[1]));
  const exifReader = cmt2 === null ? null : tiffReader(bytes.subarray(cmt2[0], cmt2[1]));
  const main = ifd0Reader === null ? NO_RAW_FACTS : tiffRawFacts(ifd0Reader, 'cr3');
  const exif = exifReader === null ? NO_RAW_FACTS : tiffRawFacts(exifReader, 'cr3');
  const previews = [jpegInBox(bytes, findBox(bytes, 'PRVW'), 'PRVW'), jpegInBox(bytes, findBox(bytes, 'THMB'), 'THMB')];
  return {
    ...main,
    width: main.width ?? exif.width,
    height: main.height ?? exif.height,
    // CMT2 is an EXIF IFD read as if it were IFD0: its DateTimeOriginal sits where IFD0's tags would.
    dateTime: exif.dateTime ?? main.dateTime,
    previews: previews.filter((p): p is PreviewRange => p !== null),
  };
}

// RAF's own directory (after the header) uses these tags for the sensor's size: [height, width].
const RAF_FULL_SIZE = 0x100;
const RAF_CROPPED_SIZE = 0x111;

/**
 * RAF: a fixed header (model name at 28), the offset and length of a full-size JPEG at 84 and
 * 88, and a directory of big-endian tags at the offset stored at 92. Make, orientation and date
 * come from the JPEG's EXIF (read by the caller); the size from the directory.
 */
export function readRaf(bytes: Uint8Array): RawFacts {
  const modelBytes = bytes.subarray(28, 60);
  const model = String.fromCharCode(...modelBytes.subarray(0, Math.max(0, modelBytes.indexOf(0)))).trim() || null;
  const jpeg = { offset: be32(bytes, 84) ?? 0, length: be32(bytes, 88) ?? 0, source: 'raf' };
  const sizes = new Map<number, [number, number]>();
  const directory = be32(bytes, 92);
  const count = directory === null ? null : be32(bytes, directory);
  if (directory !== null && count !== null && count < 1000) {
    let at = directory + 4;
    for (let i = 0; i < count && at + 4 <= bytes.length; i += 1) {
      const tag = ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
      const size = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
      if (size === 4 && (tag === RAF_FULL_SIZE || tag === RAF_CROPPED_SIZE)) {
        const h = ((bytes[at + 4] ?? 0) << 8) | (bytes[at + 5] ?? 0);
        const w = ((bytes[at + 6] ?? 0) << 8) | (bytes[at + 7] ?? 0);
        if (w > 0 && h > 0) sizes.set(tag, [w, h]);
      }
      at += 4 + size;
    }
  }
  const [width, height] = sizes.get(RAF_CROPPED_SIZE) ?? sizes.get(RAF_FULL_SIZE) ?? [null, null];
  return { ...NO_RAW_FACTS, model, width, height, previews: isJpegAt(bytes, jpeg) ? [jpeg] : [] };
}

// CIFF (CRW) tags: the low 14 bits name the record, the top bits say where its data is.
const CIFF = { makeModel: 0x080a, imageInfo: 0x1810, captureTime: 0x180e, jpgFromRaw: 0x2007 } as const;
const CIFF_ROTATION: Record<number, number> = { 0: 1, 90: 6, 180: 3, 270: 8 };

/** CRW: a heap of records whose directory sits at the offset in the heap's last 4 bytes; sub-heaps nest. */
export function readCrw(bytes: Uint8Array): RawFacts {
  const headerLength = le32(bytes, 2);
  if (headerLength === null || headerLength >= bytes.length) return NO_RAW_FACTS;
  const facts: RawFacts = { ...NO_RAW_FACTS, previews: [] };
  const visit = (start: number, end: number, depth: number): void => {
    const table = le32(bytes, end - 4);
    if (depth > 4 || table === null || start + table + 2 > end) return;
    const count = le16(bytes, start + table) ?? 0;
    for (let i = 0; i < count && i < 1000; i += 1) {
      const entry = start + table + 2 + i * 10;
      if (entry + 10 > end) return;
      const tag = le16(bytes, entry) ?? 0;
      const size = le32(bytes, entry + 2) ?? 0;
      const offset = start + (le32(bytes, entry + 6) ?? 0);
      const kind = tag & 0x3800;
      if ((tag & 0xc000) !== 0) continue; // data stored in the entry itself: none of ours
      if (offset + size > end) continue;
      if (kind === 0x2800 || kind === 0x3000) visit(offset, offset + size, depth + 1);
      else readCiffRecord(bytes, tag & 0x3fff, offset, size, facts);
    }
  };
  visit(headerLength, bytes.length, 0);
  return facts;
}

function readCiffRecord(bytes: Uint8Array, tag: number, offset: number, size: number, facts: RawFacts): void {
  if (tag === CIFF.makeModel) {
    const [make, model] = String.fromCharCode(...bytes.subarray(offset, offset + Math.min(size, 128))).split('\0');
    facts.make = make?.trim() || null;
    facts.model = model?.trim() || null;
  } else if (tag === CIFF.imageInfo && size >= 16) {
    facts.width = le32(bytes, offset) || null;
    facts.height = le32(bytes, offset + 4) || null;
    facts.orientation = CIFF_ROTATION[le32(bytes, offset + 12) ?? 0] ?? null;
  } else if (tag === CIFF.captureTime && size >= 4) {
    const seconds = le32(bytes, offset);
    if (seconds !== null && seconds > 0) facts.dateTime = new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':');
  } else if (tag === CIFF.jpgFromRaw) {
    const range = { offset, length: size, source: 'JpgFromRaw' };
    if (isJpegAt(bytes, range)) facts.previews.push(range);
  }
}

const X3F_ROTATION: Record<number, number> = { 0: 1, 90: 6, 180: 3, 270: 8 };

/**
 * X3F: columns, rows and rotation in the header; make and model in the property list
 * (a `SECp` section of UTF-16 name/value pairs) that the directory at the file's end points to.
 */
export function readX3f(bytes: Uint8Array): RawFacts {
  const properties = x3fProperties(bytes);
  return {
    ...NO_RAW_FACTS,
    width: le32(bytes, 28) || null,
    height: le32(bytes, 32) || null,
    orientation: X3F_ROTATION[le32(bytes, 36) ?? -1] ?? null,
    make: properties.get('CAMMANUF') ?? null,
    model: properties.get('CAMMODEL') ?? null,
    dateTime: null,
    previews: [],
  };
}

function x3fProperties(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const directory = le32(bytes, bytes.length - 4);
  if (directory === null || String.fromCharCode(...bytes.subarray(directory, directory + 4)) !== 'SECd') return out;
  const count = le32(bytes, directory + 8) ?? 0;
  for (let i = 0; i < count && i < 64; i += 1) {
    const entry = directory + 12 + i * 12;
    const offset = le32(bytes, entry);
    if (offset === null || String.fromCharCode(...bytes.subarray(entry + 8, entry + 12)) !== 'PROP') continue;
    const pairs = le32(bytes, offset + 8) ?? 0;
    const chars = offset + 24 + pairs * 8;
    const utf16 = (index: number): string => {
      let s = '';
      for (let at = chars + index * 2; at + 1 < bytes.length; at += 2) {
        const code = le16(bytes, at) ?? 0;
        if (code === 0 || s.length > 200) break;
        s += String.fromCharCode(code);
      }
      return s;
    };
    for (let p = 0; p < pairs && p < 256; p += 1) {
      const name = utf16(le32(bytes, offset + 24 + p * 8) ?? 0);
      const value = utf16(le32(bytes, offset + 28 + p * 8) ?? 0).trim();
      if (name !== '' && value !== '') out.set(name, value);
    }
  }
  return out;
}
