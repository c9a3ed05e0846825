import crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const TOKEN_COOKIE = 'folio_token';

/** `FOLIO_API_TOKEN` when set, else 32 random bytes, new on every start. */
export function resolveToken(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.FOLIO_API_TOKEN?.trim();
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return crypto.randomBytes(32).toString('base64url');
}

function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares in constant time. Hashing first makes both sides the same length, so neither the
 * content nor the length of the key leaks through timing.
 */
export function tokensEqual(candidate: string, token: string): boolean {
  return crypto.timingSafeEqual(digest(candidate), tokenDigest(token));
}

// The server's own key is hashed once, not on every request.
const knownDigests = new Map<string, Buffer>();
function tokenDigest(token: string): Buffer {
  let known = knownDigests.get(token);
  if (!known) {
    if (knownDigests.size > 16) knownDigests.clear();
    known = digest(token);
    knownDigests.set(token, known);
  }
  return known;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function readCookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  const cookieHeader = header(headers, 'cookie');
  if (cookieHeader === undefined) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * HTTP Basic's user name, which is where ImageKit's SDKs put the key (`base64("<key>:do_not_set")`;
 * its curl examples send `-u key:`). The password is ignored.
 */
function basicUserName(authorization: string): string | undefined {
  const basic = /^\s*basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization);
  if (basic?.[1] === undefined) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  // RFC 7617: "user-id:password"; without the colon it is not Basic credentials at all.
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return decoded.slice(0, colon);
}

/**
 * Every credential the request carries: the page's cookie, or the headers the seed documents'
 * clients send (`Authorization: Token <key>` — `Bearer` is accepted too —, `X-Api-Key`,
 * `X-Forensic-Access-Token`), or HTTP Basic with the key as the user name (ImageKit's clients).
 */
export function requestCredentials(headers: IncomingHttpHeaders): string[] {
  const found: string[] = [];
  const authorization = header(headers, 'authorization');
  const scheme = authorization === undefined ? null : /^\s*(?:token|bearer)\s+(\S+)\s*$/i.exec(authorization);
  if (scheme?.[1] !== undefined) found.push(scheme[1]);
  const basicUser = authorization === undefined ? undefined : basicUserName(authorization);
  if (basicUser !== undefined) found.push(basicUser);
  for (const name of ['x-api-key', 'x-forensic-access-token']) {
    const value = header(headers, name)?.trim();
    if (value !== undefined && value !== '') found.push(value);
  }
  const cookie = readCookie(headers, TOKEN_COOKIE);
  if (cookie !== undefined && cookie !== '') found.push(cookie);
  return found;
}

export function isAuthorized(headers: IncomingHttpHeaders, token: string): boolean {
  // Every candidate is compared (no early exit), so timing doesn't say which one matched.
  let ok = false;
  for (const candidate of requestCredentials(headers)) ok = tokensEqual(candidate, token) || ok;
  return ok;
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
