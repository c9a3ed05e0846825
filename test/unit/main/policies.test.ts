import { describe, expect, it } from 'vitest';
import { isAppUrl, PRIVILEGED_SCHEMES } from '../../../electron/main/security/origins.js';
import {
  isNavigationAllowed,
  isPermissionAllowed,
  isWebviewAttachAllowed,
  windowOpenDecision,
} from '../../../electron/main/security/policies.js';
import { isRequestAllowed } from '../../../electron/main/security/request-filter.js';

const FOREIGN_URLS = [
  'https://example.com/',
  'http://127.0.0.1:7830/',
  'file:///etc/passwd',
  'about:blank',
  'data:text/html,<script>alert(1)</script>',
  'javascript:alert(1)',
  'app://folio.evil/index.html',
  'app://evil/index.html',
  'app://folio@evil/index.html',
  'app://user:pw@folio/index.html',
  'app://folio:8080/index.html',
  'media://item/1/original',
  'blob:app://folio/1234',
  'not a url',
  '',
];

describe('our own pages', () => {
  it('are app://folio/… exactly', () => {
    expect(isAppUrl('app://folio/index.html')).toBe(true);
    expect(isAppUrl('app://folio/')).toBe(true);
    expect(isAppUrl('app://folio/index.html#/trash')).toBe(true);
    for (const url of FOREIGN_URLS) expect(isAppUrl(url), url).toBe(false);
  });
});

describe('navigation', () => {
  it('stays inside the app', () => {
    expect(isNavigationAllowed('app://folio/index.html?view=trash')).toBe(true);
  });

  it('never goes to a website, a file, about:blank, data: or javascript:', () => {
    for (const url of FOREIGN_URLS) expect(isNavigationAllowed(url), url).toBe(false);
  });
});

describe('new windows and webviews', () => {
  it('window.open and target=_blank are denied', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('a <webview> is never attached', () => {
    expect(isWebviewAttachAllowed()).toBe(false);
  });
});

describe('permissions', () => {
  const ours = { requestingUrl: 'app://folio/index.html', isMainFrame: true };

  it('are refused: camera, microphone, location, notifications, clipboard, MIDI, HID, USB, serial, …', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'midi',
      'midiSysex',
      'hid',
      'usb',
      'serial',
      'pointerLock',
      'keyboardLock',
      'openExternal',
      'display-capture',
      'window-management',
      'idle-detection',
      'storage-access',
      'unknown',
    ]) {
      expect(isPermissionAllowed({ permission, ...ours }), permission).toBe(false);
    }
  });

  it('fullscreen (a video) only for our own top-level page', () => {
    expect(isPermissionAllowed({ permission: 'fullscreen', ...ours })).toBe(true);
    expect(isPermissionAllowed({ permission: 'fullscreen', requestingUrl: 'app://folio/', isMainFrame: false })).toBe(false);
    expect(isPermissionAllowed({ permission: 'fullscreen', requestingUrl: undefined, isMainFrame: true })).toBe(false);
    for (const url of FOREIGN_URLS) {
      expect(isPermissionAllowed({ permission: 'fullscreen', requestingUrl: url, isMainFrame: true }), url).toBe(false);
    }
  });
});

describe('the request filter (the app is offline)', () => {
  it('lets through the app, media by item id and in-memory URLs', () => {
    for (const url of ['app://folio/assets/index-1a2b.js', 'media://item/7/thumb/512', 'blob:app://folio/uuid', 'data:image/png;base64,AAAA', 'devtools://devtools/bundled/inspector.html']) {
      expect(isRequestAllowed(url), url).toBe(true);
    }
  });

  it('refuses file:, http(s):, ws(s):, ftp: and any scheme not on the list', () => {
    for (const url of [
      'file:///etc/passwd',
      'FILE:///C:/Windows/win.ini',
      'http://127.0.0.1:7830/api/media',
      'https://cdn.example.com/lib.js',
      'HTTPS://example.com/',
      'ws://localhost:5173/',
      'wss://example.com/socket',
      'ftp://example.com/file',
      'chrome://gpu',
      'smb://server/share',
      'javascript:alert(1)',
      '//example.com/x',
      'no-scheme',
      '',
    ]) {
      expect(isRequestAllowed(url), url).toBe(false);
    }
  });
});

describe('the privileged schemes', () => {
  it('app: and media: are standard and secure, never bypass the CSP nor allow service workers', () => {
    expect(PRIVILEGED_SCHEMES.map((entry) => entry.scheme)).toEqual(['app', 'media']);
    for (const { privileges } of PRIVILEGED_SCHEMES) {
      expect(privileges.standard).toBe(true);
      expect(privileges.secure).toBe(true);
      expect(privileges.supportFetchAPI).toBe(true);
      expect(privileges.bypassCSP).toBe(false);
      expect(privileges.allowServiceWorkers).toBe(false);
    }
  });

  it('media: streams, so a video can seek with Range requests', () => {
    expect(PRIVILEGED_SCHEMES.find((entry) => entry.scheme === 'media')?.privileges.stream).toBe(true);
  });
});
