import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { BASE_HEADERS } from './security-headers.js';

/**
 * Sends a web `Response` (what every route returns, and what the media handler shares with
 * Electron's protocol handler) on a Node response, adding the base security headers it lacks.
 */
export async function writeResponse(res: ServerResponse, response: Response, method: string): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  for (const [name, value] of Object.entries(BASE_HEADERS)) {
    if (!res.hasHeader(name)) res.setHeader(name, value);
  }
  if (response.body === null || method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return;
  }
  if (isSmallDocument(response)) {
    const bytes = Buffer.from(await response.arrayBuffer());
    res.setHeader('Content-Length', bytes.length);
    res.end(bytes);
    return;
  }
  const body = Readable.fromWeb(response.body as unknown as NodeWebStream<Uint8Array>);
  try {
    await pipeline(body, res);
  } catch {
    // The client went away mid-stream (a closed tab, a seek in a video): nothing to report.
  }
}

const BUFFERED_LIMIT = 1024 * 1024;

/** Bodies already in memory (JSON, pages, small files) are sent in one write, not piped. */
function isSmallDocument(response: Response): boolean {
  const length = response.headers.get('content-length');
  if (length !== null) return Number(length) <= BUFFERED_LIMIT;
  const type = response.headers.get('content-type') ?? '';
  return type.startsWith('application/json') || type.startsWith('text/html');
}

export function jsonResponse(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

export function htmlResponse(html: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}
