import fs from 'node:fs';
import path from 'node:path';
import { FolioError } from '../../../shared/errors.js';
import { fileResponse } from '../media-files/file-response.js';
import { isPathInside } from '../base/path-inside.js';
import { HttpError, methodNotAllowed } from '../base/error-status.js';
import { toWebRequest, type HttpRequest } from './request-context.js';
import { PAGE_CSP } from './security-headers.js';
import { htmlResponse } from './write-response.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Folio: renderer not built</title></head>
<body><h1>The Folio interface has not been built</h1>
<p>Run <code>npm run build</code> (or start with <code>npm run serve</code>, which builds it first), then reload this page.</p>
</body></html>`;

/** Decodes a static path and refuses anything that could climb out of the renderer folder. */
function staticRelativePath(rawPath: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new FolioError('NOT_FOUND', 'No such file');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) throw new FolioError('NOT_FOUND', 'No such file');
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) throw new FolioError('NOT_FOUND', 'No such file');
  return segments.join('/');
}

async function realFileInside(root: string, relative: string): Promise<Buffer | null> {
  try {
    const [real, realRoot] = await Promise.all([
      fs.promises.realpath(path.join(root, relative), { encoding: 'buffer' }),
      fs.promises.realpath(root, { encoding: 'buffer' }),
    ]);
    if (!isPathInside(real, realRoot)) return null;
    const stat = await fs.promises.stat(real);
    return stat.isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * The built renderer: files from `dist/renderer`, and `index.html` for any other page path so
 * the app's own routes survive a reload. Missing assets are a 404, never the HTML page (a
 * script tag given HTML would fail in confusing ways).
 */
export async function serveStatic(request: HttpRequest, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') throw methodNotAllowed(['GET', 'HEAD']);
  const webRequest = toWebRequest(request);
  const relative = staticRelativePath(request.rawPath);
  const indexFile = await realFileInside(rendererDir, 'index.html');
  if (indexFile === null) return htmlResponse(NOT_BUILT_PAGE, 500);
  const file = relative === '' ? indexFile : await realFileInside(rendererDir, relative);
  if (file === null) {
    if (relative.split('/').includes('assets')) {
      throw new HttpError(404, 'NOT_FOUND', `No such file: /${relative}`);
    }
    return pageFile(webRequest, indexFile);
  }
  if (file === indexFile) return pageFile(webRequest, indexFile);
  const type = CONTENT_TYPES[path.extname(relative).toLowerCase()] ?? 'application/octet-stream';
  return fileResponse(webRequest, {
    realPath: file,
    contentType: type,
    // Vite names assets by content hash, so they can be kept; other files are revalidated.
    cacheControl: relative.startsWith('assets/') ? 'private, max-age=31536000, immutable' : 'private, no-cache',
    csp: PAGE_CSP,
  });
}

function pageFile(webRequest: Request, indexFile: Buffer): Promise<Response> {
  return fileResponse(webRequest, {
    realPath: indexFile,
    contentType: 'text/html; charset=utf-8',
    cacheControl: 'no-cache',
    csp: PAGE_CSP,
  });
}
