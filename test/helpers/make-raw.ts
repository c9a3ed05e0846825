/**
 * Builds small but structurally real TIFF-based camera RAWs for tests: IFD0 with the maker's
 * tags and an embedded JPEG preview, a SubIFD describing the full-size sensor image (its data
 * left out, as in ExifTool's own sample RAWs). The corpus RAWs have 8×8 previews at most; these
 * let a test check that a real preview comes out upright and at its own size.
 */
import path from 'node:path';
import { REPO_ROOT } from './temp-library.js';

/** `../shared/corpus/raw` beside the checkout: ExifTool's RAW samples from nine makers. */
export const RAW_CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'raw');

type Value = { type: 2; text: string } | { type: 3 | 4; values: number[] };
interface Entry {
  tag: number;
  value: Value;
}

export interface TiffRawSpec {
  make: string;
  model: string;
  orientation: number;
  /** Size of the (absent) sensor image, stored before orientation. */
  width: number;
  height: number;
  preview: Buffer;
  /** Raw compression of the sensor image (34713 = Nikon NEF). */
  compression?: number;
}

function valueBytes(value: Value): Buffer {
  if (value.type === 2) return Buffer.from(`${value.text}\0`, 'latin1');
  const size = value.type === 3 ? 2 : 4;
  const out = Buffer.alloc(size * value.values.length);
  value.values.forEach((v, i) => (size === 2 ? out.writeUInt16LE(v, i * 2) : out.writeUInt32LE(v, i * 4)));
  return out;
}

/** One IFD (no next IFD) and its out-of-line values, which will sit at `dataAt`. */
function writeIfd(entries: Entry[], dataAt: number): { ifd: Buffer; data: Buffer } {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const ifd = Buffer.alloc(2 + sorted.length * 12 + 4);
  ifd.writeUInt16LE(sorted.length, 0);
  const data: Buffer[] = [];
  let dataLength = 0;
  sorted.forEach((entry, i) => {
    const bytes = valueBytes(entry.value);
    const count = entry.value.type === 2 ? bytes.length : entry.value.values.length;
    const base = 2 + i * 12;
    ifd.writeUInt16LE(entry.tag, base);
    ifd.writeUInt16LE(entry.value.type, base + 2);
    ifd.writeUInt32LE(count, base + 4);
    if (bytes.length <= 4) bytes.copy(ifd, base + 8);
    else {
      ifd.writeUInt32LE(dataAt + dataLength, base + 8);
      data.push(bytes);
      dataLength += bytes.length + (bytes.length % 2);
      if (bytes.length % 2) data.push(Buffer.alloc(1));
    }
  });
  return { ifd, data: Buffer.concat(data) };
}

/** A NEF-like (or any maker's) TIFF RAW with the preview in IFD0 and the sensor image described in a SubIFD. */
export function makeTiffRaw(spec: TiffRawSpec): Buffer {
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]);
  const sub: Entry[] = [
    { tag: 0x00fe, value: { type: 4, values: [0] } },
    { tag: 0x0100, value: { type: 4, values: [spec.width] } },
    { tag: 0x0101, value: { type: 4, values: [spec.height] } },
    { tag: 0x0103, value: { type: 3, values: [spec.compression ?? 34713] } },
  ];
  const ifd0Size = 2 + 7 * 12 + 4;
  const subAt = 8 + ifd0Size;
  const subSize = 2 + sub.length * 12 + 4;
  const dataAt = subAt + subSize;
  const ifd0 = (previewAt: number): Entry[] => [
    { tag: 0x00fe, value: { type: 4, values: [1] } },
    { tag: 0x010f, value: { type: 2, text: spec.make } },
    { tag: 0x0110, value: { type: 2, text: spec.model } },
    { tag: 0x0112, value: { type: 3, values: [spec.orientation] } },
    { tag: 0x014a, value: { type: 4, values: [subAt] } },
    { tag: 0x0201, value: { type: 4, values: [previewAt] } },
    { tag: 0x0202, value: { type: 4, values: [spec.preview.length] } },
  ];
  // The preview's offset is stored inline, so the out-of-line data does not depend on it.
  const previewAt = dataAt + writeIfd(ifd0(0), dataAt).data.length;
  const first = writeIfd(ifd0(previewAt), dataAt);
  const second = writeIfd(sub, previewAt);
  const body = Buffer.concat([header, first.ifd, second.ifd, first.data]);
  const pad = Buffer.alloc(Math.max(0, previewAt - body.length));
  return Buffer.concat([body, pad, spec.preview]);
}
