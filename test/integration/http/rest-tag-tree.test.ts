import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TagNode } from '../../../shared/tag-tree.js';
import type { TestServer } from './http-fixture.js';
import { startRestServer, type ErrorJson, type ItemJson } from './rest-fixture.js';

let t: TestServer;
beforeAll(async () => {
  t = await startRestServer();
});
afterAll(() => t.close());

function expectError(response: { status: number; json<T>(): T }, status: number, code: string, field?: string): void {
  expect(response.status).toBe(status);
  const body = response.json<ErrorJson>();
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
}

async function tree(): Promise<TagNode[]> {
  const response = await t.api('GET', '/api/tags?tree=true');
  expect(response.status).toBe(200);
  return response.json<{ tags: TagNode[] }>().tags;
}
async function node(path: string): Promise<TagNode> {
  const found = (await tree()).find((tag) => tag.path === path);
  if (!found) throw new Error(`no tag ${path}`);
  return found;
}
const tagsOf = async (id: number) => (await t.api('GET', `/api/media/${id}`)).json<ItemJson & { impliedTags: string[] }>();

describe('the tag tree over REST', () => {
  it('PATCH /api/media with paths builds the tree; GET /api/tags?tree gives it with both counts', async () => {
    expect((await t.api('PUT', '/api/media/1/tags', { addTags: ['Trips/Alps/Zermatt'] })).status).toBe(200);
    expect((await t.api('PUT', '/api/media/2/tags', { addTags: ['Trips/Alps/Chamonix', 'trips/alps/zermatt'] })).status).toBe(200);
    const alps = await node('Trips/Alps');
    // Item 2 carries two tags of the branch and counts once in it.
    expect(alps).toMatchObject({ name: 'Alps', count: 0, branchCount: 2 });
    expect((await node('Trips/Alps/Zermatt')).count).toBe(2);
    const media = await t.api('GET', '/api/media?tag=Trips');
    expect(media.json<{ items: ItemJson[] }>().items.map((item) => item.id).sort()).toEqual([1, 2]);
    const prefix = await t.api('GET', '/api/tags?prefix=zer');
    expect(prefix.json<{ tags: TagNode[] }>().tags.map((tag) => tag.path)).toEqual(['Trips/Alps/Zermatt']);
    expectError(await t.api('GET', '/api/tags?tree=true&prefix=a'), 400, 'INVALID_ARGUMENT', 'tree');
  });

  it('renames, aliases, implies, merges, deletes and undoes', async () => {
    const alps = await node('Trips/Alps');
    const moved = await t.api('PATCH', `/api/tags/${alps.id}`, { path: 'Mountains/Alps', colour: '#336699' });
    expect(moved.status).toBe(200);
    const { tag, merged, undo } = moved.json<{ tag: TagNode; merged: boolean; undo: string }>();
    expect({ path: tag.path, colour: tag.colour, merged }).toEqual({ path: 'Mountains/Alps', colour: '#336699', merged: false });
    expect((await tagsOf(1)).tags).toContain('Mountains/Alps/Zermatt');
    expect((await t.api('POST', '/api/tags/undo', { token: undo })).json()).toEqual({ ok: true });
    expect((await tagsOf(1)).tags).toContain('Trips/Alps/Zermatt');

    const zermatt = await node('Trips/Alps/Zermatt');
    const aliased = await t.api('PUT', `/api/tags/${zermatt.id}/aliases`, { add: ['matterhorn town'] });
    expect(aliased.json<TagNode>().aliases).toEqual(['matterhorn town']);
    await t.api('PUT', '/api/media/3/tags', { addTags: ['Matterhorn Town'] });
    expect((await tagsOf(3)).tags).toContain('Trips/Alps/Zermatt');

    const implied = await t.api('PUT', `/api/tags/${zermatt.id}/implies`, { add: ['Switzerland'] });
    expect(implied.json<TagNode>().implies).toEqual(['Switzerland']);
    expect((await tagsOf(3)).impliedTags).toEqual(['Switzerland']);
    expectError(await t.api('PUT', `/api/tags/${(await node('Switzerland')).id}/implies`, { add: ['Trips/Alps/Zermatt'] }), 400, 'INVALID_ARGUMENT', 'add[0]');

    const merge = await t.api('POST', '/api/tags/merge', { from: ['Trips/Alps/Chamonix'], into: 'Trips/Alps/Zermatt' });
    expect(merge.json<{ tag: TagNode }>().tag.count).toBe(3);

    const gone = await t.api('DELETE', `/api/tags/${(await node('Trips')).id}`);
    const deleted = gone.json<{ id: number; removedFrom: number; undo: string }>();
    expect(deleted.removedFrom).toBe(3);
    expect((await tagsOf(2)).tags.filter((name) => name.startsWith('Trips'))).toEqual([]);
    await t.api('POST', '/api/tags/undo', { token: deleted.undo });
    expect((await tagsOf(2)).tags.filter((name) => name.startsWith('Trips'))).toEqual(['Trips/Alps/Zermatt']);
  });

  it('answers bad input with typed errors naming the field', async () => {
    const zermatt = await node('Trips/Alps/Zermatt');
    expectError(await t.api('PATCH', `/api/tags/${zermatt.id}`, { path: 'a//b' }), 400, 'INVALID_ARGUMENT', 'path');
    expectError(await t.api('PATCH', `/api/tags/${zermatt.id}`, { id: 3, colour: '#000000' }), 400, 'INVALID_ARGUMENT', 'id');
    expectError(await t.api('PATCH', `/api/tags/${zermatt.id}`, { colour: 'blue' }), 400, 'INVALID_ARGUMENT', 'colour');
    expectError(await t.api('PATCH', '/api/tags/424242', { colour: '#000000' }), 404, 'NOT_FOUND', 'id');
    expectError(await t.api('POST', '/api/tags/merge', { from: ['Trips'], into: 'Trips/Alps' }), 400, 'INVALID_ARGUMENT', 'into');
    expectError(await t.api('POST', '/api/tags/undo', { token: 'nope' }), 404, 'NOT_FOUND', 'token');
    expectError(await t.api('DELETE', '/api/tags/424242'), 404, 'NOT_FOUND', 'id');
  });
});
