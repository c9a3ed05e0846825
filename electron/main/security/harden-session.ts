// Applies the pure policies of ./security/ to Electron's session and web contents.
import type { Session, WebContents } from 'electron';
import { isNavigationAllowed, isPermissionAllowed, isWebviewAttachAllowed, windowOpenDecision } from './policies.js';
import { isRequestAllowed } from './request-filter.js';

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }));
  });
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url);
    if (!allowed) console.warn(`folio: refused a request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  // Even if a file: URL slipped past the request filter, it is answered here, not from disk:
  // files reach the page only through media:// by item id.
  ses.protocol.handle('file', () => new Response('Files are served by item id only', { status: 403 }));
}

export function hardenWebContents(contents: WebContents): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (!isNavigationAllowed(url)) {
      event.preventDefault();
      console.warn(`folio: refused navigation to ${url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-frame-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-redirect', refuseNavigation);
  contents.setWindowOpenHandler(() => windowOpenDecision());
  contents.on('will-attach-webview', (event) => {
    if (!isWebviewAttachAllowed()) event.preventDefault();
  });
}
