import { isAppUrl } from './origins.js';

/**
 * What the app's web contents may do besides showing our own page. Each is a decision Electron
 * asks for through an event or handler; the wiring lives in `../security.ts`.
 */

/**
 * In-page navigation between our own pages is fine; anything else (a link to a website, a
 * dropped file, `javascript:`, `data:`, `file:`) is refused. The app never needs to leave.
 */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** `window.open` and target=_blank links: never a new window (Electron's answer object). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Permissions (camera, microphone, geolocation, notifications, MIDI, HID, clipboard-read,
 * …) are all refused. One exception: our own top-level page may make a `<video>` fullscreen,
 * which Chromium routes through the same handler and which reaches nothing outside the window.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

export interface PermissionRequest {
  permission: string;
  /** The URL of the frame asking, when Electron tells us. */
  requestingUrl: string | undefined;
  isMainFrame: boolean | undefined;
}

export function isPermissionAllowed(request: PermissionRequest): boolean {
  if (!ALLOWED_PERMISSIONS.has(request.permission)) return false;
  if (request.isMainFrame !== true) return false;
  return request.requestingUrl !== undefined && isAppUrl(request.requestingUrl);
}

/** `<webview>` is disabled in webPreferences; any attempt to attach one anyway is refused. */
export function isWebviewAttachAllowed(): boolean {
  return false;
}
