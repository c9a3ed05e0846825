import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMediaRequest, mediaPathFromUrl } from '../../../electron/library/media-files/media-handler.js';
import { libraryMediaSource } from '../../../electron/library/media-files/library-media-source.js';
import { thumbnailPath } from '../../../electron/library/base/thumbnail-paths.js';
import { ELECTRON_MEDIA_BASE } from '../../../shared/media-urls.js';
import { CORPUS_DIR } from '../../helpers/temp-library.js';
import { importFolder, rawRequest, startTestServer, TEST_TOKEN, type TestServer } from '../http/http-fixture.js';
import { TRAVERSAL_PATHS } from './traversal-corpus.js';

const SOURCE = path.join(CORPUS_DIR, 'jpg', 'Canon_40D.jpg');
const SECRET = path.join(CORPUS_DIR, 'jpg', 'gps', 'DSCN0010.jpg');
// Names that break naive URL building: they must work because URLs carry only the id.
const AWKWARD_NAMES = ['hash#tag.jpg', '100% done.jpg', 'what?.jpg', 'both #%?.jpg'];

let t: TestServer;
let photos: string;
let original: Buffer;
const ids = new Map<string, number>();

beforeAll(async () => {
  t = await startTestServer();
  photos = path.join(t.temp.dir, 'photos');
  fs.mkdirSync(path.join(photos, 'sub'), { recursive: true });
  for (const name of ['plain.jpg', ...AWKWARD_NAMES, 'escape-sibling.jpg', 'escape-outside.jpg', 'sub/vanishing.jpg']) {
    fs.copyFileSync(SOURCE, path.join(photos, name));
  }
  // Secrets beside the library folder: one in a sibling whose name starts like it.
  fs.mkdirSync(path.join(t.temp.dir, 'photos-private'));
  fs.copyFileSync(SECRET, path.join(t.temp.dir, 'photos-private', 'secret.jpg'));
  fs.mkdirSync(path.join(t.temp.dir, 'outside'));
  fs.copyFileSync(SECRET, path.join(t.temp.dir, 'outside', 'secret.jpg'));
  await importFolder(t.library, photos);
  const list = await t.library.service.call('media.list', { limit: 100 }, { actor: 'user', urls: { thumbnail: () => '', original: () => '' } });
  for (const item of list.items) ids.set(item.originalName, item.id);
  original = fs.readFileSync(SOURCE);
  // After the import, swap two files for links that lead out of the folder.
  fs.rmSync(path.join(photos, 'escape-sibling.jpg'));
  fs.symlinkSync(path.join(t.temp.dir, 'photos-private', 'secret.jpg'), path.join(photos, 'escape-sibling.jpg'));
  fs.rmSync(path.join(photos, 'escape-outside.jpg'));
  fs.symlinkSync('../outside/secret.jpg', path.join(photos, 'escape-outside.jpg'));
});

afterAll(() => t.close());

const auth = { 'X-Api-Key': TEST_TOKEN };
const get = (requestPath: string, headers: Record<string, string> = {}, method = 'GET') =>
  rawRequest(t.port, { method, path: requestPath, headers: { ...auth, ...headers } });
const idOf = (name: string): number => {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`${name} was not imported`);
  return id;
};

describe('originals', () => {
  it('serves the file by id with its sniffed type and nosniff', async () => {
    const response = await get(`/media/${idOf('plain.jpg')}/original`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.body.equals(original)).toBe(true);
  });

  it('serves files whose names contain #, % and ?', async () => {
    for (const name of AWKWARD_NAMES) {
      const response = await get(`/media/${idOf(name)}/original`);
      expect(response.status, name).toBe(200);
      expect(response.body.equals(original), name).toBe(true);
      expect(String(response.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    }
  });

  it('answers Range requests: first bytes, suffix, open-ended, and 416 past the end', async () => {
    const url = `/media/${idOf('plain.jpg')}/original`;
    const size = original.length;
    const first = await get(url, { Range: 'bytes=0-9' });
    expect(first.status).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-9/${size}`);
    expect(first.headers['content-length']).toBe('10');
    expect(first.body.equals(original.subarray(0, 10))).toBe(true);
    const suffix = await get(url, { Range: 'bytes=-100' });
    expect(suffix.status).toBe(206);
    expect(suffix.headers['content-range']).toBe(`bytes ${size - 100}-${size - 1}/${size}`);
    expect(suffix.body.equals(original.subarray(size - 100))).toBe(true);
    const open = await get(url, { Range: `bytes=${size - 50}-` });
    expect(open.status).toBe(206);
    expect(open.body.equals(original.subarray(size - 50))).toBe(true);
    const beyond = await get(url, { Range: `bytes=${size}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${size}`);
    const many = await get(url, { Range: 'bytes=0-1,4-5' });
    expect(many.status).toBe(200);
    expect(many.body.length).toBe(size);
  });

  it('answers HEAD without a body and revalidates with ETag', async () => {
    const url = `/media/${idOf('plain.jpg')}/original`;
    const head = await get(url, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(original.length));
    expect(head.body.length).toBe(0);
    const etag = String(head.headers.etag);
    expect((await get(url, { 'If-None-Match': etag })).status).toBe(304);
    expect((await get(url, {}, 'DELETE')).status).toBe(405);
  });

  it('refuses a file that became a link out of its folder, even into a sibling folder with the same prefix', async () => {
    for (const name of ['escape-sibling.jpg', 'escape-outside.jpg']) {
      const response = await get(`/media/${idOf(name)}/original`);
      expect(response.status, name).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(response.body.includes(fs.readFileSync(SECRET).subarray(0, 64))).toBe(false);
    }
  });

  it('answers 404 for an unknown id and for a file that vanished', async () => {
    expect((await get('/media/987654/original')).status).toBe(404);
    fs.rmSync(path.join(photos, 'sub', 'vanishing.jpg'));
    const gone = await get(`/media/${idOf('vanishing.jpg')}/original`);
    expect(gone.status).toBe(404);
    expect(gone.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('refuses the whole traversal corpus with a 4xx and no file content', async () => {
    for (const raw of TRAVERSAL_PATHS) {
      const response = await get(`/media${raw}`);
      expect(response.status, raw).toBeGreaterThanOrEqual(400);
      expect(response.status, raw).toBeLessThan(500);
      expect(response.headers['content-type'], raw).toMatch(/^(application\/json|text\/html)/);
      expect(response.text()).not.toContain('root:');
    }
  });
});

describe('thumbnails', () => {
  it('serves WebP thumbnails with caching headers, and remakes one that was deleted', async () => {
    const id = idOf('plain.jpg');
    const first = await get(`/media/${id}/thumb/128`);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('image/webp');
    expect(first.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(first.body.subarray(8, 12).toString('latin1')).toBe('WEBP');
    const item = await t.library.service.call('media.get', { id }, { actor: 'user', urls: { thumbnail: () => '', original: () => '' } });
    const file = thumbnailPath(t.library.paths, item.md5 ?? '', 128);
    fs.rmSync(file);
    const again = await get(`/media/${id}/thumb/128?v=${item.md5 ?? ''}`);
    expect(again.status).toBe(200);
    expect(again.body.equals(first.body)).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    expect((await get(`/media/${id}/thumb/100`)).status).toBe(404);
  });
});

describe('the shared handler, as Electron calls it', () => {
  it('answers media://item/<id>/… with the same checks', async () => {
    const source = libraryMediaSource(t.library);
    const serve = (url: string, init: RequestInit = {}) => {
      const rest = mediaPathFromUrl(url, ELECTRON_MEDIA_BASE);
      if (rest === null) throw new Error(`not a media URL: ${url}`);
      return handleMediaRequest(source, new Request(url, init), rest);
    };
    const ok = await serve(`${ELECTRON_MEDIA_BASE}/${idOf('what?.jpg')}/original`, { headers: { Range: 'bytes=0-3' } });
    expect(ok.status).toBe(206);
    expect(Buffer.from(await ok.arrayBuffer()).equals(original.subarray(0, 4))).toBe(true);
    const escape = await serve(`${ELECTRON_MEDIA_BASE}/${idOf('escape-sibling.jpg')}/original`);
    expect(escape.status).toBe(403);
    expect(mediaPathFromUrl('media://other/1/original', ELECTRON_MEDIA_BASE)).toBeNull();
  });
});
