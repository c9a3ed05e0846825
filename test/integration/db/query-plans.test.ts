/**
 * The hot queries keep their indexes (CONVENTIONS: a test per hot query asserts its plan).
 * A generated library gives real rows; plans are taken from the statements the service really
 * ran, so a change to the SQL is checked without copying the SQL here.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../electron/library/library.js';
import type { MediaSort } from '../../../shared/schemas.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { makeTempDir, removeDir, testContext } from '../../helpers/temp-library.js';
import { planOf, recordStatements, wideReads } from './statement-plans.js';

const ITEMS = 3_000;
const ctx = testContext();
let dir = '';
let library: Library;
let tagsByPopularity: string[] = [];

beforeAll(() => {
  dir = makeTempDir('folio-plans-');
  library = openLibrary(path.join(dir, 'library'), { workers: 1 });
  // Tag ids are ranks: the first name is the most used tag, the last the rarest.
  tagsByPopularity = generateLargeLibrary(library.db, '/plans/photos', ITEMS, 200).tagNames;
  // An AI tag on every other item, as the local-analysis extension would leave it.
  const db = library.db;
  db.prepare(`INSERT INTO tags (name, key, created_at) VALUES ('outdoors', 'outdoors', 'x')`).run();
  db.prepare(
    `INSERT INTO media_tags (media_id, tag_id, source, confidence, added_at)
     SELECT id, (SELECT id FROM tags WHERE key = 'outdoors'), 'local-analysis', 0.8, 'x' FROM media WHERE id % 2 = 0`,
  ).run();
});

afterAll(async () => {
  await library.close();
  removeDir(dir);
});

/** The plans of the statements `work` ran that read items or their tag links. */
async function mediaPlans(work: () => Promise<unknown>): Promise<{ sql: string; plan: string[] }[]> {
  const statements = await recordStatements(library.db, work);
  return statements.filter((sql) => /\bmedia(_tags)?\b/.test(sql)).map((sql) => ({ sql, plan: planOf(library.db, sql) }));
}

function pagePlan(plans: { sql: string; plan: string[] }[]): string[] {
  const page = plans.find(({ sql }) => /ORDER BY (m\.|coalesce\(m\.)/.test(sql));
  if (!page) throw new Error(`no page query among:\n${plans.map((p) => p.sql).join('\n')}`);
  return page.plan;
}

/** How every active-items query checks an item against the trash: one key lookup. */
const TRASH_PROBE = ['CORRELATED SCALAR SUBQUERY 1', 'SEARCH trash USING INTEGER PRIMARY KEY (rowid=?)'];

const SORT_INDEX: Record<MediaSort['field'], string> = {
  takenAt: 'media_by_date_taken',
  name: 'media_by_name',
  addedAt: 'media_by_added',
  size: 'media_by_size',
  rating: 'media_by_rating',
};

describe('the gallery page', () => {
  for (const [field, index] of Object.entries(SORT_INDEX) as [MediaSort['field'], string][]) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`sorted by ${field} ${direction} walks ${index} in order: the first page, and the next from a range of it`, async () => {
        const sort = { field, direction };
        let cursor: string | null = null;
        const first = await mediaPlans(async () => {
          cursor = (await library.service.call('media.list', { sort, limit: 50 }, ctx)).nextCursor;
        });
        const firstPlan = pagePlan(first);
        expect(firstPlan[0]).toMatch(new RegExp(`^SCAN m USING (COVERING )?INDEX ${index}$`));
        expect(firstPlan.slice(1)).toEqual(TRASH_PROBE);
        expect(cursor).not.toBeNull();
        const next = await mediaPlans(() => library.service.call('media.list', { sort, limit: 50, cursor: cursor as unknown as string }, ctx));
        const plan = pagePlan(next);
        expect(plan[0]).toMatch(new RegExp(`^SEARCH m USING (COVERING )?INDEX ${index} \\(.+[<>]\\?\\)$`));
        expect(plan.slice(1)).toEqual(TRASH_PROBE);
      });
    }
  }

  it('with a common all-of tag and a none-of tag walks the date index and probes links by key', async () => {
    const [common, other] = tagsByPopularity;
    const plan = pagePlan(await mediaPlans(() => library.service.call('media.list', { filter: { tagsAll: [common as string], tagsNone: [other as string] }, limit: 100 }, ctx)));
    expect(plan[0]).toBe('SCAN m USING COVERING INDEX media_by_date_taken');
    const linkProbes = plan.filter((line) => line.startsWith('SEARCH t '));
    expect(linkProbes).toHaveLength(2);
    // A point lookup of one link, by the item index or by the table's (tag, source, item) key.
    const pointLookup = /^SEARCH t (EXISTS )?USING (COVERING INDEX media_tags_by_item \(media_id=\? AND source=\? AND tag_id=\?\)|PRIMARY KEY \(tag_id=\? AND source=\? AND media_id=\?\))$/;
    for (const probe of linkProbes) expect(probe).toMatch(pointLookup);
    expect(plan.some((line) => line.includes('TEMP B-TREE'))).toBe(false);
  });

  it('with a rare all-of tag starts from that tag’s links and sorts the few matches', async () => {
    const rare = tagsByPopularity.at(-1) as string;
    const plan = pagePlan(await mediaPlans(() => library.service.call('media.list', { filter: { tagsAll: [rare] }, limit: 100 }, ctx)));
    expect(plan.slice(0, 2)).toEqual([
      'SEARCH d USING PRIMARY KEY (tag_id=? AND source=?)',
      'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
  });

  it('the trash view starts from the trash table and looks each item up', async () => {
    const trashed = [7, 70, 700];
    await library.service.call('media.softDelete', { ids: trashed }, ctx);
    try {
      let found: number[] = [];
      const plan = pagePlan(
        await mediaPlans(async () => {
          found = (await library.service.call('media.list', { filter: { status: 'deleted' }, limit: 50 }, ctx)).items.map((item) => item.id);
        }),
      );
      expect(found.sort((a, b) => a - b)).toEqual(trashed);
      expect(plan.slice(0, 2)).toEqual(['SCAN tr', 'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)']);
      expect(wideReads(plan.filter((line) => line !== 'SCAN tr'))).toEqual([]);
    } finally {
      await library.service.call('media.restore', { ids: trashed }, ctx);
    }
  });

  it('every id for the grid comes from the sort index without a sort step', async () => {
    const plans = await mediaPlans(() => library.service.call('media.listIds', { sort: { field: 'name', direction: 'asc' } }, ctx));
    expect(pagePlan(plans)).toEqual(['SCAN m USING COVERING INDEX media_by_name', ...TRASH_PROBE]);
  });
});

describe('tag autocomplete', () => {
  // Tag tree: a prefix matches any level's start (the level index), a path prefix the key index.
  it('reads one range of the level index, or of the unique key index for a path', async () => {
    const statements = await recordStatements(library.db, () => library.service.call('tags.list', { prefix: 'ka', limit: 20 }, ctx));
    const autocomplete = statements.find((sql) => /level_key >= \?/.test(sql));
    expect(autocomplete).toBeDefined();
    expect(planOf(library.db, autocomplete as string)[0]).toBe('SEARCH tags USING INDEX tags_by_level_key (level_key>? AND level_key<?)');
    const paths = await recordStatements(library.db, () => library.service.call('tags.list', { prefix: 'ka/', limit: 20 }, ctx));
    const byPath = paths.find((sql) => /WHERE key >= \?/.test(sql));
    expect(planOf(library.db, byPath as string)[0]).toBe('SEARCH tags USING INDEX sqlite_autoindex_tags_1 (key>? AND key<?)');
  });
});

describe('bulk writes look items up by id', () => {
  const ids = Array.from({ length: 500 }, (_, i) => 1 + i * 5);
  const operations: [string, () => Promise<unknown>][] = [
    ['editTags', () => library.service.call('media.editTags', { ids, add: ['plan check'], remove: [tagsByPopularity[0] as string] }, ctx)],
    ['softDelete', () => library.service.call('media.softDelete', { ids }, ctx)],
    ['restore', () => library.service.call('media.restore', { ids }, ctx)],
    ['promoteAiTags', () => library.service.call('media.promoteAiTags', { ids, names: ['outdoors'] }, ctx)],
    ['removeAiTags', () => library.service.call('media.removeAiTags', { ids: ids.map((id) => id + 1), names: ['outdoors'] }, ctx)],
  ];
  for (const [name, run] of operations) {
    it(`${name} looks each id up, never walking a sort index or a tag’s links`, async () => {
      const plans = await mediaPlans(run);
      expect(plans.length).toBeGreaterThan(0);
      for (const { sql, plan } of plans) expect({ sql, wide: wideReads(plan) }).toEqual({ sql, wide: [] });
    });
  }
});
