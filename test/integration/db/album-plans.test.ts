/**
 * The album queries keep their indexes (CONVENTIONS: a test per hot query asserts its plan):
 * an album's page and count walk `album_items_in_order` from the album on, in order (no sort
 * step), the item's albums come from `album_items_by_media`, and the edits look each id up.
 * Plans are taken from the statements the service really ran on a generated library.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../electron/library/library.js';
import { generateAlbums } from '../../bench/large-albums.js';
import { generateLargeLibrary, random } from '../../bench/large-library.js';
import { makeTempDir, removeDir, testContext } from '../../helpers/temp-library.js';
import { planOf, recordStatements, wideReads } from './statement-plans.js';

const ITEMS = 3_000;
const ctx = testContext();
let dir = '';
let library: Library;
let bigId = 0;

beforeAll(() => {
  dir = makeTempDir('folio-album-plans-');
  library = openLibrary(path.join(dir, 'library'), { workers: 1 });
  generateLargeLibrary(library.db, '/plans/photos', ITEMS, 200);
  bigId = generateAlbums(library.db, ITEMS, 60, random(3)).bigId;
});

afterAll(async () => {
  await library.close();
  removeDir(dir);
});

async function albumPlans(work: () => Promise<unknown>): Promise<{ sql: string; plan: string[] }[]> {
  const statements = await recordStatements(library.db, work);
  return statements.filter((sql) => /\balbum_items\b/.test(sql)).map((sql) => ({ sql, plan: planOf(library.db, sql) }));
}

/** Plan lines that read a whole table of albums' items, or (for an album in its order) sort it after reading it. */
function wideAlbumReads(sql: string, plan: readonly string[]): string[] {
  let lines = plan;
  const inAlbumOrder = /ORDER BY ai\.position/.test(sql);
  // Trashed rows of an album are counted from the trash's side only when the trash is the
  // smaller (countActiveItems chooses): reading it whole is the point there.
  if (/FROM trash t CROSS JOIN album_items ai/.test(sql)) lines = plan.filter((line) => line !== 'SCAN t');
  return [
    ...lines.filter((line) => /^SCAN (album_items|ai)\b/.test(line) || (inAlbumOrder && /USE TEMP B-TREE FOR ORDER BY/.test(line))),
    ...wideReads(lines),
  ];
}

describe('album query plans', () => {
  it("an album's first page, its count and its id list walk its items in order by album_items_in_order", async () => {
    const inAlbum = (await library.service.call('albums.itemIds', { id: bigId }, ctx)).ids;
    await library.service.call('media.softDelete', { ids: inAlbum.slice(0, 20) }, ctx);
    const plans = await albumPlans(async () => {
      const first = await library.service.call('albums.items', { id: bigId, limit: 100 }, ctx);
      await library.service.call('albums.items', { id: bigId, limit: 100, cursor: first.nextCursor ?? undefined }, ctx);
      await library.service.call('albums.itemIds', { id: bigId }, ctx);
    });
    const ordered = plans.filter(({ sql }) => /ORDER BY ai\.position/.test(sql));
    expect(ordered.length).toBeGreaterThanOrEqual(2);
    for (const { sql, plan } of ordered) {
      expect({ sql, plan: plan.filter((line) => /album_items/.test(line)) }).toEqual({
        sql,
        plan: [expect.stringMatching(/^SEARCH ai USING (COVERING )?INDEX album_items_in_order \(album_id=\?(?: AND \(position,media_id\)>\(\?,\?\))?\)$/)],
      });
    }
    // The count is the album's key range less its trashed rows, found from the (smaller) trash.
    const total = plans.find(({ sql }) => /SELECT count\(\*\) FROM album_items WHERE album_id = \?/.test(sql));
    expect(total?.plan.join('\n')).toMatch(/^SEARCH album_items USING COVERING INDEX (album_items_in_order|sqlite_autoindex_album_items_1) \(album_id=\?\)$/);
    const trashed = plans.find(({ sql }) => /FROM trash t CROSS JOIN album_items ai WHERE ai\.album_id = \?/.test(sql));
    expect(trashed?.plan).toEqual(['SCAN t', expect.stringMatching(/^SEARCH ai USING (PRIMARY KEY|(COVERING )?INDEX album_items_by_media) \((album_id=\? AND media_id=\?|media_id=\? AND album_id=\?)\)$/)]);
    for (const { sql, plan } of plans) expect({ sql, wide: wideAlbumReads(sql, plan) }).toEqual({ sql, wide: [] });
    await library.service.call('media.restore', { ids: inAlbum.slice(0, 20) }, ctx);
  });

  it("an item's albums are looked up by album_items_by_media", async () => {
    const plans = await albumPlans(() => library.service.call('media.getMany', { ids: [1, 2, 3] }, ctx));
    const ofItems = plans.find(({ sql }) => /ai\.media_id = j\.value/.test(sql));
    expect(ofItems?.plan.join('\n')).toMatch(/SEARCH ai USING (COVERING )?INDEX album_items_by_media \(media_id=\?\)/);
    for (const { sql, plan } of plans) expect({ sql, wide: wideAlbumReads(sql, plan) }).toEqual({ sql, wide: [] });
  });

  it('adding, moving and removing items look each id up (no scan of the album table or the library)', async () => {
    const album = await library.service.call('albums.create', { name: 'Plans' }, ctx);
    const ids = Array.from({ length: 500 }, (_, i) => i * 5 + 1);
    const plans = await albumPlans(async () => {
      await library.service.call('albums.editItems', { id: album.id, add: ids }, ctx);
      await library.service.call('albums.editItems', { id: album.id, add: ids.slice(0, 50), moveBefore: ids[300] }, ctx);
      await library.service.call('albums.editItems', { id: album.id, remove: ids.slice(100, 200) }, ctx);
    });
    expect(plans.length).toBeGreaterThan(3);
    for (const { sql, plan } of plans) expect({ sql, wide: wideAlbumReads(sql, plan) }).toEqual({ sql, wide: [] });
  });

  it('the sidebar counts every album in one pass over the album links, by album', async () => {
    const plans = await albumPlans(() => library.service.call('albums.list', {}, ctx));
    const counts = plans.find(({ sql }) => /GROUP BY a\.id/.test(sql));
    expect(counts?.plan).toEqual(['SCAN a', expect.stringMatching(/^SEARCH ai USING COVERING INDEX (album_items_in_order|sqlite_autoindex_album_items_1) \(album_id=\?\)$/)]);
  });
});
