/** What Folio says about an item in a file's metadata (its sidecar, or an export's copy), read from the library. */
import type { Db } from '../db/connection.js';
import { getMediaRow, getMediaRows } from '../db/media-repo.js';
import { userTagsOf } from '../db/media-tag-repo.js';
import type { SidecarItem } from './sidecar-content.js';

/** The item's tags, curating, name, description and focus area; undefined when it is gone. */
export function sidecarItemOf(db: Db, mediaId: number): SidecarItem | undefined {
  const row = getMediaRow(db, mediaId);
  if (!row) return undefined;
  return {
    tags: userTagsOf(db, [mediaId]).map((tag) => tag.name),
    rating: row.rating,
    label: row.label,
    flag: row.flag,
    name: row.name,
    originalName: row.originalName,
    description: row.description,
    customCoordinates: row.customCoordinates,
    width: row.width,
    height: row.height,
  };
}

/**
 * The same for many items in two queries (the sidecar writer loads a batch at once: one query
 * per item, on the thread that serves the UI, adds up over 10,000 writes).
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
