import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { libraryPaths } from '../base/paths.js';
import { differenceHash } from '../thumbnails/perceptual-hash.js';
import { isRawFormat } from '../formats/sniff-raw.js';
import { developRaw } from '../thumbnails/develop-raw.js';
import { decodeForThumbnails, writeThumbnails, type DecodedImage } from '../thumbnails/render-thumbnails.js';
import { NO_EXIF, readExif, type ExifFields } from './exif-fields.js';
import { errorMessage, fileErrorReason, isVanished } from '../base/file-errors.js';
import { extractPosterFrame, probeAv } from '../tools/probe-av.js';
import { probeImage } from './probe-image.js';
import { readFileMetadata } from '../metadata/read-file-metadata.js';
import type { FileMetadataReading } from '../metadata/file-metadata.js';
import { SNIFF_BYTES, sniffFormat, type SniffedFormat } from '../formats/sniff-format.js';
import type { ProbeResult, ProbeTask, WorkerConfig, WorkerReply } from './worker-messages.js';

/** Files up to this size are read into memory once; larger ones are hashed as a stream. */
const IN_MEMORY_LIMIT = 64 * 1024 * 1024;
/** Images are decoded from memory, so they are read whole up to this size. */
const IMAGE_IN_MEMORY_LIMIT = 1024 * 1024 * 1024;

// Formats exifr reads; for the rest it would only spend time failing.
const EXIF_FORMATS = new Set(['jpeg', 'tiff', 'heic', 'heif', 'avif', 'png', 'webp']);

type Content = { bytes: Buffer; size: number; md5: string; head: Buffer } | { bytes: null; size: number; md5: string; head: Buffer };

async function readHead(file: Buffer): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function hashStream(file: Buffer): Promise<{ md5: string; size: number }> {
  const hash = createHash('md5');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { md5: hash.digest('hex'), size };
}

/** Reads the file once: whole into memory when it is small enough or an image, else streamed for the hash. */
async function readContent(file: Buffer): Promise<Content> {
  const stat = await fs.promises.stat(file);
  if (stat.size <= IN_MEMORY_LIMIT) {
    const bytes = await fs.promises.readFile(file);
    return { bytes, size: bytes.length, md5: createHash('md5').update(bytes).digest('hex'), head: bytes.subarray(0, SNIFF_BYTES) };
  }
  const head = await readHead(file);
  if (sniffFormat(head).type === 'image' && stat.size <= IMAGE_IN_MEMORY_LIMIT) {
    const bytes = await fs.promises.readFile(file);
    return { bytes, size: bytes.length, md5: createHash('md5').update(bytes).digest('hex'), head };
  }
  return { bytes: null, head, ...(await hashStream(file)) };
}

function baseResult(size: number, md5: string | null, sniffed: SniffedFormat): ProbeResult {
  return {
    size,
    md5,
    type: sniffed.type,
    mime: sniffed.mime,
    format: sniffed.format,
    fileState: 'ok',
    stateReason: null,
    width: null,
    height: null,
    mode: null,
    hasAlpha: null,
    ...NO_EXIF,
    duration: null,
    thumbnailsFollow: false,
  };
}

const UNKNOWN_FORMAT: SniffedFormat = { type: 'other', format: null, mime: null };

/**
 * Examines one file: reads it once, hashes those bytes, sniffs the type from them, then reads
 * EXIF, the image header and decodes once (images) or asks ffprobe/ffmpeg (video, audio).
 * Posts `probed` as soon as the row's facts are known, then `thumbnails` when they are written.
 */
export async function probeFile(task: ProbeTask, config: WorkerConfig, post: (reply: WorkerReply) => void): Promise<void> {
  const file = Buffer.from(task.path.buffer, task.path.byteOffset, task.path.byteLength);
  let content: Content;
  try {
    content = await readContent(file);
  } catch (error) {
    if (isVanished(error)) {
      post({ kind: 'vanished', taskId: task.taskId, reason: fileErrorReason(error) });
      return;
    }
    const result = baseResult(0, null, UNKNOWN_FORMAT);
    post({ kind: 'probed', taskId: task.taskId, result: { ...result, fileState: 'unreadable', stateReason: fileErrorReason(error) } });
    return;
  }
  if (content.size === 0) {
    const result = baseResult(0, null, UNKNOWN_FORMAT);
    post({ kind: 'probed', taskId: task.taskId, result: { ...result, fileState: 'empty', stateReason: 'The file is empty (0 bytes)' } });
    return;
  }
  const sniffed = sniffFormat(content.head);
  const result = baseResult(content.size, content.md5, sniffed);
  let decoded: DecodedImage | null = null;
  if (sniffed.type === 'image' && content.bytes !== null) {
    decoded = await examineImage(content.bytes, sniffed, config, result);
    if (decoded === null && isRawFormat(sniffed.format) && result.fileState === 'unsupported') {
      if (config.dcrawPath) decoded = await developInstead(config.dcrawPath, file, config, result);
      else result.stateReason = `${result.stateReason ?? ''}; LibRaw's tools (Debian: libraw-bin) would develop it`;
    }
  } else if (sniffed.type === 'image') {
    Object.assign(result, { fileState: 'oversized', stateReason: 'The file is too large to decode (over 1 GB)' });
  } else if (sniffed.type === 'video' || sniffed.type === 'audio') {
    decoded = await examineAudioVideo(file, config, result);
  }
  result.thumbnailsFollow = decoded !== null;
  const metadata = config.readFileMetadata === false ? null : await readMetadataOf(file, sniffed.type === 'image' ? content.bytes : null, sniffed.format);
  post({ kind: 'probed', taskId: task.taskId, result, metadata });
  if (decoded === null) return;
  try {
    const thumbnails = await writeThumbnails(decoded, content.md5, libraryPaths(config.libraryRoot));
    // A video's poster frame is not the video: near-duplicates are found among pictures.
    const perceptualHash = sniffed.type === 'image' ? await differenceHash(decoded) : null;
    post({ kind: 'thumbnails', taskId: task.taskId, md5: content.md5, thumbnails, error: null, perceptualHash });
  } catch (error) {
    post({ kind: 'thumbnails', taskId: task.taskId, md5: content.md5, thumbnails: null, error: errorMessage(error) });
  }
}

/** Keywords, ratings, captions from the file and its sidecars; a failure here never fails the probe. */
async function readMetadataOf(file: Buffer, bytes: Buffer | null, format: string | null): Promise<FileMetadataReading | null> {
  try {
    return await readFileMetadata(file, bytes, format);
  } catch {
    return null;
  }
}

async function examineImage(bytes: Buffer, sniffed: SniffedFormat, config: WorkerConfig, result: ProbeResult): Promise<DecodedImage | null> {
  const exif: ExifFields = sniffed.format !== null && EXIF_FORMATS.has(sniffed.format) ? await readExif(bytes) : NO_EXIF;
  const limits = { pixelLimit: config.pixelLimit, timeoutSeconds: config.decodeTimeoutSeconds };
  const probe = await probeImage(bytes, sniffed.format, exif.orientation, limits);
  Object.assign(result, probe.camera ?? exif, probe.facts, { fileState: probe.state, stateReason: probe.reason });
  if (probe.facts.orientation === null) result.orientation = exif.orientation;
  return probe.decoded;
}

/** A RAW without a usable preview, developed by LibRaw: its picture, or the reason there is none. */
async function developInstead(tool: string, file: Buffer, config: WorkerConfig, result: ProbeResult): Promise<DecodedImage | null> {
  const developed = await developRaw(tool, file, { pixelLimit: config.pixelLimit, timeoutSeconds: config.decodeTimeoutSeconds });
  if (!developed.ok) {
    result.stateReason = `${result.stateReason ?? ''}; ${developed.reason}`;
    return null;
  }
  const damaged = developed.complaint !== null;
  Object.assign(result, {
    mode: 'srgb',
    hasAlpha: false,
    fileState: damaged ? 'damaged' : 'ok',
    stateReason: damaged ? `LibRaw developed the RAW data but reported damage (${developed.complaint}); the thumbnails show what it could read` : null,
  });
  return developed.decoded;
}

async function examineAudioVideo(file: Buffer, config: WorkerConfig, result: ProbeResult): Promise<DecodedImage | null> {
  // Without ffprobe the file is still recorded (type from its bytes); its duration stays unknown.
  if (config.ffprobePath === null) return null;
  const probe = await probeAv(config.ffprobePath, file);
  if (!probe.ok) {
    Object.assign(result, { fileState: 'damaged', stateReason: probe.reason });
    return null;
  }
  const { facts } = probe;
  Object.assign(result, { duration: facts.duration, width: facts.width, height: facts.height });
  if (result.type === 'video' && !facts.hasVideo) {
    // An MP4/WebM container holding only sound is audio to the person looking at it.
    result.type = 'audio';
    result.mime = result.mime?.replace(/^video\//, 'audio/') ?? null;
  }
  if (result.type !== 'video' || config.ffmpegPath === null) return null;
  try {
    const frame = await extractPosterFrame(config.ffmpegPath, file, facts.duration);
    if (frame === null) return null;
    return await decodeForThumbnails(frame, { pixelLimit: config.pixelLimit, timeoutSeconds: config.decodeTimeoutSeconds });
  } catch {
    return null; // a video without a poster frame is still a fine video
  }
}
