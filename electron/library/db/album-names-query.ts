/**
 * The names of the albums each item is in, for the metadata export. A read-only query over
 * migration 009's tables, kept apart from the albums' own repository (another part of the work).
 */
import type { Db } from './connection.js';
import { jsonIds, statement } from './statements.js';

export function albumNamesOf(db: Db, ids: readonly number[]): Map<number, string[]> {
  const rows = statement(
    db,
    `SELECT ai.media_id AS mediaId, a.name FROM album_items ai JOIN albums a ON a.id = ai.album_id
     WHERE ai.media_id IN (SELECT value FROM json_each(?)) AND a.kind = 'album' ORDER BY ai.media_id, a.name_key`,
  ).all(jsonIds(ids)) as { mediaId: number; name: string }[];
  const names = new Map<number, string[]>();
  for (const row of rows) names.set(row.mediaId, [...(names.get(row.mediaId) ?? []), row.name]);
  return names;
}
