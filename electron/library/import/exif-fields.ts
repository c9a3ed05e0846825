import exifr from 'exifr';
import type { ExifFields } from '../db/media-columns.js';

/**
 * The EXIF facts Folio keeps (db/media-columns' ExifFields), already checked: anything odd is
 * null, never an exception. `takenAt` is camera-local wall-clock time, `YYYY-MM-DDTHH:MM:SS`
 * (EXIF has no reliable zone).
 */
export type { ExifFields };

export const NO_EXIF: ExifFields = {
  takenAt: null,
  cameraMake: null,
  cameraModel: null,
  gpsLat: null,
  gpsLon: null,
  gpsAlt: null,
  orientation: null,
};

// Raw values (`reviveValues: false`): exifr would otherwise turn the camera's local time into
// a Date in *this* machine's zone. Maker notes, XMP, ICC and thumbnails are skipped: slow and
// the source of most parser trouble in the odd-EXIF samples.
const EXIFR_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  translateKeys: true,
  translateValues: false,
  reviveValues: false,
  sanitize: true,
  mergeOutput: true,
} as const;

/** Reads EXIF from the bytes already in memory. Unknown formats and broken blocks give NO_EXIF. */
export async function readExif(bytes: Buffer): Promise<ExifFields> {
  let raw: unknown;
  try {
    raw = await exifr.parse(bytes, EXIFR_OPTIONS);
  } catch {
    return NO_EXIF;
  }
  if (typeof raw !== 'object' || raw === null) return NO_EXIF;
  return exifFieldsFrom(raw as Record<string, unknown>);
}

/** Picks and validates the fields from exifr's raw output (exported for unit tests). */
export function exifFieldsFrom(tags: Record<string, unknown>): ExifFields {
  const lat = gpsCoordinate(tags.GPSLatitude, tags.GPSLatitudeRef, 'S', 90);
  const lon = gpsCoordinate(tags.GPSLongitude, tags.GPSLongitudeRef, 'W', 180);
  // Many cameras write 0/0 when they had no fix; a photo at exactly 0°,0° is far less likely.
  const hasPosition = lat !== null && lon !== null && !(lat === 0 && lon === 0);
  return {
    takenAt: exifDate(tags.DateTimeOriginal) ?? exifDate(tags.CreateDate),
    cameraMake: exifText(tags.Make),
    cameraModel: exifText(tags.Model),
    gpsLat: hasPosition ? lat : null,
    gpsLon: hasPosition ? lon : null,
    gpsAlt: hasPosition ? gpsAltitude(tags.GPSAltitude, tags.GPSAltitudeRef) : null,
    orientation: exifOrientation(tags.Orientation),
  };
}

const MAX_TEXT = 200;

/** A text tag: cut at the first NUL (C strings padded with garbage), controls removed, trimmed. */
export function exifText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const cut = value.split('\0', 1)[0] ?? '';
  const clean = cut.replace(/\p{Cc}/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (clean.length === 0) return null;
  return [...clean].slice(0, MAX_TEXT).join('');
}

const EXIF_DATE = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;

/** `"2008:10:22 16:28:39"` → `"2008-10-22T16:28:39"`; zeroed or impossible dates → null. */
export function exifDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = EXIF_DATE.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < 1826 || year > 2200) return null; // the oldest surviving photograph is from 1826
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Degrees from EXIF's [degrees, minutes, seconds] (or a plain number) and its N/S/E/W ref. */
export function gpsCoordinate(value: unknown, ref: unknown, negativeRef: 'S' | 'W', limit: number): number | null {
  let degrees: number | null;
  if (Array.isArray(value) && value.length >= 1 && value.length <= 3) {
    const parts = value.map(finite);
    if (parts.some((p) => p === null || p < 0)) return null;
    const [d = 0, m = 0, s = 0] = parts as number[];
    if (m >= 60 || s >= 60) return null;
    degrees = d + m / 60 + s / 3600;
  } else {
    degrees = finite(value);
  }
  if (degrees === null) return null;
  const sign = typeof ref === 'string' && ref.trim().toUpperCase().startsWith(negativeRef) ? -1 : 1;
  const result = sign * Math.abs(degrees);
  if (Math.abs(result) > limit) return null;
  return Math.round(result * 1e7) / 1e7;
}

/** Metres; EXIF's altitude ref 1 means below sea level. */
export function gpsAltitude(value: unknown, ref: unknown): number | null {
  const metres = finite(value);
  if (metres === null || Math.abs(metres) > 100_000) return null;
  const refValue = ref instanceof Uint8Array || Array.isArray(ref) ? ref[0] : ref;
  return refValue === 1 ? -Math.abs(metres) : metres;
}

export function exifOrientation(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8 ? value : null;
}
