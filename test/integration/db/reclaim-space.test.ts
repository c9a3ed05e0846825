import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertFolder, insertSyntheticItems } from '../../helpers/seed-library.js';
import { openTempLibrary, testContext, type TempLibrary } from '../../helpers/temp-library.js';

let t: TempLibrary;
beforeEach(() => {
  t = openTempLibrary();
});
afterEach(() => t.dispose());

describe('space given back', () => {
  it('a new library shrinks on disk when its trash is emptied', async () => {
    const db = t.library.db;
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2); // incremental
    const ids = insertSyntheticItems(db, { count: 20_000, folderId: insertFolder(db, `${t.dir}/f`) });
    const call = (method: 'media.softDelete' | 'trash.empty', args: unknown) => t.library.service.call(method, args, testContext('user'));
    await call('media.softDelete', { ids });
    const full = db.pragma('page_count', { simple: true }) as number;
    await call('trash.empty', {});
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(db.pragma('page_count', { simple: true }) as number).toBeLessThan(full / 2);
  });
});
