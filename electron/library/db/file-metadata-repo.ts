/** The `file_metadata` table: each value an item took from its file or sidecar, and where from. */
import type { Db } from './connection.js';
import { jsonIds, statement } from './statements.js';

export const FILE_METADATA_FIELDS = ['keyword', 'person', 'rating', 'label', 'flag', 'title', 'description'] as const;
export type FileMetadataField = (typeof FILE_METADATA_FIELDS)[number];

export interface FileMetadataRow {
  mediaId: number;
  field: FileMetadataField;
  value: string;
  location: 'embedded' | 'sidecar';
  readAt: string;
}

export function fileMetadataOf(db: Db, ids: readonly number[]): FileMetadataRow[] {
  return statement(
    db,
    `SELECT media_id AS mediaId, field, value, location, read_at AS readAt FROM file_metadata
     WHERE media_id IN (SELECT value FROM json_each(?)) ORDER BY media_id, field, value`,
  ).all(jsonIds(ids)) as FileMetadataRow[];
}

/** Makes the item's recorded values exactly `rows` (what its files say now). */
export function replaceFileMetadata(db: Db, mediaId: number, rows: readonly Omit<FileMetadataRow, 'mediaId'>[]): void {
  statement(db, `DELETE FROM file_metadata WHERE media_id = ?`).run(mediaId);
  const insert = statement(db, `INSERT OR IGNORE INTO file_metadata (media_id, field, value, location, read_at) VALUES (?, ?, ?, ?, ?)`);
  for (const row of rows) insert.run(mediaId, row.field, row.value, row.location, row.readAt);
}

/** Items that took `tagPath` from a file or sidecar (as a keyword or a person). */
export function itemsWithFileKeyword(db: Db, tagPath: string): number[] {
  return statement(db, `SELECT media_id FROM file_metadata WHERE field = 'keyword' AND value = ? ORDER BY media_id`).pluck().all(tagPath) as number[];
}
