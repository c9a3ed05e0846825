/**
 * What a camera RAW file says about itself without decoding its sensor data: make, model, the
 * size of the image, its orientation and date, and where its embedded JPEG previews are (the
 * pictures Lightroom and Photo Mechanic show first). Read from the file's own structure — TIFF
 * IFDs and SubIFDs, CR3's boxes, RAF's header, CRW's heap, X3F's header — never from maker notes.
 */
import { readCr3, readCrw, readRaf, readX3f } from './raw-containers.js';
import { firstNumber, numbers, readAllIfds, TAG, text, tiffReader, type Ifd, type TiffReader } from './tiff-ifd.js';

/** A byte range of the file that holds a JPEG. */
export interface PreviewRange {
  offset: number;
  length: number;
  /** Where it was found (`ifd0`, `ifd0.sub0`, `PRVW`, `raf`…), for messages and tests. */
  source: string;
}

export interface RawFacts {
  make: string | null;
  model: string | null;
  /** Size of the camera's image as stored (before orientation). */
  width: number | null;
  height: number | null;
  orientation: number | null;
  /** `YYYY:MM:DD HH:MM:SS` as the camera wrote it. */
  dateTime: string | null;
  previews: PreviewRange[];
}

export const NO_RAW_FACTS: RawFacts = { make: null, model: null, width: null, height: null, orientation: null, dateTime: null, previews: [] };

const TIFF_BASED = new Set(['3fr', 'arw', 'cr2', 'dcr', 'dng', 'erf', 'iiq', 'mef', 'mos', 'nef', 'nrw', 'orf', 'pef', 'rw2', 'sr2', 'srw']);

/** Reads the facts of a RAW of the given format (from sniffRaw); anything unreadable stays null. */
export function readRawFacts(bytes: Uint8Array, format: string): RawFacts {
  if (TIFF_BASED.has(format)) {
    const r = tiffReader(bytes);
    return r === null ? NO_RAW_FACTS : tiffRawFacts(r, format);
  }
  switch (format) {
    case 'cr3':
      return readCr3(bytes);
    case 'raf':
      return readRaf(bytes);
    case 'crw':
      return readCrw(bytes);
    case 'x3f':
      return readX3f(bytes);
    default:
      return NO_RAW_FACTS;
  }
}

/** Make, model, orientation and date of a TIFF structure, with the size and previews found in its IFDs. */
export function tiffRawFacts(r: TiffReader, format: string): RawFacts {
  const ifds = readAllIfds(r);
  const ifd0 = ifds[0];
  if (ifd0 === undefined) return NO_RAW_FACTS;
  const exif = ifds.find((ifd) => ifd.path.endsWith('.exif'));
  const orientation = firstNumber(r, ifd0.entries.get(TAG.orientation));
  const [width, height] = largestSize(r, ifds, format) ?? [null, null];
  return {
    make: text(r, ifd0.entries.get(TAG.make)),
    model: text(r, ifd0.entries.get(TAG.model)),
    width,
    height,
    orientation: orientation !== null && orientation >= 1 && orientation <= 8 ? orientation : null,
    dateTime: text(r, exif?.entries.get(TAG.dateTimeOriginal)) ?? text(r, ifd0.entries.get(TAG.dateTime)),
    previews: ifds.flatMap((ifd) => jpegRanges(r, ifd)),
  };
}

// Panasonic RW2 keeps the sensor's borders in IFD0 under its own tag numbers.
const RW2_BORDERS = { top: 0x0004, left: 0x0005, bottom: 0x0006, right: 0x0007 };
const RW2_JPG_FROM_RAW = 0x002e;

/**
 * The image's size: the largest full-resolution directory (not a reduced-size preview, which
 * NewSubfileType marks with bit 0) or EXIF's pixel dimensions, whichever is larger — CR2
 * and IIQ keep the raw size only in EXIF, NEF and DNG in a SubIFD, RW2 as sensor borders.
 */
function largestSize(r: TiffReader, ifds: Ifd[], format: string): [number, number] | null {
  const candidates: [number, number][] = [];
  for (const ifd of ifds) {
    const w = firstNumber(r, ifd.entries.get(TAG.imageWidth)) ?? firstNumber(r, ifd.entries.get(TAG.pixelXDimension));
    const h = firstNumber(r, ifd.entries.get(TAG.imageLength)) ?? firstNumber(r, ifd.entries.get(TAG.pixelYDimension));
    const reduced = ((firstNumber(r, ifd.entries.get(TAG.newSubfileType)) ?? 0) & 1) === 1;
    if (w !== null && h !== null && w > 1 && h > 1 && !reduced) candidates.push([w, h]);
  }
  const ifd0 = ifds[0];
  if (format === 'rw2' && ifd0 !== undefined) {
    const [top, left, bottom, right] = [RW2_BORDERS.top, RW2_BORDERS.left, RW2_BORDERS.bottom, RW2_BORDERS.right].map(
      (tag) => firstNumber(r, ifd0.entries.get(tag)) ?? -1,
    ) as [number, number, number, number];
    if (top >= 0 && left >= 0 && right > left && bottom > top) candidates.push([right - left, bottom - top]);
  }
  let best: [number, number] | null = null;
  for (const c of candidates) if (best === null || c[0] * c[1] > best[0] * best[1]) best = c;
  return best;
}

/** JPEGs a directory points to: JPEGInterchangeFormat, a JPEG-compressed single strip, RW2's JpgFromRaw. */
function jpegRanges(r: TiffReader, ifd: Ifd): PreviewRange[] {
  const out: PreviewRange[] = [];
  const offset = firstNumber(r, ifd.entries.get(TAG.jpegOffset));
  const length = firstNumber(r, ifd.entries.get(TAG.jpegLength));
  if (offset !== null && length !== null) out.push({ offset: r.base + offset, length, source: ifd.path });
  const compression = firstNumber(r, ifd.entries.get(TAG.compression));
  const strips = numbers(r, ifd.entries.get(TAG.stripOffsets), 2);
  const counts = numbers(r, ifd.entries.get(TAG.stripByteCounts), 2);
  if ((compression === 6 || compression === 7) && strips.length === 1 && counts.length === 1) {
    out.push({ offset: r.base + (strips[0] ?? 0), length: counts[0] ?? 0, source: `${ifd.path}.strip` });
  }
  const jpgFromRaw = ifd.entries.get(RW2_JPG_FROM_RAW);
  if (ifd.path === 'ifd0' && jpgFromRaw !== undefined && jpgFromRaw.count > 4) {
    out.push({ offset: jpgFromRaw.valueAt, length: jpgFromRaw.count, source: 'JpgFromRaw' });
  }
  return out.filter((range) => isJpegAt(r.bytes, range));
}

/** Starts with a JPEG SOI + marker and lies inside the file: a lossless-JPEG raw strip passes, sharp then refuses it. */
export function isJpegAt(bytes: Uint8Array, range: PreviewRange): boolean {
  return (
    range.length > 3 &&
    range.offset + range.length <= bytes.length &&
    bytes[range.offset] === 0xff &&
    bytes[range.offset + 1] === 0xd8 &&
    bytes[range.offset + 2] === 0xff
  );
}
