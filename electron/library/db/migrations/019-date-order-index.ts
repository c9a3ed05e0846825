import type { Migration } from './index.js';

/**
 * The date order's index on the expression, not on the generated column. `sort_date` is a
 * VIRTUAL column (`coalesce(taken_at, mtime)`), and SQLite never reads a virtual column from
 * an index: every walk of `media_by_date` read each item's row to compute it again. Warm, that
 * hid in the page cache; on a cold disk the gallery's first window of 1,000 items read 1,000
 * scattered rows (5,000,000 items: 1.2–2 s), and a tag's first page as many. An index on the
 * expression itself is one SQLite reads values from (indexed expressions, SQLite 3.41+), so
 * the date order's pages, keysets and month counts walk the index alone. The queries write the
 * expression (db/media-list-query.ts, `sortColumnSql`); the column stays for everything else.
 */
export const dateOrderIndex: Migration = {
  version: 19,
  name: 'date-order-index',
  sql: `
CREATE INDEX media_by_date_taken ON media(coalesce(taken_at, mtime), id);
DROP INDEX media_by_date;
`,
};
