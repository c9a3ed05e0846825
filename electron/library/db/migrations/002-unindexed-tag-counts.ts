import type { Migration } from './index.js';

/**
 * Drops the index on tags.item_count. The count changes with every user-tag link added or
 * removed (triggers keep it), so tagging 100,000 items rewrote that index 100,000 times and
 * took seconds. Autocomplete and the tag list sort the tags of a prefix (or all 20,000) in a
 * few milliseconds without it; tags.key's unique index still finds a prefix.
 */
export const unindexedTagCounts: Migration = {
  version: 2,
  name: 'unindexed-tag-counts',
  sql: `DROP INDEX IF EXISTS tags_by_count;`,
};
