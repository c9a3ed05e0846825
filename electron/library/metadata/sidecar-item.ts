/** What Folio says about an item in a file's metadata (its sidecar, or an export's copy), read from the library. */
import type { Db } from '../db/connection.js';
import { getMediaRow } from '../db/media-repo.js';
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
