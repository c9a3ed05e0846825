import type { IncomingMessage } from 'node:http';
import { FolioError } from '../../../shared/errors.js';
import { errorResponse } from '../../library/base/error-status.js';
import type { HttpRequest } from '../../library/http/request-context.js';
import { serveStatic } from '../../library/http/static-route.js';
import { APP_CSP } from '../security/csp.js';
import { APP_ORIGIN } from '../security/origins.js';
import type { ProtocolHandler } from './media-protocol.js';

/**
 * The security headers of every `app://` response, whatever produced it (a page, an asset, an
 * error). The CSP is the renderer's; sending it on assets too costs nothing and means no
 * response of ours is ever without one.
 */
export function withAppSecurityHeaders(response: Response): Response {
  response.headers.set('Content-Security-Policy', APP_CSP);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  return response;
}

/** The raw path of an `app://folio/…` URL, or null for any other origin. */
export function appPathFromUrl(url: string): string | null {
  const prefix = `${APP_ORIGIN}/`;
  if (!url.startsWith(prefix)) return null;
  const rest = url.slice(APP_ORIGIN.length);
  const end = rest.search(/[?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

/** The static-file route reads only these request headers; see `toWebRequest`. */
function asHttpRequest(request: Request, rawPath: string): HttpRequest {
  const headers: Record<string, string> = {};
  for (const name of ['range', 'if-none-match', 'if-range']) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return {
    req: { headers } as IncomingMessage,
    method: request.method,
    rawPath,
    query: new URLSearchParams(),
    signal: request.signal,
  };
}

/**
 * Serves the built renderer (`dist/renderer`) on `app://folio/`. The file lookup (decoding,
 * refusing `..`, the real-path check, the SPA fallback to index.html, content types) is the
 * browser-mode static route's; here only the origin and the desktop CSP differ.
 */
export function createAppProtocolHandler(rendererDir: string): ProtocolHandler {
  return async (request) => {
    const rawPath = appPathFromUrl(request.url);
    if (rawPath === null) {
      return withAppSecurityHeaders(errorResponse(new FolioError('NOT_FOUND', 'No such page in the app')));
    }
    try {
      return withAppSecurityHeaders(await serveStatic(asHttpRequest(request, rawPath), rendererDir));
    } catch (error) {
      return withAppSecurityHeaders(errorResponse(error));
    }
  };
}
