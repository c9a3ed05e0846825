/**
 * The search language's hot queries keep their plans (CONVENTIONS: a test per hot query), on a
 * generated library with curated ratings, labels and flags. Plans are taken from the
 * statements the service really ran. A page walks the sort index in order and stops at its
 * limit (no sort step); a count of the kept cube's fields sums media_facets, an OR of tags
 * reads the rarer tags' links, a hand-made album its rows; a rare OR of tags' page starts
 * from the union of its links; a common one is probed item by item.
 * (The timeline facet is media.sortBuckets, whose plan query-plans.test.ts holds.)
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../electron/library/library.js';
import { curateLargeLibrary } from '../../bench/large-library-curating.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { makeTempDir, removeDir, testContext } from '../../helpers/temp-library.js';
import { planOf, recordStatements } from './statement-plans.js';

const ITEMS = 3_000;
const ctx = testContext();
let dir = '';
let library: Library;
let tags: string[] = [];

beforeAll(() => {
  dir = makeTempDir('folio-search-plans-');
  library = openLibrary(path.join(dir, 'library'), { workers: 1 });
  // Tag ids are ranks: the first name is the most used tag, the last the rarest.
  tags = generateLargeLibrary(library.db, '/plans/photos', ITEMS, 200).tagNames;
  curateLargeLibrary(library.db);
});

afterAll(async () => {
  await library.close();
  removeDir(dir);
});

interface Plans {
  page: string[];
  count: string[];
}

/** The plans of the page and the count that `media.list … withTotal` ran for this query. */
async function plansOf(query: string): Promise<Plans> {
  const statements = await recordStatements(library.db, () =>
    library.service.call('media.list', { filter: { query }, sort: { field: 'takenAt', direction: 'desc' }, limit: 100, withTotal: true }, ctx),
  );
  const page = statements.find((sql) => /ORDER BY (m\.|coalesce\(m\.)/.test(sql));
  // (Not the capped count that estimates how rare the condition is.)
  // (A search of the cube's fields is counted by summing media_facets.)
  const count = statements.find((sql) => /^SELECT (count\(\*\)|coalesce\(sum\(f\.count\), 0\)) FROM/.test(sql) && !sql.includes('@capRows'));
  if (page === undefined || count === undefined) throw new Error(`no page or count among:\n${statements.join('\n')}`);
  return { page: planOf(library.db, page), count: planOf(library.db, count) };
}

const noSortStep = (plan: string[]) => expect(plan.filter((line) => line.includes('TEMP B-TREE'))).toEqual([]);
const quoted = (name: string) => `"${name}"`;

describe('search language plans', () => {
  it('rating:>=4 label:red (rare): the page reads one range of media_by_label_rating, the count sums the cube', async () => {
    const { page, count } = await plansOf('rating:>=4 label:red');
    expect(page[0]).toBe('SEARCH m USING INDEX media_by_label_rating (label=? AND rating>?)');
    expect(count).toEqual(['SCAN f']);
  });

  it('a common rating: the page walks the date index in order and stops at its limit', async () => {
    const { page, count } = await plansOf('rating:>=1 -label:purple');
    expect(page[0]).toBe('SCAN m USING INDEX media_by_date_taken');
    noSortStep(page);
    expect(count).toEqual(['SCAN f']);
  });

  it('taken:2019..2020 -flag:reject: the page reads one range of the date index, the count the cube\'s months', async () => {
    const { page, count } = await plansOf('taken:2019..2020 -flag:reject');
    expect(page[0]).toBe('SEARCH m USING INDEX media_by_date_taken (<expr>>? AND <expr><?)');
    noSortStep(page);
    expect(count).toEqual(['SEARCH f USING PRIMARY KEY (month>? AND month<?)']);
  });

  it('an OR of two rare tags starts from the union of their links, then looks each item up', async () => {
    const { page, count } = await plansOf(`tag:${quoted(tags.at(-1) as string)} OR tag:${quoted(tags.at(-2) as string)}`);
    // The OR is one all-of set of tags (as a branch is): its links are read as a DISTINCT set.
    expect(page).toContain('SEARCH media_tags USING PRIMARY KEY (tag_id=? AND source=?)');
    expect(page).toContain('SEARCH m USING INTEGER PRIMARY KEY (rowid=?)');
    // The count (db/tag-union-count.ts) reads the rarer tag's links and probes each for the other.
    expect(count).toContain('SEARCH media_tags USING PRIMARY KEY (tag_id=? AND source=?)');
    expect(count).toContain('SEARCH t USING PRIMARY KEY (tag_id=? AND source=? AND media_id=?)');
    for (const plan of [page, count]) expect(plan.some((line) => /^SCAN (m|media_tags|t)\b/.test(line))).toBe(false);
  });

  it('an OR of a common and a rare tag is counted from the rare tag\'s links, never the common tag\'s', async () => {
    const common = tags[0] as string;
    const rare = tags.at(-1) as string;
    const statements = await recordStatements(library.db, () =>
      library.service.call('media.list', { filter: { query: `tag:${quoted(common)} OR tag:${quoted(rare)}` }, limit: 100, withTotal: true }, ctx),
    );
    const count = statements.find((sql) => /^SELECT count\(\*\) FROM \(SELECT media_id FROM media_tags/.test(sql));
    if (count === undefined) throw new Error(`no union count among:\n${statements.join('\n')}`);
    const commonId = library.db.prepare(`SELECT id FROM tags WHERE name = ?`).pluck().get(common);
    const rareId = library.db.prepare(`SELECT id FROM tags WHERE name = ?`).pluck().get(rare);
    // The links read whole are the rare tag's (@other); the common one (@largest) is only probed by item.
    expect(count).toMatch(/tag_id = @other/);
    const plan = planOf(library.db, count);
    expect(plan[0]).toBe('SEARCH media_tags USING PRIMARY KEY (tag_id=? AND source=?)');
    expect(plan).toContain('SEARCH t USING PRIMARY KEY (tag_id=? AND source=? AND media_id=?)');
    expect(plan).toContain('SEARCH trash USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.filter((line) => /^(SCAN|SEARCH)/.test(line))).toHaveLength(3);
    expect(commonId).not.toBe(rareId);
  });

  it('an OR of a common and a rare tag walks the date index and probes each item’s links by key', async () => {
    const { page } = await plansOf(`tag:${quoted(tags[0] as string)} OR tag:${quoted(tags.at(-1) as string)}`);
    expect(page[0]).toBe('SCAN m USING COVERING INDEX media_by_date_taken');
    noSortStep(page);
    const probes = page.filter((line) => line.startsWith('SEARCH t '));
    expect(probes.length).toBeGreaterThan(0);
    for (const probe of probes) expect(probe).toMatch(/USING (COVERING INDEX media_tags_by_item \(media_id=\? AND source=\?|PRIMARY KEY \(tag_id=\? AND source=\? AND media_id=\?\))/);
  });

  it('five mixed terms with parentheses: the page walks the date range in order', async () => {
    const { page } = await plansOf(`(rating:>=3 OR flag:pick) -label:purple taken:2010..2022 -type:video tag:${quoted(tags[0] as string)}`);
    expect(page[0]).toBe('SEARCH m USING INDEX media_by_date_taken (<expr>>? AND <expr><?)');
    noSortStep(page);
  });

  it('a search of the cube\'s fields is counted and bucketed from media_facets, never by a walk of media', async () => {
    for (const query of ['taken:2019..2020 -flag:reject', 'rating:>=4 taken:<=3001', '(rating:>=3 OR flag:pick) -label:purple taken:2010..2022 -type:video']) {
      const statements = await recordStatements(library.db, async () => {
        await library.service.call('media.list', { filter: { query }, sort: { field: 'takenAt', direction: 'desc' }, limit: 100, withTotal: true }, ctx);
        await library.service.call('media.sortBuckets', { filter: { query }, sort: { field: 'takenAt', direction: 'desc' } }, ctx);
      });
      const counts = statements.filter((sql) => /\b(count|sum)\(/.test(sql) && !sql.includes('@capRows'));
      expect(counts.filter((sql) => sql.includes('FROM media_facets f')), query).toHaveLength(2);
      expect(counts.filter((sql) => /FROM media m\b/.test(sql) && !/parent_id IS NOT NULL/.test(sql)), query).toEqual([]);
      for (const sql of counts.filter((line) => line.includes('FROM media_facets f'))) {
        expect(planOf(library.db, sql).filter((line) => /\b(media|m)\b/.test(line) && !line.includes('media_facets')), sql).toEqual([]);
      }
    }
  });

  it('album:"Name" of a hand-made album is counted from its rows by album_items_in_order', async () => {
    const album = await library.service.call('albums.create', { name: 'Plan album' }, ctx);
    await library.service.call('albums.editItems', { id: album.id, add: [1, 2, 3, 50, 400] }, ctx);
    const { page, count } = await plansOf('album:"Plan album"');
    expect(count).toEqual(['SEARCH album_items USING COVERING INDEX album_items_in_order (album_id=?)']);
    // Small: the page starts from the album's rows and sorts the few.
    expect(page).toContain('SEARCH ai USING COVERING INDEX album_items_in_order (album_id=?)');
    expect(page.some((line) => /^SCAN m\b/.test(line))).toBe(false);
  });
});
