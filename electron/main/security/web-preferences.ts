import type { WebPreferences } from 'electron';

/**
 * The main window's webPreferences. Every renderer-side power is off: the page is treated as
 * untrusted (it shows file names and metadata from the user's files) and reaches the library
 * only through the preload's `window.folio`.
 */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    // The preload runs in its own JS world; the page cannot reach its objects or prototypes.
    contextIsolation: true,
    // The renderer process is OS-sandboxed; the preload gets only Electron's sandboxed modules.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    // Middle-click on a link would ask for a new window; new windows are denied anyway, and
    // without the auxclick event the page never even sees the attempt.
    disableBlinkFeatures: 'Auxclick',
    // A file dropped on the window must import, never replace the app with the file.
    navigateOnDragDrop: false,
    // The UI is an app, not a document: no auto-play of audio from a random original.
    autoplayPolicy: 'user-gesture-required',
    safeDialogs: true,
    disableDialogs: false,
    spellcheck: true,
    // Developer tools only in development; a packaged app has no use for them.
    devTools: options.devTools,
  };
}

/** The settings a security review insists on, with the value each must have. */
export const REQUIRED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences;
