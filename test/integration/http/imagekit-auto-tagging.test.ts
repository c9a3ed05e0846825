/**
 * What an ImageKit client sends to `PATCH /api/media/{id}/details`, answered offline: the
 * cloud tagger's name, minConfidence on the 0–100 scale, and `removeAITags: "all"` first.
 * The photo is the corpus's coach (jpg/Nikon_COOLPIX_P1.jpg: a bus filling the frame; the
 * model gives it about 0.78).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './http-fixture.js';
import type { ErrorJson, ItemJson } from './rest-fixture.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ corpus: ['jpg/Nikon_COOLPIX_P1.jpg'] });
}, 60_000);
afterAll(async () => t.close());

const details = async (body: unknown) => {
  const response = await t.api('PATCH', '/api/media/1/details', body);
  expect(response.status, response.body.toString()).toBe(200);
  return response.json<ItemJson>();
};

describe('the ImageKit-shaped auto-tagging request', () => {
  it('removes every AI tag, then tags with the offline recogniser above the percentage given', async () => {
    const local = await details({ extensions: [{ name: 'local-analysis' }] });
    expect(local.AITags.length).toBeGreaterThan(0);
    const strict = await details({ extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 95 }], removeAITags: 'all' });
    // Nothing in the photo reaches 95 %, and the local-analysis tags went with "all".
    expect(strict.AITags).toEqual([]);
    const run = strict.extensionStatus.find((status) => status.extension === 'objects');
    expect(run).toMatchObject({ status: 'done', message: expect.stringContaining('"google-auto-tagging" is answered offline by the objects extension') });
    const usual = await details({ extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 70 }], removeAITags: 'all' });
    expect(usual.AITags).toEqual([{ name: 'bus', confidence: expect.closeTo(0.78, 1), source: 'objects', box: expect.objectContaining({ x: expect.any(Number) }) }]);
    const aws = await details({ extensions: [{ name: 'aws-auto-tagging', minConfidence: 50 }] });
    expect(aws.AITags.map((tag) => tag.name)).toEqual(['bus']);
  });

  it('refuses a minConfidence above 100 before removing anything', async () => {
    const before = (await details({ extensions: [{ name: 'objects' }] })).AITags;
    const bad = await t.api('PATCH', '/api/media/1/details', { removeAITags: 'all', extensions: [{ name: 'google-auto-tagging', minConfidence: 101 }] });
    expect(bad.status).toBe(400);
    expect(bad.json<ErrorJson>().error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'extensions[0].minConfidence' });
    expect((await t.api('GET', '/api/media/1')).json<ItemJson>().AITags).toEqual(before);
  });
});
