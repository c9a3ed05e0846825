import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FolioError } from '../../../shared/errors.js';
import { HTTP_MEDIA_BASE, mediaUrlBuilder } from '../../../shared/media-urls.js';
import type { Library } from '../library.js';
import { libraryMediaSource } from '../media-files/library-media-source.js';
import type { MediaFileSource } from '../media-files/resolve-media-file.js';
import { createApiRouter } from './api/api-router.js';
import { resolveToken } from './auth.js';
import { errorResponse } from '../base/error-status.js';
import { DEFAULT_HEARTBEAT_MS, EventStreams } from './events-route.js';
import { allowedHosts, checkHost, checkListenHost, checkOrigin } from './request-guards.js';
import { splitTarget, type HttpRequest } from './request-context.js';
import { routeRequest, type RouterDeps } from './router.js';
import { writeResponse } from './write-response.js';
import { toFolioError } from '../base/error-path.js';

export const DEFAULT_PORT = 7830;
export const DEFAULT_RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'renderer');

export interface HttpServerOptions {
  library: Pick<Library, 'db' | 'paths' | 'events' | 'service'>;
  /** 127.0.0.1 (default) or ::1; anything else is refused. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Default: FOLIO_API_TOKEN, else a random key made now. */
  token?: string;
  /** Serve the built renderer and the browser-mode RPC (browser mode), or only /api (desktop opt-in). */
  serveRenderer?: boolean;
  rendererDir?: string;
  heartbeatMs?: number;
  media?: MediaFileSource;
}

export interface HttpServerHandle {
  host: '127.0.0.1' | '::1';
  port: number;
  /** `http://127.0.0.1:<port>` (or `http://[::1]:<port>`). */
  origin: string;
  token: string;
  /** The address to print: opening it logs the browser in. */
  url: string;
  /** Event streams currently open (diagnostics; tests check that listeners go with clients). */
  openEventStreams(): number;
  close(): Promise<void>;
}

function listen(server: http.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new FolioError('CONFLICT', `Port ${port} on ${host} is already in use; pick another with --port (0 for any free port)`, { field: 'port' }));
      else if (error.code === 'EACCES') reject(new FolioError('PERMISSION_DENIED', `Not allowed to listen on port ${port}`, { field: 'port' }));
      else reject(new FolioError('IO_ERROR', `Cannot listen on ${host}:${port}: ${error.message}`, { cause: error }));
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port, exclusive: true });
  });
}

/**
 * Starts the HTTP server of browser mode (renderer + /rpc + /events + /media + /api) or, with
 * `serveRenderer: false`, the REST API alone for the desktop app. Loopback only, key required.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServerHandle> {
  const host = checkListenHost(options.host ?? '127.0.0.1');
  const requestedPort = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65_535) {
    throw new FolioError('INVALID_ARGUMENT', `Not a port number: ${requestedPort}`, { field: 'port' });
  }
  const token = options.token ?? resolveToken();
  if (token.length < 16) throw new FolioError('INVALID_ARGUMENT', 'The API key must have at least 16 characters', { field: 'token' });
  const streams = new EventStreams();
  let hosts = new Set<string>();
  let deps: RouterDeps | null = null;

  const server = http.createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    let response: Response;
    try {
      const target = req.url ?? '/';
      if (!target.startsWith('/')) throw new FolioError('INVALID_ARGUMENT', 'Request targets must be paths');
      checkHost(req.headers, hosts);
      checkOrigin(req.headers, hosts);
      if (deps === null) throw new FolioError('INTERNAL', 'The server is starting');
      const onClose = (listener: () => void): (() => void) => {
        if (res.closed) {
          queueMicrotask(listener);
          return () => {};
        }
        res.once('close', listener);
        return () => res.off('close', listener);
      };
      const request: HttpRequest = { req, method, ...splitTarget(target), onClose };
      response = await routeRequest(request, deps);
    } catch (error) {
      response = errorResponse(toFolioError(error, `${method} ${req.url ?? ''}`), { headers: { 'Cache-Control': 'no-store' } });
    }
    // After a refused body the rest of it may still be arriving; don't reuse the connection.
    if (response.status === 413) res.setHeader('Connection', 'close');
    await writeResponse(res, response, method);
  }

  const port = await listen(server, host, requestedPort);
  hosts = allowedHosts(port);
  const origin = `http://${host === '::1' ? '[::1]' : host}:${port}`;
  const { library } = options;
  deps = {
    service: library.service,
    events: library.events,
    media: options.media ?? libraryMediaSource(library),
    token,
    api: createApiRouter({ service: library.service, ctx: { actor: 'api', urls: mediaUrlBuilder(`${origin}${HTTP_MEDIA_BASE}`) } }, origin),
    streams,
    rendererDir: options.serveRenderer === false ? null : (options.rendererDir ?? DEFAULT_RENDERER_DIR),
    heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
  };

  let closing: Promise<void> | null = null;
  return {
    host,
    port,
    origin,
    token,
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    openEventStreams: () => streams.size,
    close() {
      closing ??= new Promise<void>((resolve) => {
        streams.closeAll();
        server.close(() => resolve());
        server.closeIdleConnections();
        // Streams and slow downloads would hold the close forever.
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      });
      return closing;
    },
  };
}
