/**
 * The editable fields of one item: a PATCH, a PUT (omitted fields cleared) and a metadata merge
 * all come down to "write these columns, maybe replace the tags", in one transaction.
 */
import { assertInside, parseCoordinates } from '../../../shared/coordinates.js';
import { FolioError, notFound } from '../../../shared/errors.js';
import { type JsonObject, validateMetadata } from '../../../shared/metadata.js';
import type { MediaPatch, MediaReplacement } from '../../../shared/schemas.js';
import type { Db } from '../db/connection.js';
import type { MediaRow } from '../db/media-columns.js';
import { type EditableUpdate, getMediaRow, updateEditableFields } from '../db/media-repo.js';
import { readStoredMetadata } from '../items/stored-metadata.js';
import { replaceUserTags } from './tag-edits.js';

export function requireRow(db: Db, id: number): MediaRow {
  const row = getMediaRow(db, id);
  if (!row) throw notFound(`Item ${id}`, 'id');
  return row;
}

/** Applies a patch (already validated by the schema) to one item. Call inside a transaction. */
export function applyPatch(db: Db, id: number, patch: MediaPatch, actor: string, now: string): { tagsChanged: boolean } {
  const row = requireRow(db, id);
  const fields: EditableUpdate = {};
  if (patch.name !== undefined) fields.name = patch.name;
  if (patch.description !== undefined) fields.description = patch.description;
  if (patch.metadata !== undefined) fields.metadata = JSON.stringify(patch.metadata);
  if (patch.customCoordinates !== undefined) {
    if (patch.customCoordinates !== null) {
      // The rect is in pixels of the upright image, which is what width/height hold.
      assertInside(parseCoordinates(patch.customCoordinates), row.width, row.height);
    }
    fields.customCoordinates = patch.customCoordinates;
  }
  if (patch.rating !== undefined) fields.rating = patch.rating;
  if (patch.label !== undefined) fields.label = patch.label;
  if (patch.flag !== undefined) fields.flag = patch.flag;
  updateEditableFields(db, id, fields, actor, now);
  if (patch.tags === undefined) return { tagsChanged: false };
  return { tagsChanged: replaceUserTags(db, id, patch.tags, actor, now).updated > 0 };
}

/** A PUT: `name` given, every other editable field reset to empty unless given. */
export function replacementPatch(fields: MediaReplacement): MediaPatch {
  return {
    name: fields.name,
    description: fields.description ?? '',
    tags: fields.tags ?? [],
    metadata: fields.metadata ?? {},
    customCoordinates: fields.customCoordinates ?? null,
    rating: fields.rating ?? 0,
    label: fields.label ?? 'none',
    flag: fields.flag ?? 'none',
  };
}

/** Current metadata with `set` written over it and `remove` taken out, within the limits. */
export function mergedMetadata(stored: string, set: JsonObject | undefined, remove: readonly string[] | undefined): JsonObject {
  if (set === undefined && (remove === undefined || remove.length === 0)) {
    throw new FolioError('INVALID_ARGUMENT', 'Give metadata keys to set or to remove', { field: 'set' });
  }
  const setting = new Set(Object.keys(set ?? {}));
  const clash = (remove ?? []).findIndex((key) => setting.has(key));
  if (clash >= 0) {
    throw new FolioError('INVALID_ARGUMENT', `"${remove?.[clash]}" cannot be both set and removed`, { field: `remove[${clash}]` });
  }
  const merged = readStoredMetadata(stored);
  for (const key of setting) merged[key] = (set as JsonObject)[key] as JsonObject[string];
  for (const key of remove ?? []) delete merged[key];
  // The merge may push an item over the size limit even though each part was within it.
  return validateMetadata(merged, 'set');
}
