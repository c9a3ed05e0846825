// Wires the open library into Electron: protocols, IPC, events, menu, native shell, window.
import path from 'node:path';
import { app, clipboard, ipcMain, session, shell, type BrowserWindow } from 'electron';
import { IPC_EVENT_CHANNEL, type IpcEventMessage } from '../../shared/bridge.js';
import type { MethodName } from '../../shared/contract.js';
import { toErrorPayload } from '../../shared/result.js';
import { ELECTRON_MEDIA_BASE, mediaUrlBuilder } from '../../shared/media-urls.js';
import type { Library } from '../library/library.js';
import { libraryMediaSource } from '../library/media-files/library-media-source.js';
import { watchOtherProcessChanges } from '../library/db/other-process-changes.js';
import type { CallContext } from '../library/service/types.js';
import { loadSettings, saveSettings, settingsFile, withRestApi, type DesktopSettings } from './desktop-settings.js';
import { createNativeShell, showErrorMessage } from './dialogs.js';
import { forwardLibraryEvents } from './ipc/event-forwarder.js';
import { registerIpcHandlers } from './ipc/ipc-handlers.js';
import { installApplicationMenu } from './menu.js';
import type { MenuActions } from './menu-template.js';
import { handleAppSchemes } from './protocol/register-schemes.js';
import { createRestApiController } from './rest-api.js';
import { createNativeShellHandlers } from './shell/native-shell-handlers.js';
import { createMainWindow } from './window.js';
import { startLibrarySafety } from './library-safety.js';
import { windowStateFile } from './window-state.js';

export interface DesktopAppOptions {
  library: Library;
  /** The folder of the bundled main: dist/ (preload.cjs and renderer/ are beside it). */
  mainDir: string;
  isDev: boolean;
}

export interface DesktopApp {
  showWindow(): void;
  close(): Promise<void>;
}

export function startDesktopApp({ library, mainDir, isDev }: DesktopAppOptions): DesktopApp {
  let win: BrowserWindow | null = null;
  const getWindow = (): BrowserWindow | null => (win !== null && !win.isDestroyed() ? win : null);
  const ctx: CallContext = { actor: 'user', urls: mediaUrlBuilder(ELECTRON_MEDIA_BASE) };
  const media = libraryMediaSource(library);
  const native = createNativeShell(getWindow);
  const service = library.service.withHandlers(createNativeShellHandlers({ media, service: library.service, native }));

  handleAppSchemes(session.defaultSession, path.join(mainDir, 'renderer'), media);
  const unregisterIpc = registerIpcHandlers(ipcMain, service, ctx);

  const send = (message: IpcEventMessage): void => getWindow()?.webContents.send(IPC_EVENT_CHANNEL, message);
  const stopForwarding = forwardLibraryEvents(library.events, send);
  // `folio tag` in a terminal writes to this library too; the window hears of it.
  const stopWatching = watchOtherProcessChanges(library.db, library.events);

  /** Runs a menu action's call; its failure is shown natively (no page-side caller to show it). */
  const run = async (method: MethodName, args: unknown, failure: string): Promise<void> => {
    try {
      await service.call(method, args, ctx);
    } catch (error) {
      await showErrorMessage(getWindow, failure, toErrorPayload(error).message);
    }
  };

  const settingsPath = settingsFile(app.getPath('userData'));
  let settings: DesktopSettings = loadSettings(settingsPath);
  const restApi = createRestApiController(library, media);
  const applyRestApi = async (): Promise<void> => {
    try {
      await restApi.apply(settings);
    } catch (error) {
      await showErrorMessage(getWindow, 'The local REST API could not start', toErrorPayload(error).message);
    }
    installMenu();
  };

  const actions: MenuActions = {
    addFolder: () => {
      void native.pickFolder().then((folder) => (folder === null ? undefined : run('import.start', { path: folder }, 'The folder could not be added')));
    },
    rescan: () => void run('import.rescan', {}, 'The folders could not be rescanned'),
    emptyTrash: () => {
      void native
        .confirm({
          message: 'Empty the trash?',
          detail: 'The items in the trash are removed from the library for good. Their files stay where they are.',
          confirmLabel: 'Empty Trash',
        })
        .then((yes) => (yes ? run('trash.empty', {}, 'The trash could not be emptied') : undefined));
    },
    showLibraryFolder: () => shell.showItemInFolder(library.paths.database),
    about: () => app.showAboutPanel(),
    toggleRestApi: () => {
      settings = withRestApi(settings, !settings.restApi.enabled);
      saveSettings(settingsPath, settings);
      void applyRestApi();
    },
    showRestApi: () => {
      const handle = restApi.handle;
      if (handle === null) return;
      void native
        .confirm({
          message: `The local REST API is at ${handle.origin}/api/`,
          detail: `Send the key with each request as "Authorization: Token <key>".\n\nKey: ${handle.token}\n\nThe key is kept in ${settingsPath}.`,
          confirmLabel: 'Copy Key',
        })
        .then((copy) => {
          if (copy) clipboard.writeText(handle.token);
        });
    },
    send: (command) => send({ event: 'menu.command', payload: command }),
  };
  const installMenu = (): void =>
    installApplicationMenu(actions, { appName: app.getName(), platform: process.platform, isDev, restApiEnabled: restApi.handle !== null });
  installMenu();
  void applyRestApi();

  const showWindow = (): void => {
    const existing = getWindow();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return;
    }
    win = createMainWindow({
      preloadPath: path.join(mainDir, 'preload.cjs'),
      stateFile: windowStateFile(app.getPath('userData')),
      isDev,
    });
  };
  showWindow();
  const stopSafety = startLibrarySafety(library, getWindow);

  return {
    showWindow,
    async close() {
      stopWatching();
      stopSafety();
      stopForwarding();
      unregisterIpc();
      await restApi.stop();
      await library.close();
    },
  };
}

