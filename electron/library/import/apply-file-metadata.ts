/**
 * Bringing what a file's metadata says into its item, inside the import's batch transaction
 * (before the probe's row update, which restamps the item as changed by the import).
 *
 * Never over a later edit made in Folio:
 * - Keywords and people merge: only those the file did not already hold at the last reading
 *   are added (so a tag removed in Folio stays removed while the file keeps it); a keyword
 *   gone from the file stays on the item.
 * - A single value (rating, label, flag, title → name, description) is taken when the file's
 *   value changed since the last reading, and the item was not edited in Folio after the file
 *   (or its sidecar) last changed: the later change wins.
 * Tags are created by `ensureTags`, the one function every tag edit creates tags with, from the
 * keyword's path written with `joinTagPath`, so the tag tree sees its levels.
 */
import { joinTagPath, tagPathKey } from '../../../shared/tag-path.js';
import { tagKey } from '../../../shared/tags.js';
import type { Db } from '../db/connection.js';
import { fileMetadataOf, replaceFileMetadata, type FileMetadataField, type FileMetadataRow } from '../db/file-metadata-repo.js';
import { getMediaRow, updateEditableFields, type EditableUpdate } from '../db/media-repo.js';
import { linkUserTag } from '../db/media-tag-repo.js';
import { touchMedia } from '../db/media-touch-repo.js';
import { replaceFaceRegions } from '../db/face-region-repo.js';
import { ensureTags } from '../db/tag-repo.js';
import type { FileMetadata, MetadataLocation } from '../metadata/file-metadata.js';
import { regionsToPeople } from '../metadata/regions-to-people.js';

export const PEOPLE_BRANCH = 'People';
const ACTOR = 'import';

type Recorded = Omit<FileMetadataRow, 'mediaId'>;

function recordedRows(metadata: FileMetadata, now: string): Recorded[] {
  const rows: Recorded[] = [];
  for (const levels of metadata.keywordPaths) {
    rows.push({ field: 'keyword', value: joinTagPath(levels), location: metadata.sources.keywords[tagPathKey(levels)] ?? 'embedded', readAt: now });
  }
  for (const name of metadata.people) {
    rows.push({ field: 'person', value: joinTagPath([PEOPLE_BRANCH, name]), location: metadata.sources.people[tagPathKey([name])] ?? 'embedded', readAt: now });
  }
  const single = (field: FileMetadataField & keyof FileMetadata, location: MetadataLocation | undefined) => {
    const value = metadata[field];
    if (value !== null && value !== undefined) rows.push({ field, value: String(value), location: location ?? 'embedded', readAt: now });
  };
  single('rating', metadata.sources.rating);
  single('label', metadata.sources.label);
  single('flag', metadata.sources.flag);
  single('title', metadata.sources.title);
  single('description', metadata.sources.description);
  return rows;
}

/**
 * Applies one reading to item `id`; the item's recorded mtime is when its file or sidecar last
 * changed (the scan records the later of the two). Returns whether its tags or fields changed.
 */
export function applyFileMetadata(db: Db, id: number, metadata: FileMetadata, now: string): { tags: boolean; fields: boolean } {
  // A savepoint of its own: should a value still be refused by the database, the item keeps
  // what it had and the import's batch goes on (the caller records nothing changed).
  try {
    return db.transaction(() => applyInside(db, id, metadata, now))();
  } catch (error) {
    console.error(`folio: the file metadata of item ${id} could not be applied`, error);
    return { tags: false, fields: false };
  }
}

function applyInside(db: Db, id: number, metadata: FileMetadata, now: string): { tags: boolean; fields: boolean } {
  const item = getMediaRow(db, id);
  if (!item) return { tags: false, fields: false };
  const previous = fileMetadataOf(db, [id]);
  const rows = recordedRows(metadata, now);
  const heldBefore = new Set(previous.filter((row) => row.field === 'keyword' || row.field === 'person').map((row) => tagKey(row.value)));
  const newTags = rows.filter((row) => (row.field === 'keyword' || row.field === 'person') && !heldBefore.has(tagKey(row.value))).map((row) => row.value);
  let tagsChanged = false;
  for (const tag of ensureTags(db, newTags, now)) {
    if (linkUserTag(db, tag.id, [id], now).length > 0) tagsChanged = true;
  }
  if (tagsChanged) touchMedia(db, [id], ACTOR, now);

  // Edited in Folio after the file last changed: Folio's values stand.
  const editedInFolioLater = item.updatedBy !== ACTOR && item.updatedAt > item.mtime;
  const before = new Map(previous.map((row) => [row.field, row.value]));
  const update: EditableUpdate = {};
  for (const row of rows) {
    if (row.field === 'keyword' || row.field === 'person') continue;
    if (before.get(row.field) === row.value || editedInFolioLater) continue;
    if (row.field === 'rating') update.rating = Number(row.value);
    else if (row.field === 'label') update.label = row.value as EditableUpdate['label'];
    else if (row.field === 'flag') update.flag = row.value as EditableUpdate['flag'];
    else if (row.field === 'title') update.name = row.value;
    else update.description = row.value;
  }
  const fields = Object.keys(update).filter((field) => update[field as keyof EditableUpdate] !== item[field as keyof typeof item]);
  if (fields.length > 0) updateEditableFields(db, id, Object.fromEntries(fields.map((f) => [f, update[f as keyof EditableUpdate]])), ACTOR, now);
  replaceFileMetadata(db, id, rows);
  // The regions' areas, for the faces found in the item now or later.
  replaceFaceRegions(db, id, metadata.regions ?? []);
  regionsToPeople(db, id, now);
  return { tags: tagsChanged, fields: fields.length > 0 };
}
