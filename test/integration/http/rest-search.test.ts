/**
 * `GET /api/media?q=`: the search language over REST, and a fault as a 400 that names `q`
 * and says where in it (details.position, details.length).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './http-fixture.js';
import { startRestServer, type ErrorJson, type ItemJson } from './rest-fixture.js';

let t: TestServer;
beforeAll(async () => {
  t = await startRestServer();
  await t.api('POST', '/api/media/tags', { ids: [1, 2], addTags: ['sea-trip'] });
  await t.api('POST', '/api/media/tags', { ids: [3], addTags: ['garden'] });
  await t.api('PATCH', '/api/media/curating', { ids: [2, 3], rating: 4, label: 'red' });
});
afterAll(() => t.close());

const ids = async (query: string) => {
  const response = await t.api('GET', `/api/media?q=${encodeURIComponent(query)}&sort=addedAt`);
  expect(response.status).toBe(200);
  return response.json<{ items: ItemJson[] }>().items.map((item) => item.id);
};

describe('GET /api/media?q=', () => {
  it('reads ORs, negations, comparisons and parentheses', async () => {
    expect(await ids('tag:sea-trip OR tag:garden')).toEqual([1, 2, 3]);
    expect(await ids('rating:>=4 label:red')).toEqual([2, 3]);
    expect(await ids('(tag:sea-trip OR tag:garden) -rating:4')).toEqual([1]);
    expect(await ids('tag:sea-trip rating:4')).toEqual([2]);
  });

  it('adds the explicit parameters to the query', async () => {
    const response = await t.api('GET', `/api/media?q=${encodeURIComponent('rating:>=4')}&tag=garden`);
    expect(response.json<{ items: ItemJson[] }>().items.map((item) => item.id)).toEqual([3]);
  });

  it('answers a fault with 400, the field q and its place', async () => {
    const response = await t.api('GET', `/api/media?q=${encodeURIComponent('tag:a (rating:>=9 OR x)')}`);
    expect(response.status).toBe(400);
    const body = response.json<ErrorJson & { error: { details?: unknown } }>();
    expect(body.error).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'A rating is from 0 to 5, not 9 (at character 17)',
      field: 'q',
      details: { position: 16, length: 1 },
    });
    const unknown = await t.api('GET', `/api/media?q=${encodeURIComponent('colour:red')}`);
    expect(unknown.status).toBe(400);
    expect(unknown.json<{ error: { details: unknown } }>().error.details).toEqual({ position: 0, length: 7 });
  });
});
