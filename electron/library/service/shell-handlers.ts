import { FolioError } from '../../../shared/errors.js';
import type { HandlerGroup } from './types.js';

export type ShellMethod = 'shell.pickFolder' | 'shell.showInFolder' | 'shell.openOriginal' | 'shell.trashFiles';

const desktopOnly = (what: string) => (): never => {
  throw new FolioError('UNSUPPORTED', `${what} is only available in the desktop app`);
};

/**
 * Outside Electron there is no native dialog, file manager or OS trash to reach. The desktop
 * shell replaces these handlers with real ones (electron/main).
 */
export const unsupportedShellHandlers: HandlerGroup<ShellMethod> = {
  'shell.pickFolder': desktopOnly('The folder picker'),
  'shell.showInFolder': desktopOnly('Showing a file in its folder'),
  'shell.openOriginal': desktopOnly('Opening a file in its default app'),
  'shell.trashFiles': desktopOnly('Moving files to the system trash'),
};
