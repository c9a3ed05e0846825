import { APP_SCHEME, MEDIA_SCHEME } from './origins.js';

/**
 * Folio is offline: the renderer loads only its own files and media by item id. Requests to
 * `file:` (would bypass the media checks), http(s)/ws(s) (would leak what the user looks at, or
 * pull remote code), ftp and anything unknown are cancelled. An allow-list, so that a scheme
 * nobody thought of is refused too.
 *
 * - `blob:`/`data:` are in-memory; `devtools:` is the developer tools' own UI (development only,
 *   the window has `devTools: false` when packaged).
 */
const ALLOWED_SCHEMES: ReadonlySet<string> = new Set([`${APP_SCHEME}:`, `${MEDIA_SCHEME}:`, 'blob:', 'data:', 'devtools:']);

export function isRequestAllowed(url: string): boolean {
  const colon = url.indexOf(':');
  if (colon <= 0) return false;
  const scheme = url.slice(0, colon + 1).toLowerCase();
  return ALLOWED_SCHEMES.has(scheme);
}

