// Builds Electron's application menu from the pure template.
import { Menu } from 'electron';
import { buildMenuTemplate, type MenuActions, type MenuOptions } from './menu-template.js';

export function installApplicationMenu(actions: MenuActions, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(actions, options)));
}
