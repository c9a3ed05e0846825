/**
 * A real server on a free loopback port over a real temp library, and a raw HTTP client:
 * node:http rather than fetch, because fetch normalises `..` and percent-escapes away and we
 * need to send exactly the bytes an attacker would.
 */
import http from 'node:http';
import path from 'node:path';
import { startHttpServer, type HttpServerHandle, type HttpServerOptions } from '../../../electron/library/http/server.js';
import type { Library } from '../../../electron/library/library.js';
import { copyCorpus, openTempLibrary, testContext, type TempLibrary } from '../../helpers/temp-library.js';

export const TEST_TOKEN = 'test-key-0123456789abcdef';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  json<T = Record<string, unknown>>(): T;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Defaults to `127.0.0.1:<port>`; `null` sends no Host header at all. */
  host?: string | null;
}

export function rawRequest(port: number, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.host !== null) headers.Host = request.host ?? `127.0.0.1:${port}`;
    const req = http.request(
      { host: '127.0.0.1', port, method: request.method ?? 'GET', path: request.path, headers, setHost: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: () => body.toString('utf8'),
            json: <T>() => JSON.parse(body.toString('utf8')) as T,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

export interface TestServer {
  temp: TempLibrary;
  library: Library;
  server: HttpServerHandle;
  port: number;
  /** An authenticated request (X-Api-Key) with a JSON body when one is given. */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<RawResponse>;
  close(): Promise<void>;
}

/** Imports a folder with the real importer and waits until it is done. */
export async function importFolder(library: Library, dir: string): Promise<void> {
  await library.service.call('import.start', { path: dir }, testContext('cli'));
  await library.importer.whenIdle();
}

export async function startTestServer(
  options: { corpus?: string[]; server?: Partial<HttpServerOptions>; afterCorpus?: (temp: TempLibrary) => Promise<void> } = {},
): Promise<TestServer> {
  const temp = openTempLibrary({ workers: 1 });
  if (options.corpus) {
    const photos = copyCorpus(path.join(temp.dir, 'photos'), options.corpus);
    await importFolder(temp.library, photos);
  }
  await options.afterCorpus?.(temp);
  const server = await startHttpServer({ library: temp.library, port: 0, token: TEST_TOKEN, ...options.server });
  return {
    temp,
    library: temp.library,
    server,
    port: server.port,
    api(method, requestPath, body, headers = {}) {
      return rawRequest(server.port, {
        method,
        path: requestPath,
        headers: {
          'X-Api-Key': TEST_TOKEN,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
    },
    async close() {
      await server.close();
      await temp.dispose();
    },
  };
}
