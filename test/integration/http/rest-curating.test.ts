import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './http-fixture.js';
import { startRestServer, type ErrorJson, type ItemJson } from './rest-fixture.js';

let t: TestServer;
beforeAll(async () => {
  t = await startRestServer();
});
afterAll(() => t.close());

async function curating(id: number): Promise<Pick<ItemJson, 'rating' | 'label' | 'flag'>> {
  const response = await t.api('GET', `/api/media/${id}`);
  expect(response.status).toBe(200);
  const { rating, label, flag } = response.json<ItemJson>();
  return { rating, label, flag };
}

function expectError(response: { status: number; json<T>(): T }, status: number, code: string, field?: string): void {
  expect(response.status).toBe(status);
  const body = response.json<ErrorJson>();
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
}

describe('PATCH /api/media/curating', () => {
  it('rates, labels and flags several items at once and answers how many changed', async () => {
    const response = await t.api('PATCH', '/api/media/curating', { ids: [1, 2], rating: 4, label: 'yellow' });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ updated: 2 });
    expect(await curating(1)).toEqual({ rating: 4, label: 'yellow', flag: 'none' });
    expect(await curating(2)).toEqual({ rating: 4, label: 'yellow', flag: 'none' });
    const pick = await t.api('PATCH', '/api/media/curating', { ids: [2], flag: 'pick' });
    expect(pick.json()).toEqual({ updated: 1 });
    expect(await curating(2)).toEqual({ rating: 4, label: 'yellow', flag: 'pick' });
  });

  it('refuses bad values, an empty edit and unknown ids with a 400/404 naming the field, and changes nothing', async () => {
    const before = [await curating(3), await curating(4)];
    expectError(await t.api('PATCH', '/api/media/curating', { ids: [3], rating: 6 }), 400, 'INVALID_ARGUMENT', 'rating');
    expectError(await t.api('PATCH', '/api/media/curating', { ids: [3], label: 'pink' }), 400, 'INVALID_ARGUMENT', 'label');
    expectError(await t.api('PATCH', '/api/media/curating', { ids: [3] }), 400, 'INVALID_ARGUMENT', 'rating');
    expectError(await t.api('PATCH', '/api/media/curating', { ids: [3, 4, 99_999], rating: 2 }), 404, 'NOT_FOUND', 'ids[2]');
    expect([await curating(3), await curating(4)]).toEqual(before);
  });
});

describe('rating, label and flag on the item routes', () => {
  it('PATCH /api/media/{id} sets them, a bad one is a 400, and the list sorts by rating', async () => {
    const response = await t.api('PATCH', '/api/media/3', { rating: 5, label: 'purple', flag: 'reject' });
    expect(response.status).toBe(200);
    expect(response.json<ItemJson>()).toMatchObject({ rating: 5, label: 'purple', flag: 'reject' });
    expectError(await t.api('PATCH', '/api/media/3', { flag: 'maybe' }), 400, 'INVALID_ARGUMENT', 'flag');
    const list = await t.api('GET', '/api/media?sort=-rating&limit=2');
    expect(list.json<{ items: ItemJson[] }>().items.map((item) => item.id)).toEqual([3, 2]); // ties (1 and 2 have 4 stars) go by id, descending too
  });
});
