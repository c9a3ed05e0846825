import type { IncomingHttpHeaders } from 'node:http';
import { FolioError } from '../../../shared/errors.js';

/** The hosts this server answers to: loopback names with the port it listens on. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * DNS rebinding defence: a page on evil.example that rebinds its name to 127.0.0.1 reaches this
 * socket with `Host: evil.example:<port>`. Only our loopback names are accepted.
 */
export function checkHost(headers: IncomingHttpHeaders, allowed: Set<string>): void {
  const host = headers.host?.toLowerCase();
  if (host === undefined || !allowed.has(host)) {
    throw new FolioError('FORBIDDEN', 'This server only answers requests addressed to its loopback address');
  }
}

/**
 * No CORS, ever: a browser request from another origin (including `null` from a sandboxed
 * frame or a file) is refused before it can do anything. Requests without `Origin` come from
 * scripts or same-origin navigations and are left to authentication.
 */
export function checkOrigin(headers: IncomingHttpHeaders, allowed: Set<string>): void {
  const origin = headers.origin;
  if (origin === undefined) return;
  const match = /^http:\/\/(.+)$/i.exec(origin);
  if (!match?.[1] || !allowed.has(match[1].toLowerCase())) {
    throw new FolioError('FORBIDDEN', 'Requests from other origins are not allowed');
  }
}

/** Only loopback: a library is a private thing, and the key travels in clear over plain HTTP. */
export function checkListenHost(host: string): '127.0.0.1' | '::1' {
  if (host === '127.0.0.1' || host === '::1') return host;
  if (host === 'localhost') return '127.0.0.1';
  throw new FolioError('INVALID_ARGUMENT', `Folio only listens on 127.0.0.1 or ::1, not on "${host}"`, { field: 'host' });
}
