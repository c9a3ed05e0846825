/**
 * The real `@imagekit/nodejs` client, unchanged, against a browser-mode server on a real
 * library: every call a script makes, each typed error it raises, and that what it changed is
 * what Folio's own API then shows.
 */
import path from 'node:path';
import ImageKit, { AuthenticationError, BadRequestError, NotFoundError } from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN, rawRequest, type TestServer } from '../http-fixture.js';
import type { ItemJson } from '../rest-fixture.js';
import { countingFetch, imagekitClient, startImageKitServer } from './imagekit-fixture.js';

const SWATCHES = 60;
const TOTAL = 4 + SWATCHES;

let t: TestServer;
let client: ImageKit;
beforeAll(async () => {
  t = await startImageKitServer(SWATCHES);
  client = imagekitClient(t);
}, 120_000);
afterAll(() => t.close());

async function folioItem(id: number): Promise<ItemJson> {
  const response = await t.api('GET', `/api/media/${id}`);
  expect(response.status).toBe(200);
  return response.json<ItemJson>();
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('authentication', () => {
  it('takes the key as HTTP Basic user name, as the SDK and curl -u key: send it', async () => {
    const file = await client.files.get('1');
    expect(file.fileId).toBe('1');
    const curlStyle = Buffer.from(`${TEST_TOKEN}:`).toString('base64');
    const response = await rawRequest(t.port, { path: '/v1/files/1/details', headers: { Authorization: `Basic ${curlStyle}` } });
    expect(response.status).toBe(200);
    // The rest of the REST API takes it too, beside the existing headers.
    const rest = await rawRequest(t.port, { path: '/api/media/1', headers: { Authorization: `Basic ${curlStyle}` } });
    expect(rest.status).toBe(200);
  });

  it('raises AuthenticationError for a wrong key, with ImageKit\'s error body, without retrying', async () => {
    const counter = countingFetch();
    const wrong = imagekitClient(t, { privateKey: 'not-the-key-at-all-0000', fetch: counter.fetch });
    const error = await rejection(wrong.files.get('1'));
    expect(error).toBeInstanceOf(AuthenticationError);
    const body = (error as AuthenticationError).error as { message: string; help: string };
    expect(body.message).toMatch(/key/);
    expect(typeof body.help).toBe('string');
    expect(counter.calls).toBe(1);
    const raw = await rawRequest(t.port, { path: '/v1/files' });
    expect(raw.status).toBe(401);
    expect(raw.headers['www-authenticate']).toMatch(/^Basic/);
  });
});

describe('files.get', () => {
  it("answers an item in ImageKit's File shape with Folio's own media URLs", async () => {
    const file = await client.files.get('1');
    const item = await folioItem(1);
    expect(file).toMatchObject({
      fileId: '1',
      type: 'file',
      name: item.name,
      filePath: item.path,
      fileType: 'image',
      tags: null,
      AITags: null,
      customCoordinates: null,
      customMetadata: {},
      description: '',
      mime: 'image/jpeg',
      size: item.size,
      width: item.width,
      height: item.height,
      hasAlpha: false,
      url: item.url,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
    });
    expect(file.url).toBe(`${t.server.origin}/media/1/original`);
    expect(file.thumbnail).toMatch(new RegExp(`^${t.server.origin}/media/1/`));
    const original = await rawRequest(t.port, { path: new URL(file.url ?? '').pathname, headers: { 'X-Api-Key': TEST_TOKEN } });
    expect(original.status).toBe(200);
  });

  it('raises NotFoundError for an unknown id and for an id that is not a Folio id', async () => {
    const counter = countingFetch();
    const counted = imagekitClient(t, { fetch: counter.fetch });
    const unknown = await rejection(counted.files.get('999999'));
    expect(unknown).toBeInstanceOf(NotFoundError);
    const foreign = await rejection(counted.files.get('598821f949c0a938d57563bd'));
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect((foreign as NotFoundError).message).toMatch(/numbers/);
    expect(counter.calls).toBe(2);
  });
});

describe('files.update', () => {
  it('sets tags, description, focus area and merges customMetadata (null removes a key)', async () => {
    await client.files.update('2', { customMetadata: { photographer: 'Ann', draft: true } });
    const file = await client.files.update('2', {
      tags: ['harbour', 'Evening'],
      description: 'Boats coming in',
      customCoordinates: '10,20,30,40',
      customMetadata: { draft: null, rating: 4 },
      webhookUrl: 'https://example.com/never-called',
    });
    expect([...(file.tags ?? [])].sort()).toEqual(['Evening', 'harbour']);
    expect(file).toMatchObject({
      fileId: '2',
      description: 'Boats coming in',
      customCoordinates: '10,20,30,40',
      customMetadata: { photographer: 'Ann', rating: 4 },
    });
    const item = await folioItem(2);
    expect([...item.tags].sort()).toEqual(['Evening', 'harbour']);
    expect(item.metadata).toEqual({ photographer: 'Ann', rating: 4 });
    expect(item.updatedBy).toBe('api');
  });

  it('clears tags and the focus area with null', async () => {
    const file = await client.files.update('2', { tags: null, customCoordinates: null });
    expect(file.tags).toBeNull();
    expect(file.customCoordinates).toBeNull();
    expect((await folioItem(2)).tags).toEqual([]);
  });

  it('runs google-auto-tagging as the local recogniser, minConfidence on a 0–100 scale', async () => {
    // Photo 4 (landscape_1.jpg, a street): the object detector's labels score 8–20% there.
    const file = await client.files.update('4', { extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 10 }] });
    expect(file.extensionStatus).toEqual({ 'google-auto-tagging': 'success' });
    const details = (file as unknown as { extensionDetails: Record<string, { ranAs: string; message: string }> }).extensionDetails;
    expect(details['google-auto-tagging']?.ranAs).toBe('objects');
    expect(details['google-auto-tagging']?.message).toMatch(/objects/);
    expect(file.AITags?.length ?? 0).toBeGreaterThan(0);
    expect(file.AITags?.length ?? 0).toBeLessThanOrEqual(5);
    for (const tag of file.AITags ?? []) {
      expect(tag.confidence).toBeGreaterThanOrEqual(10);
      expect(tag.confidence).toBeLessThanOrEqual(100);
      expect(tag.source).toBe('objects');
    }
    // Folio keeps 0–1 confidences; the dialect shows them as percentages.
    const item = await folioItem(4);
    expect(item.AITags.map((tag) => Math.round(tag.confidence * 10_000) / 100)).toEqual(file.AITags?.map((tag) => tag.confidence));
  });

  it('runs aws-auto-tagging too, and removes AI tags by name and with "all"', async () => {
    const tagged = await client.files.update('3', { extensions: [{ name: 'aws-auto-tagging', maxTags: 10, minConfidence: 0 }] });
    expect(tagged.extensionStatus).toEqual({ 'aws-auto-tagging': 'success' });
    const names = (tagged.AITags ?? []).map((tag) => tag.name ?? '');
    expect(names.length).toBeGreaterThan(1);
    const [first, ...rest] = names;
    const afterOne = await client.files.update('3', { removeAITags: [first ?? ''] });
    expect((afterOne.AITags ?? []).map((tag) => tag.name)).toEqual(rest);
    const afterAll = await client.files.update('3', { removeAITags: 'all' });
    expect(afterAll.AITags).toBeNull();
    expect((await folioItem(3)).AITags).toEqual([]);
  });

  it('raises BadRequestError for what does not map, and changes nothing', async () => {
    const before = await folioItem(1);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ extensions: [{ name: 'remove-bg' }], tags: ['x'] }, /cloud/],
      [{ extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 150 }], tags: ['x'] }, /0 to 100/],
      [{ extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 10 }, { name: 'aws-auto-tagging', maxTags: 5, minConfidence: 10 }] }, /ask for one/],
      [{ tags: ['fine', 'bad\u0007tag'] }, /control/i],
      [{ customCoordinates: 'here' }, /./],
      [{ publish: { isPublished: false } }, /publication/],
      [{}, /at least one/],
      [{ width: 10 }, /./],
    ];
    for (const [body, message] of cases) {
      const error = await rejection(client.files.update('1', body as never));
      expect(error, JSON.stringify(body)).toBeInstanceOf(BadRequestError);
      const payload = (error as BadRequestError).error as { message: string; help: string };
      expect(payload.message, JSON.stringify(body)).toMatch(message);
      expect(payload.help).toBeTruthy();
    }
    const after = await folioItem(1);
    expect(after.tags).toEqual(before.tags);
    expect(after.AITags).toEqual(before.AITags);
    expect(after.updatedAt).toBe(before.updatedAt);
  });

  it('raises NotFoundError for an unknown file', async () => {
    expect(await rejection(client.files.update('999999', { tags: ['x'] }))).toBeInstanceOf(NotFoundError);
  });
});

describe('files.bulk', () => {
  const many = Array.from({ length: TOTAL }, (_, index) => String(index + 1));

  it('adds and removes tags on every file at once', async () => {
    const added = await client.files.bulk.addTags({ fileIds: many, tags: ['batch', 'summer'] });
    expect(added.successfullyUpdatedFileIds).toEqual(many);
    const tagged = await t.api('GET', '/api/media?tag=batch&tag=summer&limit=500&withTotal=true');
    expect(tagged.json<{ total: number }>().total).toBe(TOTAL);

    const removed = await client.files.bulk.removeTags({ fileIds: many.slice(0, 50), tags: ['summer'] });
    expect(removed.successfullyUpdatedFileIds).toHaveLength(50);
    const left = await t.api('GET', '/api/media?tag=summer&limit=500&withTotal=true');
    expect(left.json<{ total: number }>().total).toBe(TOTAL - 50);
  });

  it('is all or nothing: an unknown fileId changes no file and is listed in missingFileIds', async () => {
    const error = await rejection(client.files.bulk.addTags({ fileIds: ['1', '2', '999999', 'abc'], tags: ['never'] }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(((error as NotFoundError).error as { missingFileIds: string[] }).missingFileIds).toEqual(['abc']);
    const numeric = await rejection(client.files.bulk.addTags({ fileIds: ['1', '999999', '2', '999998'], tags: ['never'] }));
    expect(((numeric as NotFoundError).error as { missingFileIds: string[] }).missingFileIds).toEqual(['999999', '999998']);
    const tagged = await t.api('GET', '/api/media?tag=never&withTotal=true');
    expect(tagged.json<{ total: number }>().total).toBe(0);
  });

  it('removes AI tags from many files', async () => {
    const ids = ['5', '6', '7'];
    // Plain colour swatches: nothing for the object detector, colours for Folio's own analysis.
    // (The SDK's types name only ImageKit's extensions; the dialect takes Folio's own too.)
    const colours = { name: 'local-analysis', maxTags: 10, minConfidence: 0 } as unknown as { name: 'google-auto-tagging'; maxTags: number; minConfidence: number };
    for (const id of ids) await client.files.update(id, { extensions: [colours] });
    const common = (await client.files.get('5')).AITags?.[0]?.name ?? '';
    expect(common).not.toBe('');
    const result = await client.files.bulk.removeAITags({ fileIds: ids, AITags: [common] });
    expect(result.successfullyUpdatedFileIds).toEqual(ids);
    for (const id of ids) {
      const names = ((await client.files.get(id)).AITags ?? []).map((tag) => tag.name);
      expect(names).not.toContain(common);
    }
  });

  it('raises BadRequestError for a bad body', async () => {
    expect(await rejection(client.files.bulk.addTags({ fileIds: [], tags: ['x'] }))).toBeInstanceOf(BadRequestError);
    expect(await rejection(client.files.bulk.addTags({ fileIds: ['1'], tags: ['bad\u0007'] }))).toBeInstanceOf(BadRequestError);
  });
});

describe('assets.list', () => {
  it('pages through every file with skip and limit, in the order asked', async () => {
    const seen: string[] = [];
    for (let skip = 0; ; skip += 10) {
      const page = await client.assets.list({ sort: 'ASC_NAME', skip, limit: 10 });
      for (const asset of page) {
        expect(asset.type).toBe('file');
        seen.push((asset as { fileId: string }).fileId);
      }
      if (page.length < 10) break;
    }
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    const all = await client.assets.list({ sort: 'ASC_NAME' });
    expect(all.map((asset) => (asset as { fileId: string }).fileId)).toEqual(seen);
    const names = all.map((asset) => asset.name ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    const newestFirst = await client.assets.list({ sort: 'DESC_CREATED', limit: 1 });
    expect((newestFirst[0] as { fileId: string }).fileId).toBe(String(TOTAL));
  });

  it('filters by tags, searchQuery, fileType, type and path', async () => {
    await client.files.update('4', { tags: ['lighthouse', 'coast'] });
    // ImageKit's API takes `tags` (any of them); SDK 7's types leave it out, so it goes as an extra query.
    const byTags = await client.assets.list({}, { query: { tags: 'lighthouse,nothing-has-this' } });
    expect(byTags.map((asset) => (asset as { fileId: string }).fileId)).toEqual(['4']);
    const search = await client.assets.list({ searchQuery: 'tags IN ["lighthouse"] AND fileType = "image" AND type = "file"' });
    expect(search.map((asset) => (asset as { fileId: string }).fileId)).toEqual(['4']);
    // files.update replaced item 4's tags, so it alone lacks the bulk-added tag.
    const notTagged = await client.assets.list({ searchQuery: 'tags NOT IN ["batch"]' });
    expect(notTagged.map((asset) => (asset as { fileId: string }).fileId)).toEqual(['4']);
    const named = await client.assets.list({ searchQuery: 'name : "swatch-007"' });
    expect(named.map((asset) => asset.name)).toEqual(['swatch-007.jpg']);
    expect(await client.assets.list({ fileType: 'non-image' })).toHaveLength(0);
    expect(await client.assets.list({ type: 'folder' })).toHaveLength(0);
    const inPhotos = await client.assets.list({ path: `${path.join(t.temp.dir, 'photos')}/`, sort: 'ASC_CREATED' });
    expect(inPhotos.map((asset) => (asset as { fileId: string }).fileId)).toEqual(['1', '2', '3', '4']);
    expect(await client.assets.list({ path: path.join(t.temp.dir, 'swatches') })).toHaveLength(SWATCHES);
    expect(await client.assets.list({ path: '/' })).toHaveLength(TOTAL);
  });

  it('raises BadRequestError naming what does not map', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ sort: 'ASC_HEIGHT' }, /sort/],
      [{ searchQuery: 'createdAt > "7d"' }, /createdAt/],
      [{ searchQuery: 'tags IN ["a"] OR tags IN ["b"]' }, /OR/],
      [{ type: 'file-version' }, /file versions/],
      [{ limit: 5000 }, /limit/],
      [{ path: '/nowhere/' }, /path/],
    ];
    for (const [query, message] of cases) {
      const error = await rejection(client.assets.list(query as never));
      expect(error, JSON.stringify(query)).toBeInstanceOf(BadRequestError);
      expect(((error as BadRequestError).error as { message: string }).message, JSON.stringify(query)).toMatch(message);
    }
  });
});

describe('files.delete', () => {
  it("moves the file to Folio's trash; afterwards it is not found", async () => {
    await client.files.delete(String(TOTAL));
    expect((await folioItem(TOTAL)).status).toBe('deleted');
    expect(await rejection(client.files.get(String(TOTAL)))).toBeInstanceOf(NotFoundError);
    expect(await rejection(client.files.delete(String(TOTAL)))).toBeInstanceOf(NotFoundError);
    const listed = await client.assets.list({});
    expect(listed).toHaveLength(TOTAL - 1);
  });

  it('deletes many at once, all or nothing', async () => {
    const ids = [String(TOTAL - 1), String(TOTAL - 2)];
    expect(await rejection(client.files.bulk.delete({ fileIds: [...ids, '999999'] }))).toBeInstanceOf(NotFoundError);
    expect((await folioItem(TOTAL - 1)).status).toBe('active');
    const result = await client.files.bulk.delete({ fileIds: ids });
    expect(result.successfullyDeletedFileIds).toEqual(ids);
    expect((await folioItem(TOTAL - 2)).status).toBe('deleted');
  });
});
