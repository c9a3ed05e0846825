// The one main window: secure webPreferences, the remembered size and position, the app page.
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './security/origins.js';
import { secureWebPreferences } from './security/web-preferences.js';
import { loadWindowState, MIN_SIZE, placeWindow, saveWindowState } from './window-state.js';

export interface MainWindowOptions {
  preloadPath: string;
  stateFile: string;
  isDev: boolean;
}

const SAVE_DELAY_MS = 500;

export function createMainWindow({ preloadPath, stateFile, isDev }: MainWindowOptions): BrowserWindow {
  const placed = placeWindow(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Folio',
    // Shown once the first paint is ready, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#202124',
    webPreferences: secureWebPreferences(preloadPath, { devTools: isDev }),
  });
  if (placed.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    if (win.isDestroyed()) return;
    // The normal bounds, so that un-maximising after a restart goes back to the right size.
    saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', save);

  void win.loadURL(APP_ENTRY_URL);
  return win;
}
