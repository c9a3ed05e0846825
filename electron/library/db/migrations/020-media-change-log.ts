import type { Migration } from './index.js';

/**
 * A log of which items changed in what the count thread keeps in memory (issue 14's five-term
 * total): an item's cube values (month of the date sort, type, rating, label, flag), its place
 * in or out of the trash (`aspect` 1), and its user tag links (`aspect` 2). The count thread
 * (db/item-columns.ts) reads the log from where it last read and reloads only those items, so
 * its columns stay exact whoever wrote: the service, an undo, a cascade, another process.
 *
 * One narrow row per changed item and aspect: a bulk rating of 100,000 items appends 100,000
 * rows side by side at the end of the table. `seq` is the rowid; the log is pruned from its
 * start only (db/media-change-log.ts keeps its last row), so a seq is never handed out twice
 * and a reader that finds the log starting after its own place knows it must reload everything.
 */
const log = (id: string, aspect: number) => `INSERT INTO media_changes (media_id, aspect) VALUES (${id}, ${aspect});`;

export const mediaChangeLog: Migration = {
  version: 20,
  name: 'media-change-log',
  sql: `
CREATE TABLE media_changes (
  seq      INTEGER PRIMARY KEY,
  media_id INTEGER NOT NULL,
  aspect   INTEGER NOT NULL
);

CREATE TRIGGER media_changes_insert AFTER INSERT ON media BEGIN ${log('new.id', 1)} END;
CREATE TRIGGER media_changes_delete AFTER DELETE ON media BEGIN ${log('old.id', 1)} ${log('old.id', 2)} END;
CREATE TRIGGER media_changes_update AFTER UPDATE OF taken_at, mtime, type, rating, label, flag ON media
WHEN coalesce(substr(old.sort_date, 1, 7), '') <> coalesce(substr(new.sort_date, 1, 7), '')
  OR old.type <> new.type OR old.rating <> new.rating OR old.label <> new.label OR old.flag <> new.flag BEGIN
  ${log('new.id', 1)}
END;
CREATE TRIGGER media_changes_trash AFTER INSERT ON trash BEGIN ${log('new.media_id', 1)} END;
CREATE TRIGGER media_changes_restore AFTER DELETE ON trash BEGIN ${log('old.media_id', 1)} END;

CREATE TRIGGER media_changes_link_insert AFTER INSERT ON media_tags WHEN new.source = 'user' BEGIN ${log('new.media_id', 2)} END;
CREATE TRIGGER media_changes_link_delete AFTER DELETE ON media_tags WHEN old.source = 'user' BEGIN ${log('old.media_id', 2)} END;
CREATE TRIGGER media_changes_link_update AFTER UPDATE ON media_tags WHEN old.source = 'user' OR new.source = 'user' BEGIN
  ${log('old.media_id', 2)} ${log('new.media_id', 2)}
END;
`,
};
