/** Stacks, stored as one level of derived versions: a version's `parent_id` is its cover. */
import type { Db } from './connection.js';
import { notTrashed } from './media-columns.js';
import { jsonIds, statement } from './statements.js';

/** A file as the stack rules (items/stack-rules) see it. */
export interface StackCandidate {
  id: number;
  /** Path inside its library folder, `/`-separated (display text). */
  path: string;
  folderId: number;
  type: string;
  format: string | null;
  duration: number | null;
  /** Already the cover of a stack: it stays the cover and may gain versions. */
  isCover: boolean;
  /** Added by the import now running; a group with no fresh member was settled before. Default true. */
  fresh?: boolean;
}

/**
 * The items of the folders that may join a stack: present, active, not a version already.
 * `since` limits the groups to those with an item added at or after it (the import's start),
 * so a rescan never stacks again what the user unstacked.
 */
export function stackCandidates(db: Db, folderIds: readonly number[], since: string): StackCandidate[] {
  const rows = statement(
    db,
    `WITH fresh AS (
       SELECT id FROM media WHERE folder_id IN (SELECT value FROM json_each(@folders)) AND created_at >= @since
     )
     SELECT m.id, m.folder_id, m.display_path, m.type, m.format, m.duration,
            EXISTS (SELECT 1 FROM media c WHERE c.parent_id = m.id) AS is_cover,
            m.id IN (SELECT id FROM fresh) AS fresh
     FROM media m
     WHERE m.folder_id IN (SELECT value FROM json_each(@folders)) AND m.parent_id IS NULL AND ${notTrashed('m.id')}
       AND EXISTS (SELECT 1 FROM fresh)`,
  ).all({ folders: jsonIds(folderIds), since }) as {
    id: number;
    folder_id: number;
    display_path: string;
    type: string;
    format: string | null;
    duration: number | null;
    is_cover: number;
    fresh: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    folderId: r.folder_id,
    path: r.display_path,
    type: r.type,
    format: r.format,
    duration: r.duration,
    isCover: r.is_cover === 1,
    fresh: r.fresh === 1,
  }));
}

/** The cover of the stack the item is in (itself when it is a cover or stands alone). */
export function coverOf(db: Db, id: number): number {
  const parent = statement(db, `SELECT parent_id FROM media WHERE id = ?`).pluck().get(id) as number | null | undefined;
  return parent ?? id;
}

/** The versions under a cover, in id order. */
export function versionsOf(db: Db, coverId: number): number[] {
  return statement(db, `SELECT id FROM media WHERE parent_id = ? ORDER BY id`).pluck().all(coverId) as number[];
}

/** True when any item is a version in a stack (one probe of the partial parent index). */
export function hasVersions(db: Db): boolean {
  return statement(db, `SELECT EXISTS (SELECT 1 FROM media WHERE parent_id IS NOT NULL)`).pluck().get() === 1;
}
