/** What Folio says about an item in a file's metadata (its sidecar, or an export's copy), read from the library. */
import type { Db } from '../db/connection.js';
import { getMediaRows } from '../db/media-repo.js';
import { userTagsOf } from '../db/media-tag-repo.js';
import type { SidecarItem } from './sidecar-content.js';

/**
 * What Folio says about each item (its tags, curating, name, description, focus area), in two
 * queries: the sidecar writer loads a batch at once (queries per item, on the thread that serves
 * the UI, add up over 10,000 writes).
 */
export function sidecarItemsOf(db: Db, mediaIds: readonly number[]): Map<number, SidecarItem> {
  const tags = new Map<number, string[]>();
  for (const row of userTagsOf(db, mediaIds)) {
    const list = tags.get(row.media_id);
    if (list) list.push(row.name);
    else tags.set(row.media_id, [row.name]);
  }
  const items = new Map<number, SidecarItem>();
  for (const row of getMediaRows(db, mediaIds)) {
    items.set(row.id, {
      tags: tags.get(row.id) ?? [],
      rating: row.rating,
      label: row.label,
      flag: row.flag,
      name: row.name,
      originalName: row.originalName,
      description: row.description,
      customCoordinates: row.customCoordinates,
      width: row.width,
      height: row.height,
    });
  }
  return items;
}

/** One item's; undefined when it is gone. */
export function sidecarItemOf(db: Db, mediaId: number): SidecarItem | undefined {
  return sidecarItemsOf(db, [mediaId]).get(mediaId);
}
