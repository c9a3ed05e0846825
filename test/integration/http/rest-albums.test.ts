import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Album } from '../../../shared/albums.js';
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

async function ok<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await t.api(method, path, body);
  expect(response.status, response.text()).toBe(200);
  return response.json<T>();
}

interface Page {
  items: ItemJson[];
  nextCursor: string | null;
  total: number;
}

describe('REST albums', () => {
  it('makes an album in a folder, fills and reorders it, pages through it in order, and the items list it', async () => {
    const folder = await ok<Album>('POST', '/api/albums', { name: 'Trips', kind: 'folder' });
    const album = await ok<Album>('POST', '/api/albums', { name: 'Coast', parentId: folder.id });
    expect(await ok('PUT', `/api/albums/${album.id}/items`, { add: [4, 2, 1] })).toEqual({ added: 3, removed: 0, moved: 0, count: 3 });
    await ok('PUT', `/api/albums/${album.id}/items`, { add: [1], moveBefore: 4 });
    const first = await ok<Page>('GET', `/api/albums/${album.id}/items?limit=2`);
    expect(first.items.map((item) => item.id)).toEqual([1, 4]);
    expect(first.total).toBe(3);
    expect(first.items[0]).toMatchObject({ albums: [{ id: album.id, name: 'Coast' }], url: expect.any(String) });
    const rest = await ok<Page>('GET', `/api/albums/${album.id}/items?limit=2&cursor=${first.nextCursor}`);
    expect(rest).toMatchObject({ nextCursor: null });
    expect(rest.items.map((item) => item.id)).toEqual([2]);
    const { albums } = await ok<{ albums: Album[] }>('GET', '/api/albums');
    expect(albums.find((a) => a.id === album.id)).toMatchObject({ parentId: folder.id, count: 3, coverId: 1 });
    expect((await ok<ItemJson>('GET', '/api/media/2')).albums).toEqual([{ id: album.id, name: 'Coast' }]);
  });

  it('a trashed item leaves the album and comes back on restore', async () => {
    const album = await ok<Album>('POST', '/api/albums', { name: 'Trash test' });
    await ok('PUT', `/api/albums/${album.id}/items`, { add: [3, 1] });
    await ok('DELETE', '/api/media/3');
    expect((await ok<Page>('GET', `/api/albums/${album.id}/items`)).items.map((item) => item.id)).toEqual([1]);
    await ok('POST', '/api/media/3/restore');
    expect((await ok<Page>('GET', `/api/albums/${album.id}/items`)).items.map((item) => item.id)).toEqual([3, 1]);
  });

  it('smart albums live at /api/smart-albums with their query and live count', async () => {
    await ok('PUT', '/api/media/2/tags', { addTags: 'harbour' });
    const smart = await ok<Album>('POST', '/api/smart-albums', { name: 'Harbour', query: 'tag:harbour' });
    expect(smart).toMatchObject({ kind: 'smart', count: 1, coverId: 2, query: 'tag:harbour' });
    const { albums } = await ok<{ albums: Album[] }>('GET', '/api/smart-albums');
    expect(albums.map((a) => a.name)).toEqual(['Harbour']);
    expect((await ok<{ albums: Album[] }>('GET', '/api/albums')).albums.some((a) => a.kind === 'smart')).toBe(false);
    expect((await ok<Page>('GET', `/api/albums/${smart.id}/items`)).items.map((item) => item.id)).toEqual([2]);
    expectError(await t.api('PUT', `/api/albums/${smart.id}/items`, { add: [1] }), 400, 'INVALID_ARGUMENT', 'id');
    expectError(await t.api('POST', '/api/albums', { name: 'Smart by the back door', kind: 'smart' }), 400, 'INVALID_ARGUMENT', 'kind');
    await ok('DELETE', `/api/smart-albums/${smart.id}`);
    expect((await ok<{ albums: Album[] }>('GET', '/api/smart-albums')).albums).toEqual([]);
  });

  it('answers typed errors: unknown album, duplicate name, unknown parameter', async () => {
    expectError(await t.api('PATCH', '/api/albums/999999', { name: 'x' }), 404, 'NOT_FOUND', 'id');
    await ok('POST', '/api/albums', { name: 'Once' });
    expectError(await t.api('POST', '/api/albums', { name: 'ONCE' }), 409, 'CONFLICT', 'name');
    expectError(await t.api('GET', '/api/albums/1/items?sort=name'), 400, 'INVALID_ARGUMENT', 'sort');
    expectError(await t.api('GET', '/api/albums/1/items?limit=0'), 400, 'INVALID_ARGUMENT', 'limit');
  });
});
