/**
 * Property-based fuzzing of the REST body parser on a real server and library: any JSON value,
 * any string (lone surrogates included) and any bytes get a 2xx or a typed 4xx answer, never a
 * 500, and the library stays whole. A bounded number of cases, so it runs in every CI build.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, TEST_TOKEN, type TestServer } from '../http/http-fixture.js';
import { startRestServer, type ErrorJson } from '../http/rest-fixture.js';

let t: TestServer;
beforeAll(async () => {
  t = await startRestServer();
});
afterAll(() => t.close());

const ROUTES: [string, string][] = [
  ['PATCH', '/api/media/1'],
  ['PUT', '/api/media/2'],
  ['PUT', '/api/media/3/tags'],
  ['POST', '/api/media/tags'],
  ['PATCH', '/api/media/4/details'],
  ['POST', '/api/tags/rename'],
];

async function send(method: string, path: string, body: Buffer | string): Promise<void> {
  const response = await rawRequest(t.port, {
    method,
    path,
    headers: { 'X-Api-Key': TEST_TOKEN, 'Content-Type': 'application/json' },
    body,
  });
  expect(response.status, `${method} ${path} ${String(body).slice(0, 200)}`).toBeLessThan(500);
  if (response.status >= 400) {
    const { error } = response.json<ErrorJson>();
    expect(typeof error.code).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
  }
}

const route = fc.constantFrom(...ROUTES);
// Objects shaped like the real bodies, with values of any kind, and strings of any UTF-16 units.
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const field = fc.constantFrom('name', 'description', 'tags', 'metadata', 'customCoordinates', 'addTags', 'removeTags', 'ids', 'extensions', 'removeAITags', 'from', 'to', 'width');
const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), anyText, fc.array(anyText, { maxLength: 5 }), fc.array(fc.integer(), { maxLength: 5 }));
const shapedBody = fc.dictionary(field, value, { maxKeys: 4 });

describe('the REST body parser, fuzzed', () => {
  it('answers any shaped body with 2xx or a typed 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(route, shapedBody, async ([method, path], body) => send(method, path, JSON.stringify(body))),
      { numRuns: 250, seed: 20261201 },
    );
  });

  it('answers any bytes with a typed 4xx or 2xx', async () => {
    await fc.assert(
      fc.asyncProperty(route, fc.uint8Array({ maxLength: 200 }), async ([method, path], bytes) => send(method, path, Buffer.from(bytes))),
      { numRuns: 150, seed: 7 },
    );
  });

  it('leaves the library whole', () => {
    expect(t.library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.library.db.pragma('foreign_key_check')).toEqual([]);
  });
});
