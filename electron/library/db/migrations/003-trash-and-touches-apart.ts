import type { Migration } from './index.js';

/**
 * Bulk changes on a large library write narrow rows, not wide ones.
 *
 * Trashing 100,000 of 1,000,000 items used to rewrite their `media` rows (about 70% of the
 * table's pages, since rows are scattered) and move each entry of five indexes that started
 * with `status`: 8 s. Tagging them rewrote the same rows for `updated_at`: 3 s. Now:
 * - `trash` holds the trashed items (when, and whose delete carried them). An item is active
 *   when it has no row there. The sort indexes no longer start with a status, and a trash move
 *   is an insert or delete of small rows in id order.
 * - `media_touches` stamps the changes made around an item rather than to its row (tag links,
 *   AI tags, trash moves). An item's "updated at/by" is the later of this stamp and the row's
 *   own `updated_at/by`, which edits of the row itself (name, description, import) still set.
 * - Tag counts: trash moves adjust `tags.item_count` with one grouped statement per move
 *   (trash-repo), not a trigger per item; the link triggers count links of items outside the
 *   trash, and the delete of an active item uncounts its links before they cascade away.
 */
export const trashAndTouchesApart: Migration = {
  version: 3,
  name: 'trash-and-touches-apart',
  sql: `
CREATE TABLE trash (
  media_id      INTEGER PRIMARY KEY REFERENCES media(id) ON DELETE CASCADE,
  deleted_at    TEXT NOT NULL,
  -- The item whose soft delete carried this derived version along (NULL: trashed itself).
  deleted_with  INTEGER
);
CREATE INDEX trash_by_deleted_with ON trash(deleted_with) WHERE deleted_with IS NOT NULL;
INSERT INTO trash (media_id, deleted_at, deleted_with)
  SELECT id, coalesce(deleted_at, updated_at), deleted_with FROM media WHERE status = 'deleted' ORDER BY id;

CREATE TABLE media_touches (
  media_id    INTEGER PRIMARY KEY REFERENCES media(id) ON DELETE CASCADE,
  touched_at  TEXT NOT NULL,
  touched_by  TEXT NOT NULL
);

DROP TRIGGER media_tags_count_insert;
DROP TRIGGER media_tags_count_delete;
DROP TRIGGER media_status_count;
DROP TRIGGER media_delete_count;
DROP INDEX media_by_date;
DROP INDEX media_by_name;
DROP INDEX media_by_added;
DROP INDEX media_by_size;
DROP INDEX media_by_folder;
DROP INDEX media_by_deleted_with;
ALTER TABLE media DROP COLUMN deleted_with;
ALTER TABLE media DROP COLUMN deleted_at;
ALTER TABLE media DROP COLUMN status;

CREATE INDEX media_by_date   ON media(sort_date, id);
CREATE INDEX media_by_name   ON media(name_key, id);
CREATE INDEX media_by_added  ON media(created_at, id);
CREATE INDEX media_by_size   ON media(file_size, id);
CREATE INDEX media_by_folder ON media(folder_id);

CREATE TRIGGER media_tags_count_insert AFTER INSERT ON media_tags
WHEN new.source = 'user' AND NOT EXISTS (SELECT 1 FROM trash WHERE media_id = new.media_id) BEGIN
  UPDATE tags SET item_count = item_count + 1 WHERE id = new.tag_id;
END;
-- A link that goes in the cascade of its item's delete finds no item: media_delete_count has
-- already uncounted it.
CREATE TRIGGER media_tags_count_delete AFTER DELETE ON media_tags
WHEN old.source = 'user' AND NOT EXISTS (SELECT 1 FROM trash WHERE media_id = old.media_id)
  AND EXISTS (SELECT 1 FROM media WHERE id = old.media_id) BEGIN
  UPDATE tags SET item_count = item_count - 1 WHERE id = old.tag_id;
END;
CREATE TRIGGER media_delete_count BEFORE DELETE ON media
WHEN NOT EXISTS (SELECT 1 FROM trash WHERE media_id = old.id) BEGIN
  UPDATE tags SET item_count = item_count - 1
  WHERE id IN (SELECT tag_id FROM media_tags WHERE media_id = old.id AND source = 'user');
END;
`,
};
