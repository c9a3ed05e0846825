import type { Migration } from './index.js';

/**
 * Curating as in Lightroom's Library: a star rating (0 = unrated), a colour label and a
 * pick/reject flag on each item. Columns with NOT NULL defaults, so every existing row is
 * unrated, unlabelled and unflagged without a rewrite pass of its own. The gallery sorts by
 * rating with the id as tie-breaker, like the other sort indexes of migration 003.
 */
export const curating: Migration = {
  version: 8,
  name: 'curating',
  sql: `
ALTER TABLE media ADD COLUMN rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5);
ALTER TABLE media ADD COLUMN label TEXT NOT NULL DEFAULT 'none'
  CHECK (label IN ('none', 'red', 'yellow', 'green', 'blue', 'purple'));
ALTER TABLE media ADD COLUMN flag TEXT NOT NULL DEFAULT 'none' CHECK (flag IN ('none', 'pick', 'reject'));
CREATE INDEX media_by_rating ON media(rating, id);
`,
};
