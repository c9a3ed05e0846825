/**
 * Reads one file's metadata where other tools put it: inside the file (its XMP packet, IPTC-IIM
 * and EXIF IFD0, with exifr, in the import worker that already holds the bytes) and in the XMP
 * sidecars beside it. Damage in one location is a problem sentence; the others are still read.
 */
import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import { jpegIptcDigests } from '../formats/photoshop-irb.js';
import type { FileMetadataReading, LocationMetadata } from './file-metadata.js';
import { metadataFromEmbedded, metadataFromXmp, type RawGroups } from './metadata-from-tags.js';
import { reconcileLocations, type LocatedMetadata } from './metadata-precedence.js';
import { MAX_XMP_BYTES, parseXmpPacket, xmpText } from './xmp-packet.js';

/** Formats exifr reads metadata from; for the rest it would only spend time failing. */
export const EMBEDDED_METADATA_FORMATS = new Set(['jpeg', 'tiff', 'heic', 'heif', 'avif', 'png', 'webp']);

// Only the segments that hold what Folio takes: the XMP packet as text (checked before it is
// parsed), IPTC, and IFD0's ImageDescription / XP* tags. The EXIF probe reads the rest.
const EMBEDDED_OPTIONS = {
  tiff: true,
  exif: false,
  gps: false,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  xmp: { parse: false },
  iptc: true,
  icc: false,
  jfif: false,
  ihdr: false,
  multiSegment: true,
  mergeOutput: false,
  translateKeys: true,
  translateValues: false,
  reviveValues: false,
  sanitize: true,
} as const;

const DOT = 0x2e;
const SLASH = 0x2f;
const XMP_LOWER = Buffer.from('.xmp');
const XMP_UPPER = Buffer.from('.XMP');

/**
 * The sidecars Folio reads for a file, the strongest first: `name.ext.xmp`, then `name.xmp`
 * (each also as `.XMP`). Paths are bytes, as the scan gives them: names need not be UTF-8.
 */
export function sidecarCandidates(file: Buffer): Buffer[] {
  const candidates = [Buffer.concat([file, XMP_LOWER]), Buffer.concat([file, XMP_UPPER])];
  const dot = file.lastIndexOf(DOT);
  const slash = Math.max(file.lastIndexOf(SLASH), file.lastIndexOf(0x5c));
  // A dot that starts the name (".hidden") is not an extension.
  if (dot > slash + 1) {
    const stem = file.subarray(0, dot);
    candidates.push(Buffer.concat([stem, XMP_LOWER]), Buffer.concat([stem, XMP_UPPER]));
  }
  return candidates;
}

async function readEmbedded(bytes: Buffer, format: string, problems: string[]): Promise<LocationMetadata | null> {
  let raw: Record<string, unknown>;
  try {
    raw = ((await exifr.parse(bytes, EMBEDDED_OPTIONS)) ?? {}) as Record<string, unknown>;
  } catch (error) {
    problems.push(`Its embedded metadata could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  let xmp: RawGroups | null = null;
  const packet = raw.xmp;
  if (typeof packet === 'string' && packet.trim() !== '') {
    const parsed = parseXmpPacket(packet);
    if (parsed.ok) xmp = parsed.groups;
    else problems.push(`Its embedded XMP was skipped: ${parsed.reason}`);
  }
  const iptc = typeof raw.iptc === 'object' && raw.iptc !== null ? (raw.iptc as Record<string, unknown>) : null;
  const ifd0 = typeof raw.ifd0 === 'object' && raw.ifd0 !== null ? (raw.ifd0 as Record<string, unknown>) : null;
  if (xmp === null && iptc === null && ifd0 === null) return null;
  const digests = format === 'jpeg' ? jpegIptcDigests(bytes) : { current: null, stored: null };
  const iptcEditedAfterXmp = digests.current !== null && digests.stored !== null && digests.current !== digests.stored;
  return metadataFromEmbedded({ xmp, iptc, ifd0, iptcEditedAfterXmp });
}

async function readSidecar(file: Buffer, problems: string[]): Promise<LocationMetadata | 'absent' | 'damaged'> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch {
    return 'absent';
  }
  const name = path.basename(file.toString('utf8'));
  try {
    const { size } = await handle.stat();
    if (size > MAX_XMP_BYTES) {
      problems.push(`Its sidecar ${name} was skipped: it is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_XMP_BYTES / 1024 / 1024} MB Folio reads`);
      return 'damaged';
    }
    const text = xmpText(await handle.readFile());
    const parsed = text.ok ? parseXmpPacket(text.text) : text;
    if (!parsed.ok) {
      problems.push(`Its sidecar ${name} was skipped: ${parsed.reason}`);
      return 'damaged';
    }
    return metadataFromXmp(parsed.groups);
  } catch (error) {
    problems.push(`Its sidecar ${name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return 'damaged';
  } finally {
    await handle.close();
  }
}

/**
 * Everything other tools said about the file at `file`, reconciled (metadata-precedence.ts).
 * `bytes` is the file's content when it is in memory and of a format with embedded metadata.
 */
export async function readFileMetadata(file: Buffer, bytes: Buffer | null, format: string | null): Promise<FileMetadataReading> {
  const problems: string[] = [];
  const locations: LocatedMetadata[] = [];
  let sidecarPath: Buffer | null = null;
  const candidates = sidecarCandidates(file);
  // Candidates come in pairs (`.xmp`, `.XMP`); on a case-insensitive file system they are one
  // file, so the second is only tried when the first is absent.
  for (let i = 0; i < candidates.length; i += 2) {
    let candidate = candidates[i] as Buffer;
    let sidecar = await readSidecar(candidate, problems);
    if (sidecar === 'absent') {
      candidate = candidates[i + 1] as Buffer;
      sidecar = await readSidecar(candidate, problems);
    }
    if (sidecar === 'absent') continue;
    sidecarPath ??= candidate;
    if (sidecar !== 'damaged') locations.push({ location: 'sidecar', metadata: sidecar });
  }
  if (bytes !== null && format !== null && EMBEDDED_METADATA_FORMATS.has(format)) {
    const embedded = await readEmbedded(bytes, format, problems);
    if (embedded !== null) locations.push({ location: 'embedded', metadata: embedded });
  }
  return { metadata: reconcileLocations(locations), sidecarPath: sidecarPath?.toString('utf8') ?? null, problems };
}
