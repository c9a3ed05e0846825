import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../shared/events.js';
import { buildMenuTemplate, type MenuActions, type MenuOptions } from '../../../electron/main/menu-template.js';

function recorder() {
  const calls: string[] = [];
  const sent: MenuCommand[] = [];
  const actions: MenuActions = {
    addFolder: () => calls.push('addFolder'),
    rescan: () => calls.push('rescan'),
    emptyTrash: () => calls.push('emptyTrash'),
    showLibraryFolder: () => calls.push('showLibraryFolder'),
    about: () => calls.push('about'),
    toggleRestApi: () => calls.push('toggleRestApi'),
    showRestApi: () => calls.push('showRestApi'),
    send: (command) => sent.push(command),
  };
  return { actions, calls, sent };
}

const linux: MenuOptions = { appName: 'Folio', platform: 'linux', isDev: false, restApiEnabled: false };

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label?.replace('&', '') === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label);
  if (!found) throw new Error(`no ${label} item`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((entry) => [entry, ...(Array.isArray(entry.submenu) ? allItems(entry.submenu) : [])]);
}

describe('the application menu', () => {
  it('has File, Edit, View, Library and Help (and the app and Window menus on macOS)', () => {
    const { actions } = recorder();
    expect(buildMenuTemplate(actions, linux).map((entry) => entry.label)).toEqual(['&File', '&Edit', '&View', '&Library', '&Help']);
    const mac = buildMenuTemplate(actions, { ...linux, platform: 'darwin' });
    expect(mac.map((entry) => entry.label ?? entry.role)).toEqual(['Folio', '&File', '&Edit', '&View', '&Library', 'windowMenu', '&Help']);
  });

  it('Library: Back Up Now and Check Library… are sent to the UI, which runs them and shows the outcome', () => {
    const { actions, calls, sent } = recorder();
    const library = submenu(buildMenuTemplate(actions, linux), 'Library');
    click(item(library, 'Back Up Now'));
    click(item(library, 'Check Library…'));
    expect(sent).toEqual([{ command: 'back-up' }, { command: 'check-library' }]);
    expect(calls).toEqual([]);
  });

  it('File: Add Folder…, Rescan and Empty Trash… run natively in main', () => {
    const { actions, calls, sent } = recorder();
    const file = submenu(buildMenuTemplate(actions, linux), 'File');
    click(item(file, 'Add Folder…'));
    click(item(file, 'Rescan Folders'));
    click(item(file, 'Empty Trash…'));
    click(item(file, 'Show Library Folder'));
    expect(calls).toEqual(['addFolder', 'rescan', 'emptyTrash', 'showLibraryFolder']);
    expect(sent).toEqual([]);
    expect(file.some((entry) => entry.role === 'quit')).toBe(true);
  });

  it('Edit: Undo, Redo and Select All are sent to the UI, with their keys left to the page', () => {
    const { actions, sent } = recorder();
    const edit = submenu(buildMenuTemplate(actions, linux), 'Edit');
    for (const label of ['Undo', 'Redo', 'Select All']) {
      const entry = item(edit, label);
      expect(entry.registerAccelerator, label).toBe(false);
      expect(entry.accelerator, label).toBeTruthy();
      click(entry);
    }
    click(item(edit, 'Find'));
    expect(sent).toEqual([{ command: 'undo' }, { command: 'redo' }, { command: 'select-all' }, { command: 'focus-search' }]);
    expect(edit.filter((entry) => entry.role !== undefined).map((entry) => entry.role)).toEqual(['cut', 'copy', 'paste']);
  });

  it('View: thumbnail sizes and panels are sent to the UI', () => {
    const { actions, sent } = recorder();
    const view = submenu(buildMenuTemplate(actions, linux), 'View');
    for (const size of ['Small', 'Medium', 'Large']) click(item(item(view, 'Thumbnail Size').submenu as MenuItemConstructorOptions[], size));
    click(item(view, 'Toggle Sidebar'));
    click(item(view, 'Toggle Details Panel'));
    click(item(view, 'Show Trash'));
    click(item(view, 'Tag Manager'));
    expect(sent).toEqual([
      { command: 'thumbnail-size', size: 'small' },
      { command: 'thumbnail-size', size: 'medium' },
      { command: 'thumbnail-size', size: 'large' },
      { command: 'toggle-sidebar' },
      { command: 'toggle-details' },
      { command: 'show-trash' },
      { command: 'tag-manager' },
    ]);
  });

  it('offers reload and developer tools only in development', () => {
    const { actions } = recorder();
    const roles = (options: MenuOptions) => allItems(buildMenuTemplate(actions, options)).map((entry) => entry.role);
    expect(roles(linux)).not.toContain('toggleDevTools');
    expect(roles(linux)).not.toContain('reload');
    expect(roles({ ...linux, isDev: true })).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('shows the REST API as an opt-in checkbox, its address only when on', () => {
    const { actions, calls } = recorder();
    const off = submenu(buildMenuTemplate(actions, linux), 'File');
    expect(item(off, 'Local REST API')).toMatchObject({ type: 'checkbox', checked: false });
    expect(item(off, 'REST API Address and Key…').enabled).toBe(false);
    const on = submenu(buildMenuTemplate(actions, { ...linux, restApiEnabled: true }), 'File');
    expect(item(on, 'Local REST API').checked).toBe(true);
    expect(item(on, 'REST API Address and Key…').enabled).toBe(true);
    click(item(on, 'Local REST API'));
    click(item(on, 'REST API Address and Key…'));
    expect(calls).toEqual(['toggleRestApi', 'showRestApi']);
  });

  it('has no two items with the same accelerator', () => {
    const { actions } = recorder();
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const keys = allItems(buildMenuTemplate(actions, { ...linux, platform, isDev: true }))
        .map((entry) => entry.accelerator)
        .filter((key): key is string => typeof key === 'string');
      expect(new Set(keys).size, platform).toBe(keys.length);
    }
  });
});
