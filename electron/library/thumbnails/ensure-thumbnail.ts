import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { FolioError } from '../../../shared/errors.js';
import type { ThumbnailSize } from '../../../shared/media.js';
import { DEFAULT_DECODE_TIMEOUT_SECONDS, DEFAULT_PIXEL_LIMIT, type LibraryOptions } from '../base/options.js';
import type { LibraryPaths } from '../base/paths.js';
import type { Db } from '../db/connection.js';
import { getMediaLocation, type MediaLocation } from '../db/media-repo.js';
import { hasThumbnail, upsertThumbnails } from '../db/thumbnail-repo.js';
import { checkOriginal, readOriginal } from '../base/original-file.js';
import { extractPosterFrame } from '../tools/probe-av.js';
import { resolveTool } from '../tools/run-tool.js';
import { SNIFF_BYTES, sniffFormat } from '../formats/sniff-format.js';
import { isRawFormat } from '../formats/sniff-raw.js';
import { decodeStill } from './decode-still.js';
import { developRaw } from './develop-raw.js';
import { decodeForThumbnails, writeThumbnails } from './render-thumbnails.js';
import { thumbnailPath } from '../base/thumbnail-paths.js';

/** What ensureThumbnail needs of a library (a `Library` or a handler's `LibraryContext`). */
export interface ThumbnailLibrary {
  db: Db;
  paths: LibraryPaths;
  options?: LibraryOptions;
}

// Two requests for the same missing thumbnail (a grid asking for 64 and 128 px at once) share
// one rebuild.
const rebuilding = new Map<string, Promise<void>>();

/**
 * Contents that could not be decoded, by md5, with the reason. A damaged 900 MB file cost
 * 5.5 s and 1 GB on every thumbnail request before this; its bytes cannot start decoding by
 * themselves, so the answer holds until the file changes (which changes its md5). Bounded:
 * the oldest entries go first.
 */
const undecodable = new Map<string, string>();
const UNDECODABLE_LIMIT = 10_000;

function rememberUndecodable(md5: string, reason: string): void {
  if (undecodable.size >= UNDECODABLE_LIMIT) undecodable.delete(undecodable.keys().next().value as string);
  undecodable.set(md5, reason);
}

function noThumbnail(mediaId: number, reason: string): FolioError {
  return new FolioError('NOT_FOUND', `No thumbnail can be made for item ${mediaId}: ${reason}`, { field: 'id' });
}

/**
 * The cache path of an item's thumbnail of `size`, rebuilt from the original file first if the
 * cached file (or its record) is gone. NOT_FOUND when the item does not exist or cannot have
 * thumbnails (not an image or video, damaged, unsupported), or when the original is missing
 * or has changed since it was imported (a rescan sorts that out).
 */
export async function ensureThumbnail(lib: ThumbnailLibrary, mediaId: number, size: ThumbnailSize): Promise<string> {
  const item = getMediaLocation(lib.db, mediaId);
  if (!item) throw new FolioError('NOT_FOUND', `Media item ${mediaId} was not found`, { field: 'id' });
  const md5 = item.md5;
  const canHave = md5 !== null && (item.type === 'image' || item.type === 'video') && ['ok', 'damaged'].includes(item.fileState);
  if (!canHave) throw new FolioError('NOT_FOUND', `Media item ${mediaId} has no thumbnails`, { field: 'id' });
  const target = thumbnailPath(lib.paths, md5, size);
  if (hasThumbnail(lib.db, md5, size) && fs.existsSync(target)) return target;
  const known = undecodable.get(md5);
  if (known !== undefined) throw noThumbnail(mediaId, known);
  let job = rebuilding.get(md5);
  if (!job) {
    job = rebuild(lib, item, md5).finally(() => rebuilding.delete(md5));
    rebuilding.set(md5, job);
  }
  await job;
  return target;
}

async function rebuild(lib: ThumbnailLibrary, item: MediaLocation, md5: string): Promise<void> {
  if (item.availability !== 'present') {
    throw new FolioError('NOT_FOUND', `The thumbnail of item ${item.id} cannot be rebuilt: its file is ${item.availability}`, { field: 'id' });
  }
  const limits = {
    pixelLimit: lib.options?.pixelLimit ?? DEFAULT_PIXEL_LIMIT,
    timeoutSeconds: lib.options?.decodeTimeoutSeconds ?? DEFAULT_DECODE_TIMEOUT_SECONDS,
  };
  let source: Buffer;
  if (item.type === 'video') {
    const ffmpeg = resolveTool(lib.options?.ffmpegPath, 'ffmpeg');
    const { realPath } = await checkOriginal(item);
    const frame = ffmpeg === null ? null : await extractPosterFrame(ffmpeg, realPath, null);
    if (frame === null) throw new FolioError('NOT_FOUND', `No thumbnail can be made for video ${item.id} (is ffmpeg installed?)`);
    source = frame;
  } else {
    source = await readOriginal(item);
    // Named by content: if the bytes changed since the import, these thumbnails would lie.
    if (createHash('md5').update(source).digest('hex') !== md5) {
      throw new FolioError('NOT_FOUND', `The file of item ${item.id} changed since it was imported; rescan its folder`);
    }
  }
  // HEVC HEIC and RAW need their own decoders; the format comes from the bytes, as at import.
  const format = sniffFormat(source.subarray(0, SNIFF_BYTES)).format;
  const dcraw = isRawFormat(format) ? resolveTool(lib.options?.dcrawPath, 'dcraw_emu') : null;
  const develop = dcraw === null ? undefined : () => developRaw(dcraw, item.absPath, limits);
  let decoded: Awaited<ReturnType<typeof decodeForThumbnails>>;
  try {
    decoded = item.type === 'video' ? await decodeForThumbnails(source, limits) : await decodeStill(source, format, limits, develop);
  } catch (error) {
    const reason = item.stateReason ?? (error instanceof Error ? error.message : String(error));
    rememberUndecodable(md5, reason);
    throw noThumbnail(item.id, reason);
  }
  const thumbnails = await writeThumbnails(decoded, md5, lib.paths);
  lib.db.transaction(() => upsertThumbnails(lib.db, md5, thumbnails))();
}
