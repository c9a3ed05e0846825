import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './http-fixture.js';
import { startRestServer, type ItemJson } from './rest-fixture.js';

let t: TestServer;
beforeAll(async () => {
  t = await startRestServer();
});
afterAll(() => t.close());

const range = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const sorted = (tags: string[]): string[] => [...tags].sort();

async function tagsOf(id: number): Promise<string[]> {
  return sorted((await t.api('GET', `/api/media/${id}`)).json<ItemJson>().tags);
}

async function all(requests: Promise<{ status: number }>[]): Promise<void> {
  const statuses = (await Promise.all(requests)).map((response) => response.status);
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
}

describe('200 concurrent writes', () => {
  it('on one item: every add and every remove is applied, none lost', async () => {
    await t.api('PATCH', '/api/media/1', { tags: range(200, 'old') });
    await all(range(200, '').map((_, i) => t.api('PUT', '/api/media/1/tags', { addTags: [`new${i}`], removeTags: `old${i}` })));
    expect(await tagsOf(1)).toEqual(sorted(range(200, 'new')));
  });

  it('on one item, PATCHes of other fields interleaved with tag edits do not undo each other', async () => {
    await t.api('PATCH', '/api/media/2', { tags: [] });
    const requests = range(200, '').map((_, i) =>
      i % 2 === 0
        ? t.api('PATCH', '/api/media/2', { description: `description ${i}`, metadata: { writer: i } })
        : t.api('PUT', '/api/media/2/tags', { addTags: `tag${i}` }),
    );
    await all(requests);
    const item = (await t.api('GET', '/api/media/2')).json<ItemJson>();
    expect(sorted(item.tags)).toEqual(sorted(range(200, '').map((_, i) => i).filter((i) => i % 2 === 1).map((i) => `tag${i}`)));
    const writer = item.metadata.writer as number;
    expect(writer % 2).toBe(0);
    expect(item.description).toBe(`description ${writer}`);
    expect(item.updatedBy).toBe('api');
  });

  it('on many items at once: bulk and single edits all land, and tag counts stay true', async () => {
    const ids = [1, 2, 3, 4];
    await t.api('POST', '/api/media/tags', { ids, addTags: range(100, 'stale') });
    const requests = range(200, '').map((_, i) => {
      if (i < 100) return t.api('POST', '/api/media/tags', { ids, addTags: `bulk${i}`, removeTags: `stale${i}` });
      const id = ids[i % ids.length] ?? 1;
      return t.api('PUT', `/api/media/${id}/tags`, { addTags: [`single${i}`] });
    });
    await all(requests);
    for (const id of ids) {
      const tags = await tagsOf(id);
      expect(tags.filter((tag) => tag.startsWith('stale'))).toEqual([]);
      expect(tags.filter((tag) => tag.startsWith('bulk'))).toEqual(sorted(range(100, 'bulk')));
      const singles = range(200, '').map((_, i) => i).filter((i) => i >= 100 && ids[i % ids.length] === id).map((i) => `single${i}`);
      expect(tags.filter((tag) => tag.startsWith('single'))).toEqual(sorted(singles));
    }
    const counts = (await t.api('GET', '/api/tags?limit=5000')).json<{ tags: { name: string; count: number }[] }>().tags;
    const count = (name: string) => counts.find((tag) => tag.name === name)?.count ?? 0;
    expect(count('bulk7')).toBe(4);
    expect(count('stale7')).toBe(0);
    expect(count('single101')).toBe(1);
    expect(t.library.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
