import { FolioError } from '../../../shared/errors.js';
import { THUMBNAIL_SIZES, type ThumbnailSize } from '../../../shared/media.js';
import { wantsDownload } from './rendition.js';

export type MediaRequest = { id: number; kind: 'original'; download?: boolean } | { id: number; kind: 'thumbnail'; size: ThumbnailSize };

// Media are addressed by item id and size only. The grammar is checked on the raw, undecoded
// path, so `%2e%2e`, `%2f`, `%5c`, `%00`, doubly encoded dots or an absolute/UNC path can't
// even reach a decoder: anything that is not exactly this shape is refused.
const MEDIA_PATH = /^\/([1-9][0-9]{0,15})\/(?:original|thumb\/([0-9]{1,4}))\/?$/;

/**
 * Parses the part of a media URL after its base (`/42/thumb/512`, `/42/original`). A query
 * string is allowed and ignored (the UI may add `?v=<md5>` to bust caches), except
 * `?download` on an original, which asks for the file itself rather than a rendition.
 */
export function parseMediaPath(rawPath: string): MediaRequest {
  const pathOnly = rawPath.split('?', 1)[0] ?? '';
  const match = MEDIA_PATH.exec(pathOnly);
  if (!match) throw new FolioError('NOT_FOUND', 'No such media URL: media are addressed as /<id>/original or /<id>/thumb/<size>');
  const id = Number(match[1]);
  if (!Number.isSafeInteger(id)) throw new FolioError('NOT_FOUND', 'No such media item');
  if (match[2] === undefined) return wantsDownload(rawPath) ? { id, kind: 'original', download: true } : { id, kind: 'original' };
  const size = Number(match[2]);
  if (!(THUMBNAIL_SIZES as readonly number[]).includes(size)) {
    throw new FolioError('NOT_FOUND', `Thumbnails come in sizes ${THUMBNAIL_SIZES.join(', ')}`);
  }
  return { id, kind: 'thumbnail', size: size as ThumbnailSize };
}
