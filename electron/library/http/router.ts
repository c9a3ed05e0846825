import { FolioError } from '../../../shared/errors.js';
import { handleMediaRequest } from '../media-files/media-handler.js';
import type { MediaFileSource } from '../media-files/resolve-media-file.js';
import type { LibraryEvents } from '../base/events.js';
import type { Service } from '../service/service.js';
import { isAuthorized, tokenCookie, tokensEqual } from './auth.js';
import { errorResponse } from '../base/error-status.js';
import { handleEvents, type EventStreams } from './events-route.js';
import { handleRpc } from './rpc-route.js';
import { toWebRequest, type HttpRequest } from './request-context.js';
import { serveStatic } from './static-route.js';
import { UNAUTHORIZED_PAGE } from './unauthorized-page.js';
import { htmlResponse } from './write-response.js';
import { IMAGEKIT_PREFIX, imagekitErrorResponse, isImageKitPath } from './imagekit/imagekit-errors.js';

export interface RouterDeps {
  service: Service;
  events: LibraryEvents;
  media: MediaFileSource;
  token: string;
  api: (request: HttpRequest) => Promise<Response>;
  streams: EventStreams;
  /** `null` when the server carries only the API (the desktop app's opt-in setting). */
  rendererDir: string | null;
  heartbeatMs: number;
}

const under = (rawPath: string, prefix: string): boolean => rawPath === prefix || rawPath.startsWith(`${prefix}/`);

function isDataPath(rawPath: string): boolean {
  return ['/api', '/rpc', '/events', '/media', IMAGEKIT_PREFIX].some((prefix) => under(rawPath, prefix));
}

function unauthorized(request: HttpRequest): Response {
  const error = new FolioError('UNAUTHORIZED', 'A valid key is required (Authorization: Token <key>, X-Api-Key or the page cookie)');
  if (isImageKitPath(request.rawPath)) {
    // ImageKit's clients send the key as HTTP Basic's user name.
    const basic = new FolioError('UNAUTHORIZED', 'A valid key is required: HTTP Basic with the key as the user name (any password)');
    return imagekitErrorResponse(basic, request.rawPath, { 'WWW-Authenticate': 'Basic realm="Folio", charset="UTF-8"' });
  }
  const headers = { 'WWW-Authenticate': 'Token' };
  if (request.method === 'GET' && !isDataPath(request.rawPath)) return htmlResponse(UNAUTHORIZED_PAGE, 401, headers);
  return errorResponse(error, { headers: { ...headers, 'Cache-Control': 'no-store' } });
}

/**
 * Routes an authenticated-or-not request (Host and Origin were already checked). Opening
 * `/?token=<key>` trades the key for an HttpOnly, SameSite=Strict cookie and redirects to a
 * clean URL, so the key doesn't stay in the address bar or the history.
 */
export async function routeRequest(request: HttpRequest, deps: RouterDeps): Promise<Response> {
  const { rawPath, method } = request;
  const offered = request.query.get('token');
  if (rawPath === '/' && method === 'GET' && offered !== null) {
    if (!tokensEqual(offered, deps.token)) return htmlResponse(UNAUTHORIZED_PAGE, 401);
    return new Response(null, {
      status: 302,
      headers: { Location: '/', 'Set-Cookie': tokenCookie(deps.token), 'Cache-Control': 'no-store' },
    });
  }
  if (!isAuthorized(request.req.headers, deps.token)) return unauthorized(request);

  if (under(rawPath, '/api') || isImageKitPath(rawPath)) return deps.api(request);
  if (rawPath.startsWith('/rpc/') && deps.rendererDir !== null) return handleRpc(request, deps.service, rawPath.slice('/rpc/'.length));
  if (rawPath === '/events') return handleEvents(request, deps.events, deps.streams, deps.heartbeatMs);
  if (rawPath.startsWith('/media/')) {
    // The one query word the media routes read (Electron's media:// passes its whole query).
    const download = request.query.has('download') ? '?download' : '';
    return handleMediaRequest(deps.media, toWebRequest(request), rawPath.slice('/media'.length) + download);
  }
  if (isDataPath(rawPath)) throw new FolioError('NOT_FOUND', `Nothing at ${rawPath}`);
  if (deps.rendererDir === null) throw new FolioError('NOT_FOUND', 'This server carries only the API (/api)');
  return serveStatic(request, deps.rendererDir);
}
