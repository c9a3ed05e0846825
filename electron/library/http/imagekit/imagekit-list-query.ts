/**
 * `GET /v1/files` (the SDK's `assets.list`): ImageKit's query parameters as Folio's list filter,
 * sort and an offset page. What has no Folio meaning is a 400 naming the parameter.
 */
import { FolioError } from '../../../../shared/errors.js';
import type { LibraryFolder } from '../../../../shared/media.js';
import { NON_IMAGE_TYPES, parseImageKitSearchQuery, type SearchQueryFilter } from './imagekit-search-query.js';

export const IMAGEKIT_LIST_PARAMS = ['limit', 'skip', 'searchQuery', 'tags', 'sort', 'type', 'fileType', 'path'] as const;
export const DEFAULT_LIST_LIMIT = 1_000;
export const MAX_LIST_LIMIT = 1_000;

/** ImageKit's sort names onto Folio's sort fields; `CREATED` is when the item entered the library. */
const SORTS: Readonly<Record<string, { field: 'name' | 'addedAt' | 'size'; direction: 'asc' | 'desc' }>> = {
  ASC_NAME: { field: 'name', direction: 'asc' },
  DESC_NAME: { field: 'name', direction: 'desc' },
  ASC_CREATED: { field: 'addedAt', direction: 'asc' },
  DESC_CREATED: { field: 'addedAt', direction: 'desc' },
  ASC_SIZE: { field: 'size', direction: 'asc' },
  DESC_SIZE: { field: 'size', direction: 'desc' },
};

export interface ImageKitListRequest {
  filter: SearchQueryFilter & { folderId?: number };
  sort: { field: 'name' | 'addedAt' | 'size'; direction: 'asc' | 'desc' };
  skip: number;
  limit: number;
  /** `type=folder`: Folio has library folders, not ImageKit's folder assets; the list is empty. */
  empty: boolean;
}

function bad(field: string, message: string): FolioError {
  return new FolioError('INVALID_ARGUMENT', message, { field });
}

function wholeNumber(query: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^[0-9]{1,9}$/.test(raw)) throw bad(name, `${name} must be a whole number from ${min} to ${max}`);
  const value = Number(raw);
  if (value < min || value > max) throw bad(name, `${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/** `path` is a library folder's path (or `/` for all of them); items under it, not below it. */
function folderFilter(path: string | null, folders: () => Promise<LibraryFolder[]>): Promise<number | undefined> | undefined {
  if (path === null || path === '' || path === '/') return undefined;
  return folders().then((list) => {
    const trimmed = path.replace(/\/+$/, '');
    const folder = list.find((candidate) => candidate.path.replace(/\/+$/, '') === trimmed);
    if (!folder) {
      throw bad('path', `path must be "/" or one of the library's folders (${list.map((f) => f.path).join(', ') || 'none yet'})`);
    }
    return folder.id;
  });
}

export async function imagekitListRequest(query: URLSearchParams, folders: () => Promise<LibraryFolder[]>): Promise<ImageKitListRequest> {
  for (const name of new Set(query.keys())) {
    if (!(IMAGEKIT_LIST_PARAMS as readonly string[]).includes(name)) {
      throw bad(name, `Unknown query parameter "${name}"; Folio understands ${IMAGEKIT_LIST_PARAMS.join(', ')}`);
    }
  }
  const limit = wholeNumber(query, 'limit', 1, MAX_LIST_LIMIT, DEFAULT_LIST_LIMIT);
  const skip = wholeNumber(query, 'skip', 0, 1_000_000_000, 0);

  const sortName = query.get('sort') ?? 'ASC_CREATED';
  const sort = SORTS[sortName];
  if (!sort) throw bad('sort', `sort must be one of ${Object.keys(SORTS).join(', ')} (Folio has no ${sortName})`);

  const type = query.get('type') ?? 'file';
  if (!['file', 'all', 'folder'].includes(type)) throw bad('type', `type must be "file", "all" or "folder" (Folio keeps no file versions)`);

  const fileType = query.get('fileType') ?? 'all';
  if (!['all', 'image', 'non-image'].includes(fileType)) throw bad('fileType', 'fileType must be "all", "image" or "non-image"');

  const searchQuery = query.get('searchQuery');
  // As in ImageKit, a searchQuery overrides the `tags` and `type` parameters.
  const filter: ImageKitListRequest['filter'] =
    searchQuery !== null && searchQuery.trim() !== ''
      ? parseImageKitSearchQuery(searchQuery)
      : {
          ...(query.get('tags') ? { tagsAny: (query.get('tags') ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '') } : {}),
        };
  if (fileType !== 'all') {
    const types = fileType === 'image' ? ['image' as const] : NON_IMAGE_TYPES;
    filter.type = filter.type === undefined ? types : filter.type.filter((t) => types.includes(t));
  }
  const folderId = await folderFilter(query.get('path'), folders);
  if (folderId !== undefined) filter.folderId = folderId;
  const empty = type === 'folder' || (filter.type !== undefined && filter.type.length === 0);
  return { filter, sort, skip, limit, empty };
}
