import { MEDIA_SCHEME } from './origins.js';

/**
 * The renderer's Content-Security-Policy, sent as a header on every `app://` response (a header,
 * not a <meta>, so `frame-ancestors` applies and the policy is in force before any byte of the
 * page is parsed). Why each part:
 * - nothing is allowed unless listed (`default-src 'none'`);
 * - scripts, styles and fonts only from the app itself: no inline script, no eval, no CDN;
 * - images may come from `media:` (thumbnails and originals by item id), `blob:` (previews the
 *   UI makes) and `data:` (tiny inline icons Vite emits); video/audio from `media:` and `blob:`;
 * - `connect-src 'self'`: IPC needs no network, and the app is offline;
 * - no plugins, no <base> rewriting, no form posts, and no page may frame ours.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'none'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", `${MEDIA_SCHEME}:`, 'blob:', 'data:']],
  ['media-src', ["'self'", `${MEDIA_SCHEME}:`, 'blob:']],
  ['connect-src', ["'self'"]],
  ['font-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

export const APP_CSP = CSP_DIRECTIVES.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');

/** Splits a policy into directive → sources (lower-cased names; the first occurrence wins, as in browsers). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}
