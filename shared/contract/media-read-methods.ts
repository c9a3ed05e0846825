/** Reading items: one, many, a filtered and sorted list (by keyset pages or by windows of positions), the scrubber's counts, tiles, what came from files, similar items and duplicates. */
import { z } from 'zod';
import { MAX_NEAR_DISTANCE, type DuplicateGroup, type SimilarItem } from '../duplicates.js';
import type { MediaItem, MediaTile } from '../media.js';
import type { ItemFileMetadata } from '../file-metadata.js';
import type { MetadataExportRow } from '../metadata-export.js';
import { Id, IdList, MAX_PAGE, MediaFilter, MediaSort } from '../schemas.js';
import type { SortBuckets } from '../sort-buckets.js';
import { ViewWindowArgs, type ViewWindow } from '../view-selection.js';
import { method, returns, Page, type MethodSpec } from './method.js';

export interface ListResult {
  items: MediaItem[];
  nextCursor: string | null;
  total?: number;
}

export const mediaReadMethods = {
  'media.get': method('read', z.strictObject({ id: Id }), returns<MediaItem>(), 'One item'),
  'media.getMany': method(
    'read',
    z.strictObject({ ids: z.array(Id).min(1).max(MAX_PAGE) }),
    returns<MediaItem[]>(),
    'Several items by id, in the order asked (unknown ids are left out)',
  ),
  'media.list': method(
    'read',
    z.strictObject({
      filter: MediaFilter.optional(),
      sort: MediaSort.optional(),
      cursor: z.string().max(1_000).optional(),
      limit: Page.optional(),
      withTotal: z.boolean().optional(),
    }),
    returns<ListResult>(),
    'Filtered, sorted items with keyset paging',
  ),
  'media.listIds': method(
    'read',
    z.strictObject({ filter: MediaFilter.optional(), sort: MediaSort.optional() }),
    returns<{ ids: number[] }>(),
    'Every matching id in order, for the virtualised gallery',
  ),
  'media.sortBuckets': method(
    'read',
    z.strictObject({ filter: MediaFilter.optional(), sort: MediaSort.optional() }),
    returns<SortBuckets>(),
    'The view counted by month, first letter or size band, in its order (the gallery scrubber)',
  ),
  'media.tiles': method(
    'read',
    z.strictObject({ ids: z.array(Id).min(1).max(5_000) }),
    returns<MediaTile[]>(),
    'What gallery tiles need for the given ids',
  ),
  'media.similar': method(
    'read',
    z.strictObject({
      id: Id,
      maxDistance: z.number().int().min(0).max(MAX_NEAR_DISTANCE).optional(),
      limit: z.number().int().min(1).max(MAX_PAGE).optional(),
    }),
    returns<{ hashed: boolean; items: SimilarItem[] }>(),
    'Pictures that look like this one (perceptual hash), closest first',
  ),
  'duplicates.list': method(
    'read',
    z.strictObject({ maxDistance: z.number().int().min(0).max(MAX_NEAR_DISTANCE).optional() }),
    returns<{ groups: DuplicateGroup[]; unhashed: number }>(),
    'Groups of exact (same content) and near (look the same) duplicates',
  ),
  'media.fileMetadata': method('read', z.strictObject({ id: Id }), returns<ItemFileMetadata>(), "What the item took from its file and sidecar, and its sidecar's state"),
  'media.exportMetadata': method('read', z.strictObject({ ids: IdList }), returns<MetadataExportRow[]>(), 'One export row per item (CSV/JSON export): tags as paths, AI tags, curating, albums, custom and detected fields'),
  // Issue 18, ids at scale: the gallery reads a view by windows of positions.
  'media.listIdsWindow': method(
    'read',
    ViewWindowArgs,
    returns<ViewWindow>(),
    'The ids at positions offset…offset+limit of a view and its total, for a gallery that never holds every id',
  ),
} as const satisfies Record<string, MethodSpec>;
