/**
 * Exports over REST (issue 15): files to a folder as a job (POST /api/export, GET for the
 * progress, cancel) and the metadata of a search streamed as CSV or JSON, on a real server and
 * library made from the corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../../shared/file-export.js';
import { csvHeader } from '../../../shared/metadata-export.js';
import { startRestServer, type ItemJson } from './rest-fixture.js';
import type { TestServer } from './http-fixture.js';

describe('REST exports', () => {
  let t: TestServer;
  let ids: number[];

  beforeAll(async () => {
    t = await startRestServer();
    ids = (await t.api('GET', '/api/media?limit=10')).json<{ items: ItemJson[] }>().items.map((item) => item.id);
    await t.library.service.call('media.editTags', { ids: [ids[0] as number], add: ['Places/Port'], remove: [] }, t.temp.ctx);
  }, 60_000);
  afterAll(() => t.close());

  it('GET /api/export/metadata streams CSV by default: the header, then one line per item of the search', async () => {
    const response = await t.api('GET', `/api/export/metadata?q=${encodeURIComponent('tag:Places')}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="folio-metadata.csv"');
    const lines = response.text().trimEnd().split('\n');
    expect(`${lines[0]}\n`).toBe(csvHeader());
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/Places\/Port/);
  });

  it('GET /api/export/metadata?format=json: every item as one JSON array (pages joined)', async () => {
    const response = await t.api('GET', '/api/export/metadata?format=json');
    expect(response.status).toBe(200);
    const rows = response.json<{ id: number; tags: string[] }[]>();
    expect(rows.map((row) => row.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(rows.find((row) => row.id === ids[0])?.tags).toEqual(['Places/Port']);
    const none = await t.api('GET', `/api/export/metadata?format=json&q=${encodeURIComponent('tag:nothing')}`);
    expect(none.json()).toEqual([]);
  });

  it('a bad format or search is a 400 naming the parameter', async () => {
    const format = await t.api('GET', '/api/export/metadata?format=xml');
    expect(format.status).toBe(400);
    expect(format.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'format' } });
    const search = await t.api('GET', `/api/export/metadata?q=${encodeURIComponent('tag:a (b')}`);
    expect(search.status).toBe(400);
    expect(search.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'q' } });
  });

  it('POST /api/export runs a job; GET /api/export shows it finished with the files in the folder', async () => {
    const dir = path.join(t.temp.dir, 'out');
    const started = await t.api('POST', '/api/export', { dir, filter: { query: 'tag:Places' }, template: '{counter:2} {original}' });
    expect(started.status).toBe(200);
    expect(started.json()).toMatchObject({ state: 'running', total: 1, dir });
    await t.library.exporter.idle();
    const status = (await t.api('GET', '/api/export')).json<ExportProgress>();
    expect(status).toMatchObject({ state: 'done', exported: 1, failed: 0 });
    expect(fs.readdirSync(dir)).toEqual([expect.stringMatching(/^01 .+\.jpg$/u)]);
    expect((await t.api('POST', '/api/export/cancel')).json()).toEqual({ cancelled: false });
    const bad = await t.api('POST', '/api/export', { dir, ids: [ids[0]], template: '{nmae}' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'template' } });
  });
});
