import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvents } from './event-client.js';
import { rawRequest, type TestServer } from './http-fixture.js';
import { startRestServer, type ErrorJson, type ItemJson } from './rest-fixture.js';

let t: TestServer;
beforeAll(async () => {
  t = await startRestServer();
});
afterAll(() => t.close());

async function item(id: number): Promise<ItemJson> {
  const response = await t.api('GET', `/api/media/${id}`);
  expect(response.status).toBe(200);
  return response.json<ItemJson>();
}

function expectError(response: { status: number; json<T>(): T }, status: number, code: string, field?: string): void {
  expect(response.status).toBe(status);
  const body = response.json<ErrorJson>();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  if (field !== undefined) expect(body.error.field).toBe(field);
}

describe('GET /api/media/{id}', () => {
  it('answers the item in the seed documents\' shape, with absolute URLs', async () => {
    const body = await item(1);
    for (const key of [
      'id', 'type', 'mime', 'name', 'originalName', 'description', 'size', 'humanSize', 'width', 'height', 'mode', 'md5',
      'tags', 'AITags', 'customCoordinates', 'metadata', 'thumbnails', 'url', 'status', 'createdAt', 'updatedAt', 'updatedBy',
    ]) {
      expect(body, key).toHaveProperty(key);
    }
    expect(body).not.toHaveProperty('aiTags');
    expect(body).not.toHaveProperty('originalUrl');
    expect(body.url).toBe(`${t.server.origin}/media/1/original`);
    expect(body.thumbnails.map((thumb) => thumb.size)).toEqual([64, 128, 512, 1080]);
    expect(body.thumbnails[2]?.url).toBe(`${t.server.origin}/media/1/thumb/512`);
    const thumb = await rawRequest(t.port, { path: new URL(body.thumbnails[0]?.url ?? '').pathname, headers: { 'X-Api-Key': t.server.token } });
    expect(thumb.status).toBe(200);
    expect(thumb.body.length).toBe(body.thumbnails[0]?.bytes);
  });

  it('answers 404 for an unknown or impossible id', async () => {
    expectError(await t.api('GET', '/api/media/424242'), 404, 'NOT_FOUND');
    expectError(await t.api('GET', '/api/media/abc'), 404, 'NOT_FOUND');
    expectError(await t.api('GET', '/api/media/0'), 404, 'NOT_FOUND');
    expectError(await t.api('GET', '/api/nothing-here'), 404, 'NOT_FOUND');
  });
});

describe('PATCH /api/media/{id}', () => {
  it('changes any editable field and reports who changed it', async () => {
    const response = await t.api('PATCH', '/api/media/1', {
      name: 'Harbour at dusk', description: 'Boats', tags: ['harbour', 'Evening'], metadata: { photographer: 'Ann' },
      customCoordinates: '0,0,50,50',
    });
    expect(response.status).toBe(200);
    expect(response.json<ItemJson>()).toMatchObject({
      id: 1, name: 'Harbour at dusk', description: 'Boats', tags: expect.arrayContaining(['harbour', 'Evening']),
      metadata: { photographer: 'Ann' }, customCoordinates: '0,0,50,50', updatedBy: 'api',
    });
  });

  it('replaces tags and metadata; [] clears the tags', async () => {
    await t.api('PATCH', '/api/media/1', { metadata: { camera: 'old' } });
    expect((await item(1)).metadata).toEqual({ camera: 'old' });
    const cleared = await t.api('PATCH', '/api/media/1', { tags: [] });
    expect(cleared.json<ItemJson>().tags).toEqual([]);
  });

  it('answers 400 naming a read-only or unknown field, and 400 for an empty patch; nothing changes', async () => {
    const before = await item(1);
    for (const field of ['type', 'size', 'width', 'height', 'mode', 'md5', 'AITags', 'url', 'humanSize']) {
      const response = await t.api('PATCH', '/api/media/1', { name: 'x', [field]: 1 });
      expectError(response, 400, 'INVALID_ARGUMENT', field);
      expect(response.json<ErrorJson>().error.message).toContain('read-only');
    }
    expectError(await t.api('PATCH', '/api/media/1', { colour: 'red' }), 400, 'INVALID_ARGUMENT', 'colour');
    const empty = await t.api('PATCH', '/api/media/1', {});
    expectError(empty, 400, 'INVALID_ARGUMENT');
    expect(empty.json<ErrorJson>().error.message).toMatch(/name.*description.*tags/);
    expectError(await t.api('PATCH', '/api/media/1', { tags: ['ok', ''] }), 400, 'INVALID_ARGUMENT');
    expectError(await t.api('PATCH', '/api/media/1', { customCoordinates: '1,2,3' }), 400, 'INVALID_ARGUMENT', 'customCoordinates');
    expect(await item(1)).toEqual(before);
  });

  it('answers 404 for an unknown id', async () => {
    expectError(await t.api('PATCH', '/api/media/424242', { name: 'x' }), 404, 'NOT_FOUND');
  });
});

describe('PUT /api/media/{id}', () => {
  it('replaces every editable field; the ones left out are cleared', async () => {
    await t.api('PATCH', '/api/media/2', { description: 'to be cleared', tags: ['a'], metadata: { k: 1 } });
    const response = await t.api('PUT', '/api/media/2', { name: 'Old town' });
    expect(response.status).toBe(200);
    expect(response.json<ItemJson>()).toMatchObject({ name: 'Old town', description: '', tags: [], metadata: {}, customCoordinates: null });
  });

  it('requires a name', async () => {
    expectError(await t.api('PUT', '/api/media/2', { description: 'x' }), 400, 'INVALID_ARGUMENT', 'name');
    expectError(await t.api('PUT', '/api/media/2', { name: 'x', width: 3 }), 400, 'INVALID_ARGUMENT', 'width');
  });
});

describe('tag edits', () => {
  it('PUT /api/media/{id}/tags adds and removes atomically, strings or lists', async () => {
    await t.api('PATCH', '/api/media/3', { tags: ['keep', 'old'] });
    const response = await t.api('PUT', '/api/media/3/tags', { addTags: 'sea, boat', removeTags: ['old'] });
    expect(response.status).toBe(200);
    expect([...response.json<ItemJson>().tags].sort()).toEqual(['boat', 'keep', 'sea']);
    const bad = await t.api('PUT', '/api/media/3/tags', { addTags: ['fine', 'bad\u0007tag'], removeTags: 'keep' });
    expectError(bad, 400, 'INVALID_ARGUMENT');
    expect(bad.json<ErrorJson>().error.field).toMatch(/^addTags/);
    expect([...(await item(3)).tags].sort()).toEqual(['boat', 'keep', 'sea']);
    expectError(await t.api('PUT', '/api/media/3/tags', {}), 400, 'INVALID_ARGUMENT', 'addTags');
    expectError(await t.api('PUT', '/api/media/3/tags', { tags: ['x'] }), 400, 'INVALID_ARGUMENT', 'tags');
    expectError(await t.api('PUT', '/api/media/424242/tags', { addTags: 'x' }), 404, 'NOT_FOUND', 'id');
  });

  it('POST /api/media/tags edits many items in one transaction', async () => {
    const response = await t.api('POST', '/api/media/tags', { ids: [1, 2, 4], addTags: ['holiday'], removeTags: 'nothing-here' });
    expect(response.status).toBe(200);
    // Counts, not every id; a remove that matched nothing says so.
    expect(response.json()).toEqual({ updated: 3, added: [{ tag: 'holiday', count: 3 }], removed: [], unmatched: ['nothing-here'] });
    const unknown = await t.api('POST', '/api/media/tags', { ids: [1, 424242], addTags: 'never' });
    expectError(unknown, 404, 'NOT_FOUND', 'ids[1]');
    expect((await item(1)).tags).not.toContain('never');
    expectError(await t.api('POST', '/api/media/tags', { ids: [], addTags: 'x' }), 400, 'INVALID_ARGUMENT', 'ids');
    expectError(await t.api('POST', '/api/media/tags', { ids: [1] }), 400, 'INVALID_ARGUMENT', 'addTags');
    expect((await t.api('GET', '/api/media/tags')).status).toBe(405);
  });
});

describe('PATCH /api/media/{id}/details', () => {
  it('runs an offline extension, then removes AI tags by name or all of them', async () => {
    const tagged = await t.api('PATCH', '/api/media/1/details', { extensions: [{ name: 'local-analysis', maxTags: 5, minConfidence: 0.1 }] });
    expect(tagged.status).toBe(200);
    const body = tagged.json<ItemJson>();
    expect(body.AITags.length).toBeGreaterThan(0);
    expect(body.AITags.length).toBeLessThanOrEqual(5);
    for (const tag of body.AITags) expect(tag).toMatchObject({ source: 'local-analysis', confidence: expect.any(Number) });
    expect(body.extensionStatus).toContainEqual(expect.objectContaining({ extension: 'local-analysis', status: 'done' }));
    const first = body.AITags[0]?.name ?? '';
    const removedOne = await t.api('PATCH', '/api/media/1/details', { removeAITags: [first] });
    expect(removedOne.json<ItemJson>().AITags.map((tag) => tag.name)).not.toContain(first);
    const removedAll = await t.api('PATCH', '/api/media/1/details', { removeAITags: 'all' });
    expect(removedAll.json<ItemJson>().AITags).toEqual([]);
  });

  it('validates both halves before doing either', async () => {
    await t.api('PATCH', '/api/media/2/details', { extensions: [{ name: 'local-analysis' }] });
    const before = (await item(2)).AITags;
    expect(before.length).toBeGreaterThan(0);
    const bad = await t.api('PATCH', '/api/media/2/details', { removeAITags: 'all', extensions: [{ name: 'local-analysis', minConfidence: 300 }] });
    expectError(bad, 400, 'INVALID_ARGUMENT');
    expect(bad.json<ErrorJson>().error.field).toMatch(/^extensions/);
    expect((await item(2)).AITags).toEqual(before);
    expectError(await t.api('PATCH', '/api/media/2/details', {}), 400, 'INVALID_ARGUMENT', 'extensions');
    expectError(await t.api('PATCH', '/api/media/424242/details', { removeAITags: 'all' }), 404, 'NOT_FOUND', 'id');
  });
});

describe('trash', () => {
  it('DELETE moves to the trash with { id, deletedCount }; restore brings it back', async () => {
    const deleted = await t.api('DELETE', '/api/media/4');
    expect(deleted.status).toBe(200);
    expect(deleted.json()).toEqual({ id: 4, deletedCount: 1 });
    expect((await item(4)).status).toBe('deleted');
    const trash = await t.api('GET', '/api/media?status=deleted');
    expect(trash.json<{ items: ItemJson[] }>().items.map((entry) => entry.id)).toEqual([4]);
    const active = await t.api('GET', '/api/media?limit=100');
    expect(active.json<{ items: ItemJson[] }>().items.map((entry) => entry.id)).not.toContain(4);
    const restored = await t.api('POST', '/api/media/4/restore');
    expect(restored.status).toBe(200);
    expect(restored.json()).toEqual({ id: 4, restoredCount: 1 });
    expect((await item(4)).status).toBe('active');
    expectError(await t.api('DELETE', '/api/media/424242'), 404, 'NOT_FOUND', 'id');
    expectError(await t.api('POST', '/api/media/424242/restore'), 404, 'NOT_FOUND', 'id');
  });
});

describe('GET /api/media', () => {
  it('filters, sorts and pages', async () => {
    await t.api('POST', '/api/media/tags', { ids: [1, 2, 3, 4], removeTags: ['holiday', 'sea', 'boat', 'keep'] });
    await t.api('POST', '/api/media/tags', { ids: [1, 3], addTags: 'beach' });
    const beach = await t.api('GET', '/api/media?tag=beach&sort=addedAt');
    expect(beach.json<{ items: ItemJson[] }>().items.map((entry) => entry.id)).toEqual([1, 3]);
    const notBeach = await t.api('GET', '/api/media?q=-tag:beach&sort=addedAt');
    expect(notBeach.json<{ items: ItemJson[] }>().items.map((entry) => entry.id)).toEqual([2, 4]);
    const page1 = await t.api('GET', '/api/media?limit=3&sort=-addedAt&withTotal=true');
    const first = page1.json<{ items: ItemJson[]; nextCursor: string | null; total: number }>();
    expect(first.items).toHaveLength(3);
    expect(first.total).toBe(4);
    expect(first.nextCursor).not.toBeNull();
    const page2 = await t.api('GET', `/api/media?limit=3&sort=-addedAt&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    const second = page2.json<{ items: ItemJson[]; nextCursor: string | null }>();
    expect(second.items.map((entry) => entry.id)).toEqual([1]);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0]?.url).toBe(`${t.server.origin}/media/1/original`);
  });

  it('answers 400 naming a bad or unknown parameter', async () => {
    expectError(await t.api('GET', '/api/media?sort=colour'), 400, 'INVALID_ARGUMENT', 'sort');
    expectError(await t.api('GET', '/api/media?limit=0'), 400, 'INVALID_ARGUMENT', 'limit');
    expectError(await t.api('GET', '/api/media?status=gone'), 400, 'INVALID_ARGUMENT', 'status');
    expectError(await t.api('GET', '/api/media?colour=red'), 400, 'INVALID_ARGUMENT', 'colour');
  });
});

describe('tags', () => {
  it('GET /api/tags lists tags with counts and completes prefixes', async () => {
    const all = await t.api('GET', '/api/tags');
    expect(all.status).toBe(200);
    // Tag tree nodes: path, name (last level), counts, aliases, implications.
    expect(all.json<{ tags: { name: string; count: number }[] }>().tags).toContainEqual(expect.objectContaining({ path: 'beach', name: 'beach', count: 2 }));
    const prefixed = await t.api('GET', '/api/tags?prefix=BEA');
    expect(prefixed.json<{ tags: { path: string; count: number }[] }>().tags.map(({ path, count }) => ({ path, count }))).toEqual([{ path: 'beach', count: 2 }]);
    expectError(await t.api('GET', '/api/tags?limit=0'), 400, 'INVALID_ARGUMENT', 'limit');
    expectError(await t.api('GET', '/api/tags?sort=x'), 400, 'INVALID_ARGUMENT', 'sort');
  });

  it('POST /api/tags/rename renames everywhere', async () => {
    const response = await t.api('POST', '/api/tags/rename', { from: 'beach', to: 'seaside' });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: 'seaside', count: 2 });
    expect((await item(3)).tags).toContain('seaside');
    expectError(await t.api('POST', '/api/tags/rename', { from: 'beach', to: 'x' }), 404, 'NOT_FOUND', 'from');
    expectError(await t.api('POST', '/api/tags/rename', { from: 'seaside' }), 400, 'INVALID_ARGUMENT', 'to');
    expectError(await t.api('GET', '/api/tags/rename'), 405, 'UNSUPPORTED');
  });
});

describe('change events', () => {
  it('a write through the API reaches an open UI as library.changed', async () => {
    const client = await openEvents(t.port);
    try {
      const received = client.next('library.changed', (data) => (data as { actor?: string }).actor === 'api');
      expect((await t.api('PATCH', '/api/media/2', { description: 'seen by the UI' })).status).toBe(200);
      expect(await received).toMatchObject({ actor: 'api', ids: [2] });
    } finally {
      client.close();
    }
  });

  it('a PATCH of name and tags, and a PUT, say both aspects changed', async () => {
    const client = await openEvents(t.port);
    try {
      const patched = client.next('library.changed', (data) => (data as { actor?: string }).actor === 'api');
      expect((await t.api('PATCH', '/api/media/2', { name: 'Harbour', tags: ['sea', 'boats'] })).status).toBe(200);
      expect(await patched).toEqual({ aspects: ['fields', 'tags'], ids: [2], actor: 'api' });
      const replaced = client.next('library.changed', (data) => (data as { actor?: string }).actor === 'api');
      expect((await t.api('PUT', '/api/media/2', { name: 'Quay', tags: ['sea'] })).status).toBe(200);
      expect(await replaced).toEqual({ aspects: ['fields', 'tags'], ids: [2], actor: 'api' });
    } finally {
      client.close();
    }
  });
});
