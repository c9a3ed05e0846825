/** The background analysis over REST on a real server: settings, start, status, pause, cancel, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisStatus } from '../../../shared/analysis.js';
import { startTestServer, type TestServer } from './http-fixture.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ corpus: ['jpg/gps/DSCN0010.jpg', 'jpg/Canon_40D.jpg'] });
}, 60_000);
afterAll(() => t.close());

describe('/api/analysis', () => {
  it('starts the due items, reports progress until idle, and knows nothing is due afterwards', async () => {
    const settings = await t.api('PUT', '/api/analysis/settings', { extensions: ['local-analysis'] });
    expect(settings.json()).toEqual({ autoAnalyse: false, extensions: ['local-analysis'] });
    const started = (await t.api('POST', '/api/analysis/start', {})).json<AnalysisStatus>();
    expect(started.total).toBe(2);
    let status = started;
    for (let i = 0; i < 100 && status.state !== 'idle'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await t.api('GET', '/api/analysis')).json<AnalysisStatus>();
    }
    expect(status).toMatchObject({ state: 'idle', queued: 0, done: 2, failed: 0 });
    expect((await t.api('POST', '/api/analysis/start', { scope: 'due' })).json<AnalysisStatus>().queued).toBe(0);
  });

  it('pauses, cancels, and answers 400 to an unknown extension or an empty settings body', async () => {
    expect((await t.api('POST', '/api/analysis/pause')).json<AnalysisStatus>().state).not.toBe('running');
    const queued = (await t.api('POST', '/api/analysis/start', { scope: 'all', extensions: ['places'] })).json<AnalysisStatus>();
    expect(queued.total).toBeGreaterThan(0);
    await t.api('POST', '/api/analysis/pause');
    const cancelled = (await t.api('POST', '/api/analysis/cancel')).json<AnalysisStatus & { removed: number }>();
    expect(cancelled.queued).toBe(0);
    const unknown = await t.api('POST', '/api/analysis/start', { extensions: ['telepathy'] });
    expect(unknown.status).toBe(400);
    expect(unknown.json<{ error: { message: string } }>().error.message).toContain('There is no extension "telepathy"');
    expect((await t.api('PUT', '/api/analysis/settings', {})).status).toBe(400);
  });
});
