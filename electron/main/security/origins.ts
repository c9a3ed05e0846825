/**
 * The two schemes the desktop app serves itself. The renderer lives on `app://folio/` (never
 * `file://`, whose extra privileges a page could abuse) and reaches media only by item id on
 * `media://item/…`. Both are registered as privileged before the app is ready.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'folio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const MEDIA_SCHEME = 'media';

/** The shape of Electron's `CustomScheme` (kept here so this module needs no Electron at run time). */
export interface PrivilegedScheme {
  scheme: string;
  privileges: {
    standard: boolean;
    secure: boolean;
    supportFetchAPI: boolean;
    stream?: boolean;
    corsEnabled?: boolean;
    bypassCSP?: boolean;
    allowServiceWorkers?: boolean;
    codeCache?: boolean;
  };
}

/**
 * `standard` gives real origins (so CSP 'self' and relative URLs work), `secure` makes them a
 * secure context. `stream` lets `<video>` seek with Range requests on media. Nothing bypasses
 * the CSP and no service worker may register: an offline app has no use for one.
 */
export const PRIVILEGED_SCHEMES: readonly PrivilegedScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, bypassCSP: false, allowServiceWorkers: false },
  },
  {
    scheme: MEDIA_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, bypassCSP: false, allowServiceWorkers: false },
  },
];

/** Whether a URL is one of our renderer's pages (scheme and host exactly ours). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Compare scheme and host, not a string prefix: `app://folio.evil/` and `app://folio@evil/`
  // start with our origin but are not it.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}
