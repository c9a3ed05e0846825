import type { Migration } from './index.js';

/**
 * Per-library settings that belong to the library, not to the machine it is opened on (which
 * stack rules group files at import, for a start): one row per setting, its value as JSON.
 */
export const librarySettings: Migration = {
  version: 7,
  name: 'library-settings',
  sql: `
CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
`,
};
