/**
 * A small, defensive reader of TIFF structure (the container of most camera RAW formats and of
 * EXIF): image file directories, their tags, and the sub-directories they point to. Every read
 * is bounds-checked; a damaged structure gives fewer directories, never an exception.
 */

export interface TiffEntry {
  tag: number;
  type: number;
  count: number;
  /** Where the value's bytes start in the buffer (inline in the entry when they fit in 4 bytes). */
  valueAt: number;
}

export interface Ifd {
  /** How the directory was reached: `ifd0`, `ifd1`, `sub0`, `exif`… (for tests and choices). */
  path: string;
  entries: Map<number, TiffEntry>;
}

export interface TiffReader {
  littleEndian: boolean;
  bytes: Uint8Array;
  /** Where the TIFF header starts in `bytes`; offsets in the file are relative to it. */
  base: number;
}

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
const MAX_IFDS = 64;
const MAX_ENTRIES = 1000;

export const TAG = {
  newSubfileType: 0x00fe,
  imageWidth: 0x0100,
  imageLength: 0x0101,
  compression: 0x0103,
  make: 0x010f,
  model: 0x0110,
  stripOffsets: 0x0111,
  orientation: 0x0112,
  stripByteCounts: 0x0117,
  dateTime: 0x0132,
  subIfds: 0x014a,
  jpegOffset: 0x0201,
  jpegLength: 0x0202,
  exifIfd: 0x8769,
  dateTimeOriginal: 0x9003,
  pixelXDimension: 0xa002,
  pixelYDimension: 0xa003,
  dngVersion: 0xc612,
  dngPrivateData: 0xc634,
} as const;

/** A reader when `bytes` holds a TIFF header at `base` (`II*\0`, `MM\0*`, or the RAW variants' own magic numbers). */
export function tiffReader(bytes: Uint8Array, base = 0): TiffReader | null {
  if (bytes.length < base + 8) return null;
  const order = String.fromCharCode(bytes[base] ?? 0, bytes[base + 1] ?? 0);
  if (order !== 'II' && order !== 'MM') return null;
  return { littleEndian: order === 'II', bytes, base };
}

export function u16(r: TiffReader, at: number): number | null {
  if (at < 0 || at + 2 > r.bytes.length) return null;
  const a = r.bytes[at] ?? 0;
  const b = r.bytes[at + 1] ?? 0;
  return r.littleEndian ? a | (b << 8) : (a << 8) | b;
}

export function u32(r: TiffReader, at: number): number | null {
  if (at < 0 || at + 4 > r.bytes.length) return null;
  const [a = 0, b = 0, c = 0, d = 0] = r.bytes.subarray(at, at + 4);
  return r.littleEndian ? (a | (b << 8) | (c << 16) | (d << 24)) >>> 0 : ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/** Reads the directory at `offset` (relative to the TIFF header); null when it lies outside the bytes. */
export function readIfd(r: TiffReader, offset: number, path: string): { ifd: Ifd; next: number } | null {
  const at = r.base + offset;
  const count = u16(r, at);
  if (count === null || count === 0 || count > MAX_ENTRIES || at + 2 + count * 12 > r.bytes.length) return null;
  const entries = new Map<number, TiffEntry>();
  for (let i = 0; i < count; i += 1) {
    const entryAt = at + 2 + i * 12;
    const tag = u16(r, entryAt) ?? 0;
    const type = u16(r, entryAt + 2) ?? 0;
    const valueCount = u32(r, entryAt + 4) ?? 0;
    const size = (TYPE_SIZES[type] ?? 1) * valueCount;
    const valueAt = size <= 4 ? entryAt + 8 : r.base + (u32(r, entryAt + 8) ?? 0);
    if (!entries.has(tag)) entries.set(tag, { tag, type, count: valueCount, valueAt });
  }
  return { ifd: { path, entries }, next: u32(r, at + 2 + count * 12) ?? 0 };
}

/** The entry's numbers (BYTE, SHORT, LONG; up to `limit` of them); empty when they lie outside the bytes. */
export function numbers(r: TiffReader, entry: TiffEntry | undefined, limit = 64): number[] {
  if (entry === undefined) return [];
  const out: number[] = [];
  const n = Math.min(entry.count, limit);
  for (let i = 0; i < n; i += 1) {
    let value: number | null;
    if (entry.type === 3 || entry.type === 8) value = u16(r, entry.valueAt + i * 2);
    else if (entry.type === 4 || entry.type === 9 || entry.type === 13) value = u32(r, entry.valueAt + i * 4);
    else if (entry.type === 1 || entry.type === 7) value = r.bytes[entry.valueAt + i] ?? null;
    else value = null;
    if (value === null) return out;
    out.push(value);
  }
  return out;
}

export function firstNumber(r: TiffReader, entry: TiffEntry | undefined): number | null {
  return numbers(r, entry, 1)[0] ?? null;
}

/** An ASCII entry's text, cut at the first NUL and trimmed; null when empty or out of bounds. */
export function text(r: TiffReader, entry: TiffEntry | undefined): string | null {
  if (entry === undefined || entry.type !== 2) return null;
  const end = Math.min(entry.valueAt + Math.min(entry.count, 256), r.bytes.length);
  if (entry.valueAt >= end) return null;
  let out = '';
  for (let i = entry.valueAt; i < end; i += 1) {
    const code = r.bytes[i] ?? 0;
    if (code === 0) break;
    out += String.fromCharCode(code);
  }
  const trimmed = out.replace(/\p{Cc}/gu, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Every directory reachable from the header: the IFD0 chain, their SubIFDs and the EXIF IFD.
 * `firstOffset` overrides the header's pointer (RW2 and ORF keep the standard layout but a
 * different magic number, which the caller has already checked).
 */
export function readAllIfds(r: TiffReader, firstOffset?: number): Ifd[] {
  const out: Ifd[] = [];
  const seen = new Set<number>();
  const visit = (offset: number, path: string, followChain: boolean): void => {
    let next = offset;
    let index = 0;
    while (next > 0 && !seen.has(next) && out.length < MAX_IFDS) {
      seen.add(next);
      const read = readIfd(r, next, followChain ? `${path}${index}` : path);
      if (read === null) return;
      out.push(read.ifd);
      numbers(r, read.ifd.entries.get(TAG.subIfds), 16).forEach((sub, i) => visit(sub, `${read.ifd.path}.sub${i}`, false));
      const exif = firstNumber(r, read.ifd.entries.get(TAG.exifIfd));
      if (exif !== null) visit(exif, `${read.ifd.path}.exif`, false);
      if (!followChain) return;
      next = read.next;
      index += 1;
    }
  };
  visit(firstOffset ?? u32(r, r.base + 4) ?? 0, 'ifd', true);
  return out;
}
