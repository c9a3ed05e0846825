import type { Migration } from './index.js';

/**
 * A perceptual hash per picture content (md5), like the thumbnails: two copies of one file
 * share it, and it is derived data the import makes from its one decode. Pictures imported
 * before this version have none until they are imported again or their hash is made from the
 * cached thumbnail (see service/duplicate-handlers.ts).
 */
export const perceptualHashes: Migration = {
  version: 6,
  name: 'perceptual-hashes',
  sql: `
CREATE TABLE perceptual_hashes (
  md5    TEXT PRIMARY KEY,
  dhash  TEXT NOT NULL CHECK (length(dhash) = 16)
) WITHOUT ROWID;
`,
};
