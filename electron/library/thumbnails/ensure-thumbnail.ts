import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { FolioError } from '../../../shared/errors.js';
import type { ThumbnailSize } from '../../../shared/media.js';
import type { Db } from '../db/connection.js';
import { getThumbnailSource, hasThumbnail, upsertThumbnails, type ThumbnailSource } from '../db/import-repo.js';
import { joinLocation } from '../db/media-location.js';
import { extractPosterFrame } from '../import/probe-av.js';
import { resolveTool } from '../import/run-tool.js';
import { SNIFF_BYTES, sniffFormat } from '../import/sniff-format.js';
import { DEFAULT_DECODE_TIMEOUT_SECONDS, DEFAULT_PIXEL_LIMIT } from '../library.js';
import type { LibraryPaths } from '../paths.js';
import type { LibraryOptions } from '../service/types.js';
import { isRawFormat } from '../formats/sniff-raw.js';
import { decodeStill } from './decode-still.js';
import { developRaw } from './develop-raw.js';
import { decodeForThumbnails, writeThumbnails } from './render-thumbnails.js';
import { thumbnailPath } from './thumbnail-paths.js';

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
 * The cache path of an item's thumbnail of `size`, rebuilt from the original file first if the
 * cached file (or its record) is gone. NOT_FOUND when the item does not exist or cannot have
 * thumbnails (not an image or video, damaged, unsupported), or when the original is missing
 * or has changed since it was imported (a rescan sorts that out).
 */
export async function ensureThumbnail(lib: ThumbnailLibrary, mediaId: number, size: ThumbnailSize): Promise<string> {
  const item = getThumbnailSource(lib.db, mediaId);
  if (!item) throw new FolioError('NOT_FOUND', `Media item ${mediaId} was not found`, { field: 'id' });
  const md5 = item.md5;
  const canHave = md5 !== null && (item.type === 'image' || item.type === 'video') && ['ok', 'damaged'].includes(item.file_state);
  if (!canHave) throw new FolioError('NOT_FOUND', `Media item ${mediaId} has no thumbnails`, { field: 'id' });
  const target = thumbnailPath(lib.paths, md5, size);
  if (hasThumbnail(lib.db, md5, size) && fs.existsSync(target)) return target;
  let job = rebuilding.get(md5);
  if (!job) {
    job = rebuild(lib, item, md5).finally(() => rebuilding.delete(md5));
    rebuilding.set(md5, job);
  }
  await job;
  return target;
}

async function rebuild(lib: ThumbnailLibrary, item: ThumbnailSource, md5: string): Promise<void> {
  if (item.availability !== 'present') {
    throw new FolioError('NOT_FOUND', `The thumbnail of item ${item.id} cannot be rebuilt: its file is ${item.availability}`, { field: 'id' });
  }
  const file = joinLocation(item.folder_path, item.rel_path);
  const limits = {
    pixelLimit: lib.options?.pixelLimit ?? DEFAULT_PIXEL_LIMIT,
    timeoutSeconds: lib.options?.decodeTimeoutSeconds ?? DEFAULT_DECODE_TIMEOUT_SECONDS,
  };
  let source: Buffer;
  if (item.type === 'video') {
    const ffmpeg = resolveTool(lib.options?.ffmpegPath, 'ffmpeg');
    const frame = ffmpeg === null ? null : await readOriginal(file, () => extractPosterFrame(ffmpeg, file, null));
    if (frame === null) throw new FolioError('NOT_FOUND', `No thumbnail can be made for video ${item.id} (is ffmpeg installed?)`);
    source = frame;
  } else {
    source = await readOriginal(file, () => fs.promises.readFile(file));
    // Named by content: if the bytes changed since the import, these thumbnails would lie.
    if (createHash('md5').update(source).digest('hex') !== md5) {
      throw new FolioError('NOT_FOUND', `The file of item ${item.id} changed since it was imported; rescan its folder`);
    }
  }
  // HEVC HEIC and RAW need their own decoders; the format comes from the bytes, as at import.
  const format = sniffFormat(source.subarray(0, SNIFF_BYTES)).format;
  const dcraw = isRawFormat(format) ? resolveTool(lib.options?.dcrawPath, 'dcraw_emu') : null;
  const develop = dcraw === null ? undefined : () => developRaw(dcraw, file, limits);
  const decoded = item.type === 'video' ? await decodeForThumbnails(source, limits) : await decodeStill(source, format, limits, develop);
  const thumbnails = await writeThumbnails(decoded, md5, lib.paths);
  lib.db.transaction(() => upsertThumbnails(lib.db, md5, thumbnails))();
}

async function readOriginal<T>(file: Buffer, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FolioError('NOT_FOUND', `${file.toString('utf8')} is missing`, { cause });
    if (code === 'EACCES' || code === 'EPERM') throw new FolioError('PERMISSION_DENIED', `${file.toString('utf8')} cannot be read`, { cause });
    throw new FolioError('IO_ERROR', `${file.toString('utf8')} could not be read: ${(cause as Error).message}`, { cause });
  }
}
