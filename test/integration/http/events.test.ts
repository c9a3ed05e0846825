import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServerHandle } from '../../../electron/library/http/server.js';
import { openEvents, until } from './event-client.js';
import { TEST_TOKEN, startTestServer, type TestServer } from './http-fixture.js';

let t: TestServer;
let fast: HttpServerHandle;
beforeAll(async () => {
  t = await startTestServer();
  fast = await startHttpServer({ library: t.library, port: 0, token: TEST_TOKEN, heartbeatMs: 50 });
});
afterAll(async () => {
  await fast.close();
  await t.close();
});


describe('GET /events', () => {
  it('streams library events as SSE frames', async () => {
    const client = await openEvents(t.port);
    try {
      await until(() => t.server.openEventStreams() === 1);
      t.library.events.emit('library.changed', { aspects: ['tags'], actor: 'api' });
      t.library.events.emit('import.progress', {
        jobId: 'j1', state: 'running', total: 3, done: 1, errors: 0, scanning: false, currentFile: 'a.jpg',
        startedAt: '2024-01-01T00:00:00.000Z', finishedAt: null, message: null,
      });
      expect(await client.next('library.changed')).toEqual({ aspects: ['tags'], actor: 'api' });
      expect(await client.next('import.progress')).toMatchObject({ jobId: 'j1', done: 1 });
      expect(client.raw()).toContain('retry: ');
    } finally {
      client.close();
    }
  });

  it('sends heartbeat comments and drops listeners when the client goes', async () => {
    const client = await openEvents(fast.port);
    await until(() => client.raw().split(': heartbeat').length > 2);
    expect(fast.openEventStreams()).toBe(1);
    client.close();
    await until(() => fast.openEventStreams() === 0);
  });

  it('needs the key like everything else', async () => {
    await expect(openEvents(t.port, {})).rejects.toThrow(/401/);
  });

  it('ends open streams when the server closes', async () => {
    const extra = await startHttpServer({ library: t.library, port: 0, token: TEST_TOKEN });
    const client = await openEvents(extra.port);
    await until(() => extra.openEventStreams() === 1);
    await extra.close();
    expect(extra.openEventStreams()).toBe(0);
    client.close();
  });
});
