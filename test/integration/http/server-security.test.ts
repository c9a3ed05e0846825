import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../../electron/library/http/server.js';
import { FolioError } from '../../../shared/errors.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { rawRequest, startTestServer, TEST_TOKEN, type TestServer } from './http-fixture.js';

let t: TestServer;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = makeTempDir('folio-renderer-');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title><script src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("folio");');
  fs.writeFileSync(path.join(makeTempDir('folio-outside-'), 'secret.txt'), 'secret');
  t = await startTestServer({ server: { rendererDir } });
});

afterAll(async () => {
  await t.close();
  removeDir(rendererDir);
});

const get = (requestPath: string, headers: Record<string, string> = {}, host?: string | null) =>
  rawRequest(t.port, { path: requestPath, headers, ...(host === undefined ? {} : { host }) });

describe('authentication', () => {
  it('trades ?token=<key> for an HttpOnly SameSite=Strict cookie and a redirect to /', async () => {
    const response = await get(`/?token=${TEST_TOKEN}`);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/');
    expect(response.headers['set-cookie']).toEqual([`folio_token=${TEST_TOKEN}; HttpOnly; SameSite=Strict; Path=/`]);
    const wrong = await get('/?token=nope');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('accepts the cookie and each of the three headers, on pages, assets and data routes', async () => {
    const credentials: Record<string, string>[] = [
      { Cookie: `folio_token=${TEST_TOKEN}` },
      { Authorization: `Token ${TEST_TOKEN}` },
      { 'X-Api-Key': TEST_TOKEN },
      { 'X-Forensic-Access-Token': TEST_TOKEN },
    ];
    for (const headers of credentials) {
      expect((await get('/', headers)).status).toBe(200);
      expect((await get('/assets/app.js', headers)).status).toBe(200);
      expect((await get('/api/media', headers)).status).toBe(200);
      const rpc = await rawRequest(t.port, {
        method: 'POST', path: '/rpc/tags.list', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}',
      });
      expect(rpc.status).not.toBe(401);
    }
  });

  it('answers 401 without a key or with a wrong one: an HTML hint for pages, JSON for data', async () => {
    const page = await get('/');
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text()).toContain('printed');
    for (const requestPath of ['/api/media', '/media/1/original', '/events', '/api/openapi.json']) {
      const attempts: Record<string, string>[] = [{}, { 'X-Api-Key': 'wrong' }, { Authorization: 'Token wrong' }, { Cookie: 'folio_token=wrong' }];
      for (const headers of attempts) {
        const response = await get(requestPath, headers);
        expect(response.status).toBe(401);
        expect(response.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
      }
    }
    const rpc = await rawRequest(t.port, { method: 'POST', path: '/rpc/tags.list', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(rpc.status).toBe(401);
  });
});

describe('Host, Origin and CORS', () => {
  it('refuses a Host that is not our loopback address and port (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${t.port}`, '127.0.0.1:1', `0.0.0.0:${t.port}`]) {
      const response = await get('/api/media', { 'X-Api-Key': TEST_TOKEN }, host);
      expect(response.status).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    // HTTP/1.1 without Host is refused by Node itself (400) before it reaches us.
    expect([400, 403]).toContain((await get('/api/media', { 'X-Api-Key': TEST_TOKEN }, null)).status);
    for (const host of [`localhost:${t.port}`, `[::1]:${t.port}`]) {
      expect((await get('/api/media', { 'X-Api-Key': TEST_TOKEN }, host)).status).toBe(200);
    }
  });

  it('refuses foreign origins and never sends CORS headers', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${t.port + 1}`]) {
      const response = await t.api('GET', '/api/media', undefined, { Origin: origin });
      expect(response.status).toBe(403);
      const preflight = await rawRequest(t.port, {
        method: 'OPTIONS', path: '/rpc/media.update', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.status).toBe(403);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    }
    const own = await t.api('GET', '/api/media', undefined, { Origin: `http://127.0.0.1:${t.port}` });
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('refuses a body over 1 MiB with 413, whether announced or streamed', async () => {
    const big = JSON.stringify({ from: 'a', to: 'x'.repeat(1024 * 1024) });
    const response = await t.api('POST', '/api/tags/rename', big);
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const announced = await t.api('POST', '/api/tags/rename', big, { 'Content-Length': String(Buffer.byteLength(big)) });
    expect(announced.status).toBe(413);
    const rpc = await t.api('POST', '/rpc/tags.list', big);
    expect(rpc.status).toBe(413);
    expect(rpc.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers malformed JSON with 400 and a non-JSON content type with 415', async () => {
    const malformed = await t.api('POST', '/api/tags/rename', '{"from": "a",');
    expect(malformed.status).toBe(400);
    expect(malformed.json()).toEqual({ error: { code: 'INVALID_ARGUMENT', message: 'The request body is not valid JSON', field: 'body' } });
    const notObject = await t.api('PATCH', '/api/media/1', '[1,2]');
    expect(notObject.status).toBe(400);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await t.api('POST', '/rpc/tags.list', '{}', { 'Content-Type': type });
      expect(response.status).toBe(415);
      const rest = await t.api('POST', '/api/tags/rename', '{}', { 'Content-Type': type });
      expect(rest.status).toBe(415);
      expect(rest.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'Content-Type' } });
    }
  });
});

describe('static renderer', () => {
  const auth = { 'X-Api-Key': TEST_TOKEN };

  it('serves index.html with a strict CSP, and the same page for app routes', async () => {
    for (const requestPath of ['/', '/trash', '/tag/new%20york']) {
      const response = await get(requestPath, auth);
      expect(response.status).toBe(200);
      expect(response.text()).toContain('<title>Folio</title>');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('serves assets with their type and 404s missing ones instead of sending HTML', async () => {
    const js = await get('/assets/app.js', auth);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.text()).toContain('folio');
    expect((await get('/assets/missing.js', auth)).status).toBe(404);
  });

  it('never leaves the renderer folder', async () => {
    for (const requestPath of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2findex.html', '/..%5c..%5cetc', '/%00', '/%E0%A4%A']) {
      const response = await get(requestPath, auth);
      expect(response.status).toBe(404);
      expect(response.text()).not.toContain('root:');
    }
  });

  it('says to run npm run build when the renderer is missing, and carries only the API when asked', async () => {
    const empty = makeTempDir('folio-empty-renderer-');
    const unbuilt = await startHttpServer({ library: t.library, port: 0, token: TEST_TOKEN, rendererDir: empty });
    const apiOnly = await startHttpServer({ library: t.library, port: 0, token: TEST_TOKEN, serveRenderer: false });
    try {
      const page = await rawRequest(unbuilt.port, { path: '/', headers: auth });
      expect(page.status).toBe(500);
      expect(page.text()).toContain('npm run build');
      expect((await rawRequest(apiOnly.port, { path: '/', headers: auth })).status).toBe(404);
      expect((await rawRequest(apiOnly.port, { path: '/api/tags', headers: auth })).status).toBe(200);
      const rpc = await rawRequest(apiOnly.port, { method: 'POST', path: '/rpc/tags.list', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' });
      expect(rpc.status).toBe(404);
    } finally {
      await unbuilt.close();
      await apiOnly.close();
      removeDir(empty);
    }
  });
});

describe('listening', () => {
  it('binds to loopback only and refuses other hosts', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.0.10']) {
      await expect(startHttpServer({ library: t.library, host, port: 0, token: TEST_TOKEN })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    expect(t.server.host).toBe('127.0.0.1');
    expect(t.server.url).toBe(`http://127.0.0.1:${t.port}/?token=${TEST_TOKEN}`);
  });

  it('reports a busy port as CONFLICT', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const attempt = startHttpServer({ library: t.library, port, token: TEST_TOKEN });
      await expect(attempt).rejects.toBeInstanceOf(FolioError);
      await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    } finally {
      blocker.close();
    }
  });

  it('listens on ::1 when asked', async () => {
    const v6 = await startHttpServer({ library: t.library, host: '::1', port: 0, token: TEST_TOKEN }).catch((error: unknown) => error);
    if (v6 instanceof FolioError && v6.code === 'IO_ERROR') return; // No IPv6 loopback on this machine.
    const server = v6 as Awaited<ReturnType<typeof startHttpServer>>;
    try {
      expect(server.origin).toBe(`http://[::1]:${server.port}`);
      const response = await fetch(`${server.origin}/api/tags`, { headers: { 'X-Api-Key': TEST_TOKEN } });
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
