/**
 * The tag tree's hot queries keep their indexes: the filter sets (tag-match.ts), a branch
 * filter either way round (walking the date index, or starting from the branch's links),
 * autocomplete on levels and aliases, a branch's range and the items' implied tags.
 */
import { describe, expect, it } from 'vitest';
import { testContext } from '../../helpers/temp-library.js';
import { planOf, recordStatements, wideReads } from './statement-plans.js';
import { treePlanLibrary } from './tree-plan-library.js';

const ctx = testContext();
const fixture = treePlanLibrary('folio-tree-plans-');

async function plansOf(work: () => Promise<unknown>, match: RegExp): Promise<{ sql: string; plan: string[] }[]> {
  const statements = await recordStatements(fixture.library.db, work);
  return statements.filter((sql) => match.test(sql)).map((sql) => ({ sql, plan: planOf(fixture.library.db, sql) }));
}

describe('the tag tree', () => {
  it('resolves a filter tag to its set through the parent and implied-by indexes', async () => {
    const [match] = await plansOf(() => fixture.library.service.call('media.listIds', { filter: { tagsAll: [fixture.pathOf(fixture.shape.branchIds[3] as number)] } }, ctx), /WITH RECURSIVE m/);
    expect(match?.plan).toEqual(
      expect.arrayContaining([
        'SEARCH t USING COVERING INDEX tags_by_parent (parent_id=?)',
        'SEARCH i USING COVERING INDEX tag_implies_by_implied (implied_id=?)',
      ]),
    );
    expect(match?.plan.some((line) => /^SCAN (t|i|tags|tag_implies)\b/.test(line))).toBe(false);
  });

  it('a common branch with a none-of tag walks the date index and reads each item’s links once', async () => {
    const big = fixture.pathOf(fixture.shape.branchIds[0] as number);
    const plans = await plansOf(
      () => fixture.library.service.call('media.list', { filter: { tagsAll: [big], tagsNone: [fixture.pathOf(fixture.shape.branchIds[1] as number)] }, limit: 100 }, ctx),
      /ORDER BY (m\.|coalesce\(m\.)/,
    );
    const plan = plans[0]?.plan ?? [];
    expect(plan[0]).toBe('SCAN m USING COVERING INDEX media_by_date_taken');
    const probes = plan.filter((line) => line.startsWith('SEARCH t '));
    expect(probes).toHaveLength(2);
    // The item's few user links, each tested against the set (not one lookup per tag of the branch).
    for (const probe of probes) expect(probe).toMatch(/^SEARCH t (EXISTS )?USING COVERING INDEX media_tags_by_item \(media_id=\? AND source=\?\)$/);
    expect(plan.some((line) => line.includes('TEMP B-TREE'))).toBe(false);
  });

  it('a rare branch starts from its tags’ links, each one range of the table', async () => {
    const rare = fixture.shape.branchIds.at(-1) as number;
    const plans = await plansOf(() => fixture.library.service.call('media.list', { filter: { tagsAll: [fixture.pathOf(rare)] }, limit: 100 }, ctx), /ORDER BY (m\.|coalesce\(m\.)/);
    const plan = plans[0]?.plan ?? [];
    expect(plan).toContain('SEARCH media_tags USING PRIMARY KEY (tag_id=? AND source=?)');
    expect(plan).toContain('SEARCH m USING INTEGER PRIMARY KEY (rowid=?)');
    expect(wideReads(plan.filter((line) => !line.startsWith('SEARCH media_tags USING PRIMARY KEY')))).toEqual([]);
  });

  it('autocomplete reads one range of the level index and one of the aliases', async () => {
    const plans = await plansOf(() => fixture.library.service.call('tags.list', { prefix: 'ka', limit: 20 }, ctx), /level_key >=|FROM tag_aliases WHERE key >=/);
    const lines = plans.flatMap((p) => p.plan);
    expect(lines).toContain('SEARCH tags USING INDEX tags_by_level_key (level_key>? AND level_key<?)');
    expect(lines.some((line) => /^SEARCH tag_aliases USING INDEX sqlite_autoindex_tag_aliases_1 \(key>\? AND key<\?\)$/.test(line))).toBe(true);
    expect(lines.some((line) => /^SCAN /.test(line) && !line.includes('TEMP'))).toBe(false);
  });

  it('an item’s implied tags and a branch’s rows are lookups, never scans', async () => {
    const plans = await plansOf(() => fixture.library.service.call('media.getMany', { ids: [1, 2, 3, 4, 5] }, ctx), /WITH RECURSIVE reach/);
    const implied = plans[0]?.plan ?? [];
    expect(implied.length).toBeGreaterThan(0);
    // The one scan is the guard "are there any implications at all", which stops at the first row.
    expect(implied.filter((line) => /^SCAN (mt|t|i|tags|media_tags|tag_implies)\b/.test(line))).toEqual(['SCAN tag_implies USING COVERING INDEX tag_implies_by_implied']);
    const branch = await plansOf(() => fixture.library.service.call('tags.delete', { id: fixture.shape.branchIds[5] as number }, ctx), /key >= \? AND key < \?/);
    for (const { plan } of branch) expect(plan.some((line) => /USING (COVERING )?INDEX sqlite_autoindex_tags_1 \(key>\? AND key<\?\)/.test(line))).toBe(true);
  });
});
