import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../shared/media.js';
import { libraryMediaSource } from '../../../electron/library/media-files/library-media-source.js';
import { createMediaProtocolHandler, type ProtocolHandler } from '../../../electron/main/protocol/media-protocol.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importFolder, itemNamed, placeFiles } from './import-folder.js';

/** A request as Electron's protocol.handle gives it. */
function request(url: string, init: RequestInit = {}): Request {
  return new Request(url, init);
}

/**
 * A request whose URL reaches the handler exactly as written. Chromium (and Node's Request)
 * normalise `..` segments of a standard URL before a handler sees them; the handler must not
 * rely on that, so these URLs skip it.
 */
function rawRequest(url: string): Request {
  const real = new Request('media://item/');
  Object.defineProperty(real, 'url', { value: url });
  return real;
}

async function bytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe('the media:// protocol', () => {
  let t: TempLibrary;
  let handle: ProtocolHandler;
  let folder: string;
  let items: MediaItem[];

  beforeAll(async () => {
    t = openTempLibrary({ workers: 1 });
    folder = path.join(t.dir, 'photos');
    placeFiles(folder, {
      'plain.jpg': 'jpg/Canon_40D.jpg',
      'beach #1.jpg': 'jpg/Nikon_D70.jpg',
      '100% sure?.jpg': 'jpg/gps/DSCN0010.jpg',
      'to-be-swapped.jpg': 'jpg/orientation/landscape_1.jpg',
    });
    placeFiles(path.join(t.dir, 'photos-private'), { 'secret.jpg': 'jpg/gps/DSCN0021.jpg' });
    items = await importFolder(t.library, folder);
    handle = createMediaProtocolHandler(libraryMediaSource(t.library));
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('serves an original by item id, with its sniffed type, nosniff and the bytes of the file', async () => {
    const item = itemNamed(items, 'plain.jpg');
    const response = await handle(request(`media://item/${item.id}/original`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(await bytes(response)).toEqual(fs.readFileSync(path.join(folder, 'plain.jpg')));
  });

  it('serves names with #, % and ? (they never appear in the URL)', async () => {
    for (const name of ['beach #1.jpg', '100% sure?.jpg']) {
      const item = itemNamed(items, name);
      const response = await handle(request(`media://item/${item.id}/original`));
      expect(response.status, name).toBe(200);
      expect(await bytes(response)).toEqual(fs.readFileSync(path.join(folder, name)));
    }
  });

  it('answers a Range request with 206 and exactly those bytes (video seeking)', async () => {
    const item = itemNamed(items, 'plain.jpg');
    const file = fs.readFileSync(path.join(folder, 'plain.jpg'));
    const response = await handle(request(`media://item/${item.id}/original`, { headers: { Range: 'bytes=100-199' } }));
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 100-199/${file.length}`);
    expect(await bytes(response)).toEqual(file.subarray(100, 200));
    const beyond = await handle(request(`media://item/${item.id}/original`, { headers: { Range: `bytes=${file.length + 10}-` } }));
    expect(beyond.status).toBe(416);
  });

  it('serves each thumbnail size as WebP, and ignores a cache-busting query', async () => {
    const item = itemNamed(items, 'plain.jpg');
    for (const size of [64, 128, 512, 1080]) {
      const response = await handle(request(`media://item/${item.id}/thumb/${size}?v=${item.md5}`));
      expect(response.status, String(size)).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect((await bytes(response)).subarray(8, 12).toString('latin1')).toBe('WEBP');
    }
  });

  it('lets our page (another origin: app://folio) show media', async () => {
    const item = itemNamed(items, 'plain.jpg');
    const response = await handle(request(`media://item/${item.id}/thumb/128`));
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('refuses anything that is not media://item/<id>/(original|thumb/<size>)', async () => {
    const id = itemNamed(items, 'plain.jpg').id;
    for (const url of [
      'media://item/',
      'media://item',
      `media://other/${id}/original`,
      `media://item/${id}`,
      `media://item/${id}/thumb`,
      `media://item/${id}/thumb/100`,
      `media://item/${id}/thumb/512/extra`,
      `media://item/${id}/originals`,
      'media://item/0/original',
      'media://item/-1/original',
      'media://item/1e3/original',
      'media://item/99999999/original',
      'media://item/99999999999999999999/original',
      `media://item/${id}/original/../../../../etc/passwd`,
      `media://item/../../etc/passwd`,
      `media://item/${id}/%2e%2e/%2e%2e/etc/passwd`,
      `media://item/%2e%2e%2fetc%2fpasswd/original`,
      `media://item/${id}%2foriginal`,
      `media://item/${id}%5coriginal`,
      `media://item/%252e%252e/original`,
      `media://item/${id}%00/original`,
      `media://item//etc/passwd`,
      `media://item/C:%5cWindows%5cwin.ini`,
      `media://item/%5c%5cserver%5cshare%5cx.jpg`,
      'media://item/plain.jpg',
    ]) {
      const response = await handle(rawRequest(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-type'), url).toContain('application/json');
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code, url).toBe('NOT_FOUND');
    }
  });

  it('refuses writes', async () => {
    const id = itemNamed(items, 'plain.jpg').id;
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await handle(request(`media://item/${id}/original`, { method, body: method === 'DELETE' ? null : 'x' }));
      expect(response.status, method).toBe(405);
    }
    expect(fs.readFileSync(path.join(folder, 'plain.jpg')).length).toBeGreaterThan(1000);
  });

  it('refuses an item whose file was replaced by a link out of its library folder', async () => {
    const item = itemNamed(items, 'to-be-swapped.jpg');
    const file = path.join(folder, 'to-be-swapped.jpg');
    fs.rmSync(file);
    // A sibling whose name starts like the library folder: a plain prefix test would let it through.
    fs.symlinkSync(path.join(t.dir, 'photos-private', 'secret.jpg'), file);
    const response = await handle(request(`media://item/${item.id}/original`));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });
});
