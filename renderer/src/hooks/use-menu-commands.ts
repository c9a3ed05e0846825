import { useEffect } from 'react';
import { on } from '../api/client.js';
import { runMenuCommand } from '../actions/menu-command.js';

/** The desktop menu's UI commands (only the Electron app sends them; browser mode never does). */
export function useMenuCommands(): void {
  useEffect(() => on('menu.command', runMenuCommand), []);
}
