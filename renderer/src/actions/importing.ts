/** Adding folders: a typed path in browser mode, the native picker in the desktop app. */
import { call, isDesktop } from '../api/client.js';
import { useStore } from '../store/store.js';
import { noteChange } from './refresh.js';
import { attempt, notify } from './report.js';

export async function startImport(path: string): Promise<boolean> {
  const trimmed = path.trim();
  if (trimmed === '') {
    notify('Type the path of a folder to import');
    return false;
  }
  const result = await attempt(`import “${trimmed}”`, () => call('import.start', { path: trimmed }));
  if (!result) return false;
  noteChange({ aspects: ['folders'] });
  return true;
}

/** Desktop only: asks the shell for a folder, then imports it. */
export async function pickAndImport(): Promise<void> {
  if (!isDesktop) return;
  const picked = await attempt('open the folder picker', () => call('shell.pickFolder', {}));
  if (picked?.path) await startImport(picked.path);
}

export async function cancelImport(): Promise<void> {
  const result = await attempt('cancel the import', () => call('import.cancel', {}));
  if (result && !result.cancelled) notify('No import was running');
}

export async function loadImportStatus(): Promise<void> {
  const status = await attempt('read the import status', () => call('import.status', {}));
  if (status !== undefined) useStore.getState().setImportProgress(status);
}

/** Looks for new, changed and missing files in every folder; progress arrives as an import's does. */
export async function rescanFolders(): Promise<boolean> {
  const result = await attempt('rescan the folders', () => call('import.rescan', {}));
  return result !== undefined;
}
