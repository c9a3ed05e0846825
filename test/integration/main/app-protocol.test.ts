import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPathFromUrl, createAppProtocolHandler } from '../../../electron/main/protocol/app-protocol.js';
import type { ProtocolHandler } from '../../../electron/main/protocol/media-protocol.js';
import { APP_CSP } from '../../../electron/main/security/csp.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-1a2b.js"></script></head><body></body></html>';

/** A URL exactly as written: Chromium would normalise `..` first, the handler must not rely on it. */
function rawRequest(url: string): Request {
  const real = new Request('app://folio/');
  Object.defineProperty(real, 'url', { value: url });
  return real;
}

describe('the app:// protocol', () => {
  let dir: string;
  let rendererDir: string;
  let handle: ProtocolHandler;

  beforeAll(() => {
    dir = makeTempDir('folio-app-');
    rendererDir = path.join(dir, 'dist', 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index-1a2b.js'), 'console.log("folio")');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index-1a2b.css'), 'body{margin:0}');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the page');
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
    handle = createAppProtocolHandler(rendererDir);
  });
  afterAll(() => removeDir(dir));

  it('serves the page with the CSP as a header, nosniff and no referrer', async () => {
    const response = await handle(new Request('app://folio/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves scripts and styles with their types, and the CSP on them too', async () => {
    const script = await handle(new Request('app://folio/assets/index-1a2b.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(APP_CSP);
    const style = await handle(new Request('app://folio/assets/index-1a2b.css'));
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers the app root and its own routes with the page (a reload keeps working)', async () => {
    for (const url of ['app://folio/', 'app://folio/trash', 'app://folio/folders/3?sort=name#x']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(200);
      expect(await response.text(), url).toBe(INDEX);
      expect(response.headers.get('content-security-policy'), url).toBe(APP_CSP);
    }
  });

  it('answers a missing asset with 404, never the page', async () => {
    const response = await handle(new Request('app://folio/assets/missing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://folio/../secret.txt',
      'app://folio/assets/../../secret.txt',
      'app://folio/%2e%2e/secret.txt',
      'app://folio/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://folio/..%5csecret.txt',
      'app://folio/%252e%252e/secret.txt',
      'app://folio/assets/link.txt',
      'app://folio/assets/index-1a2b.js%00.html',
    ]) {
      const response = await handle(rawRequest(url));
      const text = await response.text();
      expect(text, url).not.toContain('not for the page');
      expect(response.headers.get('content-security-policy'), url).toBe(APP_CSP);
    }
  });

  it('only answers for app://folio', async () => {
    for (const url of ['app://other/index.html', 'app://folio.evil/index.html', 'app://folioX/index.html']) {
      const response = await handle(rawRequest(url));
      expect(response.status, url).toBe(404);
    }
    expect(appPathFromUrl('app://folio/a/b?c#d')).toBe('/a/b');
    expect(appPathFromUrl('app://folio')).toBeNull();
  });

  it('refuses writes', async () => {
    const response = await handle(new Request('app://folio/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('says how to build the renderer when it is missing', async () => {
    const response = await createAppProtocolHandler(path.join(dir, 'nowhere'))(new Request('app://folio/'));
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('npm run build');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
  });
});
