// Native dialogs and OS services behind the NativeShell interface the shell handlers use.
import { dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { NativeShell } from './shell/native-shell-handlers.js';

export type WindowGetter = () => BrowserWindow | null;

async function messageBox(getWindow: WindowGetter, options: MessageBoxOptions): Promise<number> {
  const win = getWindow();
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return response;
}

export function createNativeShell(getWindow: WindowGetter): NativeShell {
  return {
    platform: process.platform,
    async pickFolder() {
      const options = { title: 'Add a folder to the library', properties: ['openDirectory' as const] };
      const win = getWindow();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showItemInFolder: (fullPath) => shell.showItemInFolder(fullPath),
    openPath: (fullPath) => shell.openPath(fullPath),
    trashItem: (fullPath) => shell.trashItem(fullPath),
    async confirm({ message, detail, confirmLabel }) {
      // Cancel is the default and the Escape answer: only a deliberate click confirms.
      const response = await messageBox(getWindow, {
        type: 'warning',
        buttons: [confirmLabel, 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
        message,
        detail,
      });
      return response === 0;
    },
  };
}

/** Tells the user about a failed menu action (there is no page-side caller to show it). */
export async function showErrorMessage(getWindow: WindowGetter, message: string, detail: string): Promise<void> {
  await messageBox(getWindow, { type: 'error', buttons: ['OK'], message, detail, noLink: true });
}
