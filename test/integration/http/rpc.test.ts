import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract.js';
import { startTestServer, type TestServer } from './http-fixture.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('POST /rpc/<method>', () => {
  it('answers with the envelope IPC gives', async () => {
    const response = await t.api('POST', '/rpc/media.list', { limit: 10 });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ ok: true, value: { items: [], nextCursor: null } });
    const tags = await t.api('POST', '/rpc/tags.list', '');
    expect(tags.json()).toEqual({ ok: true, value: [] });
  });

  it('answers 404 for a method the contract does not have', async () => {
    for (const name of ['media.drop', 'constructor', '__proto__', 'toString', 'media.get/x']) {
      const response = await t.api('POST', `/rpc/${name}`, {});
      expect(response.status).toBe(404);
      expect(response.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('answers 405 to anything but POST', async () => {
    const response = await t.api('GET', '/rpc/media.list');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });

  it('validates arguments before any work, naming the field', async () => {
    const cases: [string, unknown, string | RegExp | undefined][] = [
      ['media.get', { id: 'one' }, 'id'],
      ['media.get', { id: -1 }, 'id'],
      ['media.get', { id: 1, extra: true }, 'extra'],
      ['media.editTags', { ids: [1], add: ['ok', 'bad\u0000tag'] }, /^add/],
      ['media.update', { id: 1, patch: { width: 3 } }, 'patch.width'],
      ['media.list', { limit: 1e9 }, 'limit'],
      ['media.get', [1], undefined],
    ];
    for (const [method, args, field] of cases) {
      const response = await t.api('POST', `/rpc/${method}`, args);
      expect(response.status, method).toBe(400);
      const body = response.json<{ ok: boolean; error: { code: string; field?: string } }>();
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('INVALID_ARGUMENT');
      if (typeof field === 'string') expect(body.error.field).toBe(field);
      else if (field !== undefined) expect(body.error.field).toMatch(field);
    }
  });

  it('maps an error to its status: desktop-only methods are UNSUPPORTED (501)', async () => {
    const response = await t.api('POST', '/rpc/shell.pickFolder', {});
    expect(response.status).toBe(501);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    const missing = await t.api('POST', '/rpc/media.get', { id: 424242 });
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('routes every contract method (none is a 404)', async () => {
    for (const method of METHOD_NAMES) {
      const response = await t.api('POST', `/rpc/${method}`, { definitely: 'not an argument' });
      expect(response.status, method).not.toBe(404);
    }
  });
});
