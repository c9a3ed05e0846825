import type { Migration } from './index.js';

/**
 * Kept counts of active items by month of the date sort (date taken, else the file's time),
 * type, rating, label and flag: a small cube (a few thousand rows for a million items) that
 * answers the timeline facet, the date scrubber's marks and the count of any search made only
 * of those fields by summing rows instead of walking the library. On 1,000,000 items the
 * timeline's GROUP BY walk took 0.4 s; the cube answers in a millisecond.
 *
 * Triggers keep it exact: an item counts while it is out of the trash. A row whose count
 * falls to 0 stays (a later item of the same kind reuses it); readers sum, so it costs nothing.
 * Deleting an item cascades to its trash row after the item is gone, so the trash trigger
 * checks the item still exists (as the tag counts' triggers of migration 004 do).
 */
export const facetCounts: Migration = {
  version: 15,
  name: 'facet-counts',
  sql: `
CREATE TABLE media_facets (
  month   TEXT NOT NULL,
  type    TEXT NOT NULL,
  rating  INTEGER NOT NULL,
  label   TEXT NOT NULL,
  flag    TEXT NOT NULL,
  count   INTEGER NOT NULL,
  PRIMARY KEY (month, type, rating, label, flag)
) WITHOUT ROWID;

INSERT INTO media_facets (month, type, rating, label, flag, count)
  SELECT coalesce(substr(m.sort_date, 1, 7), ''), m.type, m.rating, m.label, m.flag, count(*)
  FROM media m WHERE NOT EXISTS (SELECT 1 FROM trash WHERE media_id = m.id)
  GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER media_facets_insert AFTER INSERT ON media
WHEN NOT EXISTS (SELECT 1 FROM trash WHERE media_id = new.id) BEGIN
  INSERT INTO media_facets (month, type, rating, label, flag, count)
    VALUES (coalesce(substr(new.sort_date, 1, 7), ''), new.type, new.rating, new.label, new.flag, 1)
    ON CONFLICT DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER media_facets_delete BEFORE DELETE ON media
WHEN NOT EXISTS (SELECT 1 FROM trash WHERE media_id = old.id) BEGIN
  UPDATE media_facets SET count = count - 1
  WHERE month = coalesce(substr(old.sort_date, 1, 7), '') AND type = old.type AND rating = old.rating
    AND label = old.label AND flag = old.flag;
END;

CREATE TRIGGER media_facets_update AFTER UPDATE OF taken_at, mtime, type, rating, label, flag ON media
WHEN NOT EXISTS (SELECT 1 FROM trash WHERE media_id = new.id)
  AND (coalesce(substr(old.sort_date, 1, 7), '') <> coalesce(substr(new.sort_date, 1, 7), '')
    OR old.type <> new.type OR old.rating <> new.rating OR old.label <> new.label OR old.flag <> new.flag) BEGIN
  UPDATE media_facets SET count = count - 1
  WHERE month = coalesce(substr(old.sort_date, 1, 7), '') AND type = old.type AND rating = old.rating
    AND label = old.label AND flag = old.flag;
  INSERT INTO media_facets (month, type, rating, label, flag, count)
    VALUES (coalesce(substr(new.sort_date, 1, 7), ''), new.type, new.rating, new.label, new.flag, 1)
    ON CONFLICT DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER media_facets_trash AFTER INSERT ON trash BEGIN
  UPDATE media_facets SET count = count - 1
  WHERE (month, type, rating, label, flag) =
    (SELECT coalesce(substr(sort_date, 1, 7), ''), type, rating, label, flag FROM media WHERE id = new.media_id);
END;

CREATE TRIGGER media_facets_restore AFTER DELETE ON trash
WHEN EXISTS (SELECT 1 FROM media WHERE id = old.media_id) BEGIN
  INSERT INTO media_facets (month, type, rating, label, flag, count)
    SELECT coalesce(substr(sort_date, 1, 7), ''), type, rating, label, flag, 1 FROM media WHERE id = old.media_id
    ON CONFLICT DO UPDATE SET count = count + 1;
END;
`,
};
