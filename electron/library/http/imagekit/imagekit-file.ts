import type { AiTag, MediaItem, ThumbnailInfo } from '../../../../shared/media.js';

/**
 * An item in ImageKit's words (its `File` object, as `@imagekit/nodejs` types it). Folio's
 * confidences are 0–1; ImageKit's are 0–100. Empty tag lists are `null`, as ImageKit sends them.
 */
export interface ImageKitAiTag {
  name: string;
  confidence: number;
  source: string;
}

export interface ImageKitFile {
  fileId: string;
  type: 'file';
  name: string;
  filePath: string;
  fileType: 'image' | 'non-image';
  tags: string[] | null;
  AITags: ImageKitAiTag[] | null;
  customCoordinates: string | null;
  customMetadata: Record<string, unknown>;
  description: string;
  mime: string | null;
  size: number;
  width: number | null;
  height: number | null;
  hasAlpha: boolean;
  duration?: number;
  thumbnail: string;
  url: string;
  isPrivateFile: false;
  isPublished: true;
  createdAt: string;
  updatedAt: string;
}

/** ImageKit's confidence scale, kept to two decimals so 0.6 reads 60, not 60.00000000000001. */
export function toPercent(confidence: number): number {
  return Math.round(confidence * 10_000) / 100;
}

export function toImageKitAiTags(tags: readonly AiTag[]): ImageKitAiTag[] | null {
  if (tags.length === 0) return null;
  return tags.map(({ name, confidence, source }) => ({ name, confidence: toPercent(confidence), source }));
}

/** The thumbnail a media-library view would show: 512 px when rendered, else the nearest one. */
function thumbnailUrl(thumbnails: readonly ThumbnailInfo[], fallback: string): string {
  const preferred = [...thumbnails].sort((a, b) => Math.abs(a.size - 512) - Math.abs(b.size - 512))[0];
  return preferred?.url ?? fallback;
}

export function toImageKitFile(item: MediaItem): ImageKitFile {
  return {
    fileId: String(item.id),
    type: 'file',
    name: item.name,
    filePath: item.path,
    fileType: item.type === 'image' ? 'image' : 'non-image',
    tags: item.tags.length === 0 ? null : item.tags,
    AITags: toImageKitAiTags(item.aiTags),
    customCoordinates: item.customCoordinates,
    customMetadata: item.metadata,
    description: item.description,
    mime: item.mime,
    size: item.size,
    width: item.width,
    height: item.height,
    hasAlpha: item.hasAlpha ?? false,
    ...(item.duration === null ? {} : { duration: item.duration }),
    thumbnail: thumbnailUrl(item.thumbnails, item.originalUrl),
    url: item.originalUrl,
    // Nothing in a local library is published anywhere or access-controlled per file.
    isPrivateFile: false,
    isPublished: true,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
