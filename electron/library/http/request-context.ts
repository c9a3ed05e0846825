import type { IncomingMessage } from 'node:http';

/** One incoming request as routes see it. Paths stay raw (undecoded) until a route decodes them. */
export interface HttpRequest {
  req: IncomingMessage;
  method: string;
  /** The path without the query, exactly as sent. */
  rawPath: string;
  query: URLSearchParams;
  /**
   * Calls `listener` when the connection's response closes (the client went away or we ended
   * it); returns a function that removes it. Event streams use it to drop their listeners.
   * The HTTP server sets it; a caller adapting a web Request (Electron's app:// handler) may
   * give that request's `signal` instead.
   */
  onClose?(listener: () => void): () => void;
  signal?: AbortSignal;
}

/** Runs `listener` once when the client goes, by whichever means the request offers. */
export function whenClosed(request: HttpRequest, listener: () => void): () => void {
  if (request.onClose) return request.onClose(listener);
  const { signal } = request;
  if (!signal) return () => {};
  if (signal.aborted) {
    queueMicrotask(listener);
    return () => {};
  }
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}

export function splitTarget(target: string): { rawPath: string; query: URLSearchParams } {
  const q = target.indexOf('?');
  return q === -1
    ? { rawPath: target, query: new URLSearchParams() }
    : { rawPath: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
}

/** A web Request carrying what file responses read (method, Range, validators); the URL is unused. */
export function toWebRequest(request: HttpRequest): Request {
  const headers = new Headers();
  for (const name of ['range', 'if-none-match', 'if-range']) {
    const value = request.req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return new Request('http://folio.invalid/', { method: request.method, headers });
}
