import fs from 'node:fs';
import path from 'node:path';
import { FolioError } from '../../../shared/errors.js';
import type { ThumbnailSize } from '../../../shared/media.js';
import type { Db } from '../db/connection.js';
import { getMediaLocation } from '../db/media-repo.js';
import { type FileToServe, MEDIA_CSP } from './file-response.js';
import { fileSystemError } from '../base/file-system-error.js';
import type { MediaRequest } from './media-request.js';
import { isPathInside } from '../base/path-inside.js';
import { checkOriginal } from '../base/original-file.js';
import { needsRendition, RENDITION_SIZE } from './rendition.js';

/** What serving media needs from a library. */
export interface MediaFileSource {
  db: Db;
  /** The thumbnail cache folder; every thumbnail served must really be inside it. */
  thumbnailsDir: string;
  /** The path of the item's thumbnail of that size, made again first if it was deleted. */
  ensureThumbnail(mediaId: number, size: ThumbnailSize): Promise<string>;
}

// Types a browser shows passively. Anything else (HTML, SVG, XML, PDF, scripts…) is sent as an
// attachment, so that opening an original can never run a page in our origin.
const PASSIVE = /^(?:image\/(?:jpeg|png|gif|webp|avif|bmp|tiff|heic|heif|x-icon)|video\/[\w.+-]+|audio\/[\w.+-]+)$/;

async function realPathOf(target: Buffer | string, what: string): Promise<Buffer> {
  try {
    return await fs.promises.realpath(target, { encoding: 'buffer' });
  } catch (cause) {
    throw fileSystemError(cause, what);
  }
}

/**
 * Resolves a media request to a real file, checked to lie inside the thumbnail cache
 * (thumbnails) or, through the one opener of originals (base/original-file), inside its
 * unchanged library folder and unchanged since it was imported. A symlink that leads elsewhere — including into a
 * sibling folder whose name merely starts the same — is refused with FORBIDDEN.
 */
export async function resolveMediaFile(source: MediaFileSource, request: MediaRequest): Promise<FileToServe> {
  if (request.kind === 'original' && request.download !== true && needsRendition(getMediaLocation(source.db, request.id)?.mime ?? null)) {
    return resolveMediaFile(source, { id: request.id, kind: 'thumbnail', size: RENDITION_SIZE });
  }
  if (request.kind === 'thumbnail') {
    const thumb = await source.ensureThumbnail(request.id, request.size);
    const [realThumb, realCache] = await Promise.all([
      realPathOf(thumb, 'The thumbnail'),
      realPathOf(source.thumbnailsDir, 'The thumbnail cache'),
    ]);
    if (!isPathInside(realThumb, realCache)) {
      throw new FolioError('FORBIDDEN', 'The thumbnail lies outside the thumbnail cache');
    }
    return {
      realPath: realThumb,
      contentType: 'image/webp',
      // Thumbnails change only when the file's content does; the UI can add `?v=<md5>` to a URL
      // to see a new one at once, and revalidation is cheap thanks to the ETag.
      cacheControl: 'private, max-age=3600',
      csp: MEDIA_CSP,
      disposition: { kind: 'inline', fileName: `${request.id}-${request.size}.webp` },
      etag: `"${path.basename(thumb, '.webp')}"`,
    };
  }
  const location = getMediaLocation(source.db, request.id);
  if (!location) throw new FolioError('NOT_FOUND', `Media item ${request.id} was not found`);
  const { realPath: realFile } = await checkOriginal(location);
  const mime = location.mime ?? 'application/octet-stream';
  const baseName = location.relPath.toString('utf8').split('/').at(-1) ?? `${request.id}`;
  return {
    realPath: realFile,
    contentType: mime,
    cacheControl: 'private, no-cache',
    csp: MEDIA_CSP,
    disposition: { kind: PASSIVE.test(mime) && request.download !== true ? 'inline' : 'attachment', fileName: baseName },
  };
}
