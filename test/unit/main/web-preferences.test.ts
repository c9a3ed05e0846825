import { describe, expect, it } from 'vitest';
import { REQUIRED_WEB_PREFERENCES, secureWebPreferences } from '../../../electron/main/security/web-preferences.js';

describe('the main window webPreferences', () => {
  const prefs = secureWebPreferences('/app/dist/preload.cjs', { devTools: false });

  it('isolates the preload in its own world and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('gives the page no Node, not in workers and not in subframes', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security: same-origin policy on, no insecure content, no experimental or extra Blink features', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
  });

  it('has no <webview> and does not navigate to a file dropped on the window', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads the bundled preload and opens developer tools only when asked (development)', () => {
    expect(prefs.preload).toBe('/app/dist/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });

  it('meets every required setting, whatever the other options', () => {
    for (const devTools of [true, false]) {
      const actual = secureWebPreferences('/p.cjs', { devTools }) as Record<string, unknown>;
      for (const [key, value] of Object.entries(REQUIRED_WEB_PREFERENCES)) expect(actual[key], key).toBe(value);
    }
  });

  it('sets nothing that loosens security', () => {
    const actual = prefs as Record<string, unknown>;
    for (const key of ['additionalArguments', 'enableRemoteModule', 'partition', 'session', 'v8CacheOptions']) {
      expect(actual[key], key).toBeUndefined();
    }
    // The one Blink feature switched off is middle-click's auxclick (a way to ask for new windows).
    expect(actual.disableBlinkFeatures).toBe('Auxclick');
  });
});
