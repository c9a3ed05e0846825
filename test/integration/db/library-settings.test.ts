import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStackRules, setStackRules } from '../../../electron/library/db/settings-repo.js';
import { SCHEMA_VERSION } from '../../../electron/library/db/migrations/index.js';
import { DEFAULT_STACK_RULES } from '../../../shared/stacks.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';

describe('migration 007: library settings', () => {
  let t: TempLibrary;
  beforeAll(() => {
    t = openTempLibrary({ workers: 1 });
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('creates the settings table, keyed by setting', () => {
    // Later migrations (008: curating) come after it.
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
    expect(t.library.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const columns = t.library.db.prepare(`SELECT name, pk FROM pragma_table_info('settings')`).all();
    expect(columns).toEqual([{ name: 'key', pk: 1 }, { name: 'value', pk: 0 }]);
  });

  it('falls back on the default rules for a missing, broken or partial value', () => {
    expect(getStackRules(t.library.db)).toEqual(DEFAULT_STACK_RULES);
    t.library.db.prepare(`INSERT INTO settings (key, value) VALUES ('stackRules', '{not json')`).run();
    expect(getStackRules(t.library.db)).toEqual(DEFAULT_STACK_RULES);
    t.library.db.prepare(`UPDATE settings SET value = '{"rawJpeg": false, "livePhotos": "no"}' WHERE key = 'stackRules'`).run();
    expect(getStackRules(t.library.db)).toEqual({ ...DEFAULT_STACK_RULES, rawJpeg: false });
    setStackRules(t.library.db, { ...DEFAULT_STACK_RULES, appleEdits: false });
    expect(getStackRules(t.library.db)).toEqual({ ...DEFAULT_STACK_RULES, appleEdits: false });
  });
});
