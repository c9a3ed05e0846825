/** `media_touches`: when and by whom the things around an item (links, trash moves) last changed. */
import type { Db } from './connection.js';
import { sortedJsonIds, statement } from './statements.js';

/**
 * Stamps items as changed now by `actor` for changes around the item rather than to its row
 * (tag links, AI tags, trash moves). The stamp lives in the narrow media_touches table: on a
 * large library, rewriting 100,000 scattered media rows for it took seconds.
 */
export function touchMedia(db: Db, ids: readonly number[], actor: string, now: string): void {
  if (ids.length === 0) return;
  statement(
    db,
    `INSERT INTO media_touches (media_id, touched_at, touched_by)
     SELECT value, @now, @actor FROM json_each(@ids) WHERE true
     ON CONFLICT (media_id) DO UPDATE SET touched_at = excluded.touched_at, touched_by = excluded.touched_by`,
  ).run({ now, actor, ids: sortedJsonIds(ids) });
}
