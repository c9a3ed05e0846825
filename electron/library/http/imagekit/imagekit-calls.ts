/**
 * The dialect's reads and writes, each one a contract method called through `callApi` with
 * actor `api`, exactly as the REST routes call them.
 */
import { FolioError } from '../../../../shared/errors.js';
import type { MediaItem } from '../../../../shared/media.js';
import { MAX_PAGE } from '../../../../shared/limits.js';
import { callApi, type ApiContext, type FieldRenames } from '../api/api-call.js';
import { MissingFilesError } from './imagekit-errors.js';

/** ImageKit deletes for good; Folio's trash keeps the item, but to an ImageKit script it is gone. */
export async function activeItem(api: ApiContext, id: number): Promise<MediaItem> {
  const item = await callApi(api, 'media.get', { id });
  if (item.status === 'deleted') {
    throw new FolioError('NOT_FOUND', `File ${id} is in Folio's trash (restore it with POST /api/media/${id}/restore)`, { field: 'fileId' });
  }
  return item;
}

/** Items in the order given, MAX_PAGE per call. */
export async function itemsInOrder(api: ApiContext, ids: readonly number[]): Promise<MediaItem[]> {
  const items: MediaItem[] = [];
  for (let start = 0; start < ids.length; start += MAX_PAGE) {
    items.push(...(await callApi(api, 'media.getMany', { ids: ids.slice(start, start + MAX_PAGE) })));
  }
  return items;
}

/** `"42"` → 42. An id that is not a Folio id at all is as missing as an unknown one. */
export function folioIds(fileIds: readonly string[]): number[] {
  const foreign = fileIds.filter((fileId) => !/^[1-9][0-9]{0,15}$/.test(fileId) || !Number.isSafeInteger(Number(fileId)));
  if (foreign.length > 0) throw new MissingFilesError(foreign);
  return fileIds.map(Number);
}

export const BULK_RENAMES: FieldRenames = [
  ['ids', 'fileIds'],
  ['add', 'tags'],
  ['remove', 'tags'],
  ['names', 'AITags'],
];

/**
 * Runs a bulk write; when the service refuses it because ids are unknown (nothing was changed),
 * answers as ImageKit does, with every missing id in `missingFileIds`.
 */
export async function bulkWrite<T>(api: ApiContext, ids: readonly number[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof FolioError) || error.code !== 'NOT_FOUND') throw error;
    const known = new Set((await itemsInOrder(api, [...new Set(ids)])).map((item) => item.id));
    const missing = ids.filter((id) => !known.has(id)).map(String);
    throw missing.length > 0 ? new MissingFilesError([...new Set(missing)]) : error;
  }
}
