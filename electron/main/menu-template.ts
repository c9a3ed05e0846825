import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/events.js';

/** What the menu's items do. Native work is done in main; UI work is sent to the renderer. */
export interface MenuActions {
  addFolder(): void;
  rescan(): void;
  emptyTrash(): void;
  showLibraryFolder(): void;
  about(): void;
  toggleRestApi(): void;
  showRestApi(): void;
  /** Sends a `menu.command` event to the window. */
  send(command: MenuCommand): void;
}

export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  /** Reload and developer tools exist only in development. */
  isDev: boolean;
  /** Whether the opt-in local REST API is on (a checkbox in the File menu). */
  restApiEnabled: boolean;
}

/**
 * Undo, Redo and Select All act in the UI, which already handles their keys itself (the same
 * code serves browser mode) and knows whether a text field has the focus. Their accelerators
 * are shown but not registered, so the key press reaches the page; a click sends the command.
 */
function uiItem(label: string, accelerator: string, command: MenuCommand, actions: MenuActions): MenuItemConstructorOptions {
  return { label, accelerator, registerAccelerator: false, click: () => actions.send(command) };
}

/** The application menu as Electron's template (built into a Menu by `menu.ts`). */
export function buildMenuTemplate(actions: MenuActions, { appName, platform, isDev, restApiEnabled }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      label: appName,
      submenu: [
        { label: `About ${appName}`, click: () => actions.about() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: '&File',
    submenu: [
      { label: 'Add Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.addFolder() },
      { label: 'Rescan Folders', accelerator: 'F5', click: () => actions.rescan() },
      { type: 'separator' },
      { label: 'Empty Trash…', click: () => actions.emptyTrash() },
      { type: 'separator' },
      { label: 'Show Library Folder', click: () => actions.showLibraryFolder() },
      { type: 'separator' },
      { label: 'Local REST API', type: 'checkbox', checked: restApiEnabled, click: () => actions.toggleRestApi() },
      { label: 'REST API Address and Key…', enabled: restApiEnabled, click: () => actions.showRestApi() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  });

  template.push({
    label: '&Edit',
    submenu: [
      uiItem('Undo', 'CmdOrCtrl+Z', { command: 'undo' }, actions),
      uiItem('Redo', mac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', { command: 'redo' }, actions),
      { type: 'separator' },
      // Native roles: they act on the focused text field, where the OS's own editing belongs.
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { type: 'separator' },
      uiItem('Select All', 'CmdOrCtrl+A', { command: 'select-all' }, actions),
      { type: 'separator' },
      { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => actions.send({ command: 'focus-search' }) },
    ],
  });

  const view: MenuItemConstructorOptions[] = [
    {
      label: 'Thumbnail Size',
      submenu: [
        { label: 'Small', accelerator: 'CmdOrCtrl+1', click: () => actions.send({ command: 'thumbnail-size', size: 'small' }) },
        { label: 'Medium', accelerator: 'CmdOrCtrl+2', click: () => actions.send({ command: 'thumbnail-size', size: 'medium' }) },
        { label: 'Large', accelerator: 'CmdOrCtrl+3', click: () => actions.send({ command: 'thumbnail-size', size: 'large' }) },
      ],
    },
    { type: 'separator' },
    { label: 'Toggle Sidebar', accelerator: 'CmdOrCtrl+Alt+B', click: () => actions.send({ command: 'toggle-sidebar' }) },
    { label: 'Toggle Details Panel', accelerator: 'CmdOrCtrl+Alt+I', click: () => actions.send({ command: 'toggle-details' }) },
    { label: 'Show Trash', click: () => actions.send({ command: 'show-trash' }) },
    { label: 'Tag Manager', accelerator: 'CmdOrCtrl+Alt+T', click: () => actions.send({ command: 'tag-manager' }) },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (isDev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' });
  template.push({ label: '&View', submenu: view });

  // Backups and the check act in the window, which shows their outcome (the same code serves
  // browser mode's sidebar buttons).
  template.push({
    label: '&Library',
    submenu: [
      { label: 'Back Up Now', click: () => actions.send({ command: 'back-up' }) },
      { label: 'Check Library…', click: () => actions.send({ command: 'check-library' }) },
    ],
  });

  if (mac) template.push({ role: 'windowMenu' });

  template.push({
    role: 'help',
    label: '&Help',
    submenu: [
      ...(mac ? [] : [{ label: `About ${appName}`, click: () => actions.about() } satisfies MenuItemConstructorOptions]),
      { label: 'Show Library Folder', click: () => actions.showLibraryFolder() },
    ],
  });

  return template;
}
