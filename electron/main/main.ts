// The Electron main process: one instance, one window, one library; everything else is wired
// in desktop-app.ts and decided by the pure modules beside it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, session } from 'electron';
import { toErrorPayload } from '../../shared/result.js';
import { openLibrary } from '../library/library.js';
import { resolveLibraryDir } from '../library/base/paths.js';
import { startDesktopApp, type DesktopApp } from './desktop-app.js';
import { nativeBindingPath, parseLaunchArgs } from './launch-options.js';
import { registerPrivilegedSchemes } from './protocol/register-schemes.js';
import { hardenWebContents, hardenSession } from './security/harden-session.js';
import { createShutdown } from './shutdown.js';

const mainDir = path.dirname(fileURLToPath(import.meta.url));

// Before `ready`: the schemes must be privileged from the first request, and every renderer
// sandboxed whatever its webPreferences say.
registerPrivilegedSchemes();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Folio has the library open; it is told (second-instance) and shows its window.
  app.quit();
} else {
  void start().catch((error: unknown) => {
    console.error('folio: could not start', error);
    dialog.showErrorBox('Folio could not start', toErrorPayload(error).message);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const launch = parseLaunchArgs(process.argv);
  let desktop: DesktopApp | null = null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => desktop?.showWindow());
  app.on('activate', () => desktop?.showWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const shutdown = createShutdown(async () => {
    await desktop?.close();
  });
  app.on('before-quit', (event) => {
    if (shutdown.done) return;
    // Hold the quit until the import is cancelled and the database closed, then quit for real.
    event.preventDefault();
    void shutdown.begin().then(() => app.quit());
  });

  await app.whenReady();
  hardenSession(session.defaultSession);

  const binding = nativeBindingPath(mainDir);
  const libraryDir = resolveLibraryDir(launch.library);
  let library;
  try {
    library = openLibrary(libraryDir, fs.existsSync(binding) ? { nativeBinding: binding } : {});
  } catch (error) {
    const payload = toErrorPayload(error);
    const hint =
      payload.code === 'INTERNAL'
        ? `\n\nThe database module may be built for Node rather than Electron: start Folio with "npm start", which builds it.\n\n${String(error)}`
        : '';
    dialog.showErrorBox('Folio could not open its library', `${libraryDir}\n\n${payload.message}${hint}`);
    app.exit(1);
    return;
  }
  app.setAboutPanelOptions({ applicationName: 'Folio', applicationVersion: app.getVersion(), copyright: 'MIT licence' });
  desktop = startDesktopApp({ library, mainDir, isDev: !app.isPackaged });
}
