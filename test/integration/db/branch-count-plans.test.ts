/**
 * Keeping distinct branch counts (migration 017) reads each item's own few links, never every
 * link of a branch: the bulk link writes' grouped shift, the trash moves' shift and the bodies
 * of the per-link triggers (planned as plain statements, `new.x`/`old.x` bound as parameters).
 */
import { describe, expect, it } from 'vitest';
import { testContext } from '../../helpers/temp-library.js';
import { planOf, recordStatements } from './statement-plans.js';
import { treePlanLibrary } from './tree-plan-library.js';

const ctx = testContext();
const fixture = treePlanLibrary('folio-branch-plans-');


/** Plan lines that read links by tag (every link of a branch) instead of by item. */
const linksByTag = (plan: readonly string[]) =>
  plan.filter((line) => /^(SEARCH|SCAN) (media_tags|mt|o)\b/.test(line) && !/media_tags_by_item \(media_id=\?/.test(line));

describe('branch counts', () => {
  it('a bulk tag edit and a trash move read the items’ links through the item index', async () => {
    const ids = fixture.library.db.prepare(`SELECT id FROM media ORDER BY id LIMIT 500`).pluck().all() as number[];
    const tag = `${fixture.pathOf(fixture.shape.branchIds[0] as number)}/Plans/deep`;
    const statements = await recordStatements(fixture.library.db, async () => {
      await fixture.library.service.call('media.editTags', { ids, add: [tag] }, ctx);
      await fixture.library.service.call('media.editTags', { ids, remove: [tag] }, ctx);
      await fixture.library.service.call('media.softDelete', { ids: ids.slice(0, 50) }, ctx);
      await fixture.library.service.call('media.restore', { ids: ids.slice(0, 50) }, ctx);
    });
    const counting = statements.filter((sql) => /tag_ancestors/.test(sql) && /media_tags/.test(sql));
    expect(counting.length).toBeGreaterThanOrEqual(2);
    for (const sql of counting) {
      const plan = planOf(fixture.library.db, sql);
      // The id list drives: its first read is the list itself.
      expect(plan.find((line) => /^(SCAN|SEARCH) /.test(line)), sql).toMatch(/^SCAN j VIRTUAL TABLE/);
      expect(plan, sql).toEqual(expect.arrayContaining([expect.stringMatching(/^SEARCH (o|mt) USING (COVERING )?INDEX media_tags_by_item \(media_id=\? AND source=\?\)/)]));
      expect(linksByTag(plan), sql).toEqual([]);
    }
  });

  it('the per-link triggers look at the item’s own links, not the branch’s', () => {
    const triggers = fixture.library.db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('media_tags_branch_insert', 'media_tags_branch_delete', 'media_delete_branch')`)
      .all() as { name: string; sql: string }[];
    expect(triggers.map((t) => t.name).sort()).toEqual(['media_delete_branch', 'media_tags_branch_delete', 'media_tags_branch_insert']);
    for (const trigger of triggers) {
      const body = (/BEGIN\s+([\s\S]*?);\s*END$/.exec(trigger.sql)?.[1] ?? '').replace(/\b(new|old)\.(\w+)/g, '@$1_$2');
      const plan = planOf(fixture.library.db, body);
      expect(linksByTag(plan), `${trigger.name}: ${plan.join(' | ')}`).toEqual([]);
      expect(plan.some((line) => /media_tags_by_item \(media_id=\? AND source=\?/.test(line)), trigger.name).toBe(true);
      expect(plan.some((line) => /^SCAN (tags|tag_ancestors)\b/.test(line)), trigger.name).toBe(false);
    }
  });
});
