import { readRawFacts } from '../formats/raw-facts.js';
import { decodeRawPreview } from '../thumbnails/decode-raw-preview.js';
import type { DecodeLimits } from '../thumbnails/render-thumbnails.js';
import { exifDate, exifText, NO_EXIF, readExif, type ExifFields } from './exif-fields.js';
import type { ImageProbe } from './probe-image.js';
import { uprightSize } from './probe-image.js';

// TIFF-based RAWs carry a standard EXIF block that exifr reads (GPS included); the others get
// what their own structure says, and RAF what its embedded JPEG's EXIF says.
const EXIFR_READS = new Set(['3fr', 'arw', 'cr2', 'dcr', 'dng', 'erf', 'iiq', 'mef', 'mos', 'nef', 'nrw', 'orf', 'pef', 'rw2', 'sr2', 'srw']);

/**
 * A camera RAW: type image with the maker's MIME, the camera's image size (upright), make,
 * model and date from the file's own structure, and thumbnails from its largest embedded JPEG
 * preview. A RAW without a usable preview is `unsupported` with the reason; its facts are kept.
 */
export async function probeRaw(bytes: Buffer, format: string, limits: DecodeLimits): Promise<ImageProbe> {
  const facts = readRawFacts(bytes, format);
  const label = format.toUpperCase();
  let exif: ExifFields = EXIFR_READS.has(format) ? await readExif(bytes) : NO_EXIF;
  if (format === 'raf' && facts.previews[0] !== undefined) {
    const jpeg = facts.previews[0];
    exif = await readExif(bytes.subarray(jpeg.offset, jpeg.offset + jpeg.length));
  }
  const orientation = facts.orientation ?? exif.orientation;
  const camera: ExifFields = {
    ...exif,
    takenAt: exif.takenAt ?? exifDate(facts.dateTime),
    cameraMake: exif.cameraMake ?? exifText(facts.make),
    cameraModel: exif.cameraModel ?? exifText(facts.model),
    orientation,
  };
  const [width, height] = facts.width !== null && facts.height !== null ? uprightSize(facts.width, facts.height, orientation) : [null, null];
  const imageFacts = { width, height, mode: null, hasAlpha: null, orientation };
  const preview = await decodeRawPreview(bytes, { ...facts, orientation }, limits);
  if (preview.decoded === null) {
    return {
      state: 'unsupported',
      reason: `This ${label} file has no picture Folio can show: ${preview.detail}; its size, date and camera are recorded`,
      facts: imageFacts,
      decoded: null,
      camera,
    };
  }
  // What is known of the picture is the preview's: 8-bit sRGB, opaque.
  return { state: 'ok', reason: null, facts: { ...imageFacts, mode: 'srgb', hasAlpha: false }, decoded: preview.decoded, camera };
}
