import type { Migration } from './index.js';

/**
 * The background analysis queue (issue 16): what the extensions still have to look at, kept in
 * the library so that a run killed half-way resumes where it stopped on the next open.
 * - `analysis_queue`: one row per item and extension waiting; a row leaves in the same
 *   transaction that writes the item's results, so a crash re-runs at most the item in hand.
 *   `priority` 0 is new or changed items, 1 a whole-library run (new items go first).
 * - `extension_runs` learns which model version looked at which content (`model_version`,
 *   `md5`): an item is due again when either differs from what is there now, which is how a
 *   new model, or a file changed on disk, is noticed without a flag to keep in step.
 */
export const analysisQueue: Migration = {
  version: 11,
  name: 'analysis-queue',
  sql: `
CREATE TABLE analysis_queue (
  media_id   INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  extension  TEXT NOT NULL,
  priority   INTEGER NOT NULL DEFAULT 0,
  queued_at  TEXT NOT NULL,
  PRIMARY KEY (media_id, extension)
) WITHOUT ROWID;
CREATE INDEX analysis_queue_next ON analysis_queue(priority, queued_at, media_id);

ALTER TABLE extension_runs ADD COLUMN model_version TEXT;
ALTER TABLE extension_runs ADD COLUMN md5 TEXT;
`,
};
