/**
 * The `albums` and `album_items` tables (migration 009): albums, smart albums and folders, and
 * the hand-ordered items of an album. A trashed item keeps its row here (the views leave it
 * out), so a restore puts it back where it was. Smart albums' items come from the list query
 * (service/album-views), not from here.
 */
import type { AlbumKind, AlbumRef } from '../../../shared/albums.js';
import { tagKey } from '../../../shared/tags.js';
import type { Db } from './connection.js';
import { notTrashed } from './media-columns.js';
import { jsonIds, statement } from './statements.js';

export interface AlbumRow {
  id: number;
  kind: AlbumKind;
  name: string;
  parentId: number | null;
  query: string | null;
  createdAt: string;
}

const ROW = `id, kind, name, parent_id AS parentId, query, created_at AS createdAt`;

export function getAlbum(db: Db, id: number): AlbumRow | undefined {
  return statement(db, `SELECT ${ROW} FROM albums WHERE id = ?`).get(id) as AlbumRow | undefined;
}

/** Every album, smart album and folder, by name within kind-agnostic name order. */
export function listAlbumRows(db: Db): AlbumRow[] {
  return statement(db, `SELECT ${ROW} FROM albums ORDER BY name_key, id`).all() as AlbumRow[];
}

/**
 * The album (or smart album) with this name, by the tag key fold: the name `album:"Name"`
 * finds. Folders are not albums for this purpose (their names repeat across folders).
 */
export function findAlbumByName(db: Db, name: string): AlbumRow | undefined {
  return statement(db, `SELECT ${ROW} FROM albums WHERE name_key = ? AND kind <> 'folder'`).get(tagKey(name)) as AlbumRow | undefined;
}

export function findFolderByName(db: Db, parentId: number | null, name: string): AlbumRow | undefined {
  return statement(db, `SELECT ${ROW} FROM albums WHERE kind = 'folder' AND coalesce(parent_id, 0) = ? AND name_key = ?`).get(
    parentId ?? 0,
    tagKey(name),
  ) as AlbumRow | undefined;
}

export function insertAlbum(
  db: Db,
  album: { kind: AlbumKind; name: string; parentId: number | null; query: string | null },
  now: string,
): number {
  const info = statement(
    db,
    `INSERT INTO albums (kind, name, name_key, parent_id, query, created_at) VALUES (@kind, @name, @key, @parentId, @query, @now)`,
  ).run({ ...album, key: tagKey(album.name), now });
  return Number(info.lastInsertRowid);
}

export function renameAlbum(db: Db, id: number, name: string): void {
  statement(db, `UPDATE albums SET name = ?, name_key = ? WHERE id = ?`).run(name, tagKey(name), id);
}

export function setAlbumParent(db: Db, id: number, parentId: number | null): void {
  statement(db, `UPDATE albums SET parent_id = ? WHERE id = ?`).run(parentId, id);
}

export function setAlbumQuery(db: Db, id: number, query: string): void {
  statement(db, `UPDATE albums SET query = ? WHERE id = ?`).run(query, id);
}

/** The folder and every folder above it, nearest first (to refuse moving a folder into itself). */
export function folderAncestry(db: Db, folderId: number): number[] {
  return statement(
    db,
    `WITH RECURSIVE up(id, depth) AS (
       SELECT ?, 0
       UNION ALL
       SELECT a.parent_id, up.depth + 1 FROM albums a JOIN up ON a.id = up.id WHERE a.parent_id IS NOT NULL AND up.depth < 1000
     )
     SELECT id FROM up ORDER BY depth`,
  )
    .pluck()
    .all(folderId) as number[];
}

/**
 * Deletes the album. A folder's children move up to its parent first: the schema's cascade
 * would otherwise delete every album inside it, and deleting a folder must not lose albums.
 * The album's item rows go by the cascade; the items themselves stay.
 */
export function deleteAlbum(db: Db, id: number, parentId: number | null): void {
  statement(db, `UPDATE albums SET parent_id = ? WHERE parent_id = ?`).run(parentId, id);
  statement(db, `DELETE FROM albums WHERE id = ?`).run(id);
}

export function countChildren(db: Db, folderId: number): number {
  return statement(db, `SELECT count(*) FROM albums WHERE parent_id = ?`).pluck().get(folderId) as number;
}

/*
 * Counting an album's active items: its rows are a range of the key (counted without reading a
 * row), less those in the trash. The trash is usually small beside an album, so the trashed
 * ones are found from the trash's side; when the trash is the larger, each row probes it.
 */
function trashSize(db: Db): number {
  return statement(db, `SELECT count(*) FROM trash`).pluck().get() as number;
}

/** Active items of every hand-made album, keyed by album id (albums without any are absent). */
export function activeCounts(db: Db): Map<number, number> {
  // Grouped by the outer table's rowid, which the scan of albums visits in order: no sort step.
  const totals = statement(
    db,
    `SELECT a.id, count(*) FROM albums a CROSS JOIN album_items ai WHERE a.kind = 'album' AND ai.album_id = a.id GROUP BY a.id`,
  )
    .raw()
    .all() as [number, number][];
  const counts = new Map(totals);
  if (trashSize(db) === 0) return counts;
  const trashed = statement(
    db,
    `SELECT ai.album_id, count(*) FROM trash t CROSS JOIN album_items ai WHERE ai.media_id = t.media_id GROUP BY ai.album_id`,
  )
    .raw()
    .all() as [number, number][];
  for (const [albumId, count] of trashed) {
    const total = counts.get(albumId);
    if (total !== undefined) counts.set(albumId, total - count);
  }
  return counts;
}

/** Every row of the album, trashed items too (a range count of its key). */
export function countAllItems(db: Db, albumId: number): number {
  return statement(db, `SELECT count(*) FROM album_items WHERE album_id = ?`).pluck().get(albumId) as number;
}

export function countActiveItems(db: Db, albumId: number): number {
  const total = countAllItems(db, albumId);
  const trash = trashSize(db);
  if (trash === 0) return total;
  if (trash < total) {
    const trashed = statement(db, `SELECT count(*) FROM trash t CROSS JOIN album_items ai WHERE ai.album_id = ? AND ai.media_id = t.media_id`)
      .pluck()
      .get(albumId) as number;
    return total - trashed;
  }
  return statement(db, `SELECT count(*) FROM album_items ai WHERE ai.album_id = ? AND ${notTrashed('ai.media_id')}`)
    .pluck()
    .get(albumId) as number;
}

/** Position and id of the row a page continues after. */
export interface AlbumPosition {
  position: number;
  id: number;
}

/**
 * One page of an album's active items in its order: (position, media id), walked on the
 * `album_items_in_order` index from the keyset position on, probing the trash for each.
 */
export function albumPage(db: Db, albumId: number, after: AlbumPosition | null, limit: number): [number, number][] {
  const keyset = after === null ? '' : 'AND (ai.position, ai.media_id) > (@afterPosition, @afterId)';
  return statement(
    db,
    `SELECT ai.media_id, ai.position FROM album_items ai
     WHERE ai.album_id = @albumId ${keyset} AND ${notTrashed('ai.media_id')}
     ORDER BY ai.position, ai.media_id LIMIT @limit`,
  )
    .raw()
    .all({ albumId, limit, ...(after === null ? {} : { afterPosition: after.position, afterId: after.id }) }) as [number, number][];
}

/** Every active item of the album in its order. */
export function albumAllIds(db: Db, albumId: number): number[] {
  return statement(
    db,
    `SELECT ai.media_id FROM album_items ai WHERE ai.album_id = ? AND ${notTrashed('ai.media_id')} ORDER BY ai.position, ai.media_id`,
  )
    .pluck()
    .all(albumId) as number[];
}

export function positionOf(db: Db, albumId: number, mediaId: number): number | undefined {
  return statement(db, `SELECT position FROM album_items WHERE album_id = ? AND media_id = ?`).pluck().get(albumId, mediaId) as
    | number
    | undefined;
}

/** The position just before `position` in the album (of any row, trashed or not), if any. */
export function positionBefore(db: Db, albumId: number, position: number): number | null {
  return statement(db, `SELECT max(position) FROM album_items WHERE album_id = ? AND position < ?`).pluck().get(albumId, position) as
    | number
    | null;
}

export function lastPosition(db: Db, albumId: number): number {
  return (statement(db, `SELECT max(position) FROM album_items WHERE album_id = ?`).pluck().get(albumId) as number | null) ?? 0;
}

/**
 * Puts the ids (distinct) at `first`, `first + step`, … in the order given. With `move`, ids
 * the album holds already take their new place; without, they keep theirs and only new ids
 * are written. Answers how many rows were written (added or moved).
 */
export function placeItems(
  db: Db,
  albumId: number,
  ids: readonly number[],
  first: number,
  step: number,
  move: boolean,
  now: string,
): number {
  const onConflict = move ? 'DO UPDATE SET position = excluded.position' : 'DO NOTHING';
  // Written in id order (the position still comes from the place in the list): the primary key
  // and the by-item index then grow page after page instead of at random places of the b-tree.
  // `WHERE true` lets SQLite tell the upsert's ON CONFLICT from a join constraint.
  return statement(
    db,
    `INSERT INTO album_items (album_id, media_id, position, added_at)
     SELECT @albumId, j.value, @first + j.key * @step, @now FROM json_each(@ids) j WHERE true ORDER BY j.value
     ON CONFLICT (album_id, media_id) ${onConflict}`,
  ).run({ albumId, ids: jsonIds(ids), first, step, now }).changes;
}

export function removeItems(db: Db, albumId: number, ids: readonly number[]): number {
  return statement(db, `DELETE FROM album_items WHERE album_id = ? AND media_id IN (SELECT value FROM json_each(?))`).run(
    albumId,
    jsonIds(ids),
  ).changes;
}

/**
 * Positions 1, 2, 3, … in the album's order: when moves have halved a gap so often that two
 * neighbours' midpoint is no longer a new REAL, the album is spread out again.
 */
export function renumberAlbum(db: Db, albumId: number): void {
  statement(
    db,
    `UPDATE album_items SET position = r.n
     FROM (SELECT media_id, row_number() OVER (ORDER BY position, media_id) AS n FROM album_items WHERE album_id = @albumId) r
     WHERE album_items.album_id = @albumId AND album_items.media_id = r.media_id`,
  ).run({ albumId });
}

/** For each item, the hand-made albums that hold it, by name. */
export function albumsOfItems(db: Db, ids: readonly number[]): Map<number, AlbumRef[]> {
  const rows = statement(
    db,
    `SELECT ai.media_id, a.id, a.name FROM json_each(?) j
     CROSS JOIN album_items ai CROSS JOIN albums a
     WHERE ai.media_id = j.value AND a.id = ai.album_id
     ORDER BY a.name_key, a.id`,
  )
    .raw()
    .all(jsonIds(ids)) as [number, number, string][];
  const out = new Map<number, AlbumRef[]>();
  for (const [mediaId, id, name] of rows) {
    const list = out.get(mediaId);
    if (list) list.push({ id, name });
    else out.set(mediaId, [{ id, name }]);
  }
  return out;
}

/**
 * What `album:"Name"` names (the tag key fold): the album or smart album of that name, and
 * every album and smart album inside each folder of that name, at any depth (a folder's name
 * stands for what it holds, as a parent tag stands for its branch). Hand-made albums come as
 * ids; smart albums as rows, for the search to expand their saved queries.
 */
export function albumsNamed(db: Db, name: string): { albumIds: number[]; smart: AlbumRow[] } {
  const rows = statement(
    db,
    `WITH RECURSIVE named(id) AS (
       SELECT id FROM albums WHERE name_key = ?
       UNION
       SELECT a.id FROM albums a JOIN named n ON a.parent_id = n.id
     )
     SELECT ${ROW} FROM albums WHERE id IN (SELECT id FROM named) AND kind <> 'folder' ORDER BY id`,
  ).all(tagKey(name)) as AlbumRow[];
  return { albumIds: rows.filter((row) => row.kind === 'album').map((row) => row.id), smart: rows.filter((row) => row.kind === 'smart') };
}

/** Every smart album (to check, after a change to albums, that no saved search refers to itself). */
export function smartAlbumRows(db: Db): AlbumRow[] {
  return statement(db, `SELECT ${ROW} FROM albums WHERE kind = 'smart' ORDER BY id`).all() as AlbumRow[];
}
