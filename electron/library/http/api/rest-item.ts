import type { AiTag, MediaItem } from '../../../../shared/media.js';

/**
 * An item as the REST API shows it, in the seed documents' words: `AITags` for the AI tags and
 * `url` for the original. Thumbnail URLs and `url` are absolute (`http://127.0.0.1:<port>/media/…`)
 * so a script can fetch them as they are.
 */
export type RestMediaItem = Omit<MediaItem, 'aiTags' | 'originalUrl'> & { AITags: AiTag[]; url: string };

export function toRestItem(item: MediaItem): RestMediaItem {
  const { aiTags, originalUrl, ...rest } = item;
  return { ...rest, AITags: aiTags, url: originalUrl };
}
