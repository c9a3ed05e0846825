import type { ThumbnailSize } from './media.js';

/**
 * Media are addressed by item id and size, never by a path: the renderer cannot name a file.
 * Electron serves them on `media://item/…`, browser mode on `/media/…`; only the base differs.
 */
export interface MediaUrlBuilder {
  thumbnail(id: number, size: ThumbnailSize): string;
  original(id: number): string;
}

export function mediaUrlBuilder(base: string): MediaUrlBuilder {
  const root = base.endsWith('/') ? base.slice(0, -1) : base;
  return {
    thumbnail: (id, size) => `${root}/${id}/thumb/${size}`,
    original: (id) => `${root}/${id}/original`,
  };
}

export const ELECTRON_MEDIA_BASE = 'media://item';
export const HTTP_MEDIA_BASE = '/media';
